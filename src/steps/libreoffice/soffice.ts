import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Linux families by /etc/os-release (ID and ID_LIKE), each with its own package command. */
const LINUX_INSTALL: [RegExp, string][] = [
  [/\b(debian|ubuntu|linuxmint|pop|raspbian)\b/, 'sudo apt-get install libreoffice-writer-nogui fonts-liberation2'],
  [/\b(fedora|rhel|centos|rocky|almalinux)\b/, 'sudo dnf install libreoffice-writer liberation-fonts'],
  [/\b(opensuse|suse|sles)\b/, 'sudo zypper install libreoffice-writer liberation-fonts'],
  [/\b(arch|manjaro|endeavouros)\b/, 'sudo pacman -S libreoffice-fresh ttf-liberation'],
  [/\balpine\b/, 'sudo apk add libreoffice-writer font-liberation'],
];

function osRelease(): string {
  try { return readFileSync('/etc/os-release', 'utf8'); } catch { return ''; }
}

/**
 * How to get LibreOffice on the user's own system, shown whenever it cannot be found: the installer on Windows
 * and macOS (or Homebrew), the distribution's package command on Linux (read from /etc/os-release).
 */
export function installHint(platform: NodeJS.Platform, release: string = platform === 'linux' ? osRelease() : ''): string {
  if (platform === 'win32') return 'tải bộ cài LibreOffice cho Windows tại https://www.libreoffice.org/download/ và cài như mọi phần mềm (cchc tự tìm trong C:\\Program Files\\LibreOffice)';
  if (platform === 'darwin') return 'cài LibreOffice bằng lệnh: brew install --cask libreoffice, hoặc tải bản macOS tại https://www.libreoffice.org/download/ rồi kéo vào thư mục Applications';
  if (platform === 'freebsd') return 'cài LibreOffice bằng lệnh: sudo pkg install libreoffice';
  if (platform === 'linux') {
    const ids = (release.match(/^ID(?:_LIKE)?=.*$/gm) ?? []).join(' ').toLowerCase().replace(/"/g, '');
    const found = LINUX_INSTALL.find(([re]) => re.test(ids));
    if (found) return `cài LibreOffice bằng lệnh: ${found[1]}`;
    return 'cài gói LibreOffice Writer bằng trình quản lý gói của bản Linux đang dùng, hoặc tải tại https://www.libreoffice.org/download/';
  }
  return 'cài LibreOffice từ https://www.libreoffice.org/download/';
}

const isExecutable = (p: string): boolean => {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Where LibreOffice installs itself when it is not put on PATH (macOS app bundle, Windows installer). */
function wellKnown(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  if (platform === 'win32') {
    return [env.ProgramFiles, env['ProgramFiles(x86)']].filter((d): d is string => !!d).map((d) => join(d, 'LibreOffice', 'program', 'soffice.exe'));
  }
  return [];
}

/**
 * The soffice executable, or a one-line Vietnamese reason why there is none. CCHC_SOFFICE, when set, is
 * the only place looked at (so a wrong value is reported, not silently replaced by another soffice).
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { path: string } | { error: string } {
  const override = env.CCHC_SOFFICE;
  if (override !== undefined && override !== '') {
    if (isExecutable(override)) return { path: override };
    return { error: `không chạy được LibreOffice tại CCHC_SOFFICE=${override} (không có tệp này hoặc không có quyền chạy) nên chưa tạo được PDF; các tệp DOCX vẫn đã được ghi. Hãy sửa CCHC_SOFFICE, hoặc bỏ biến này và ${installHint(platform)}` };
  }
  const names = platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  for (const name of names) for (const dir of dirs) {
    const p = join(dir, name);
    if (isExecutable(p)) return { path: p };
  }
  for (const p of wellKnown(platform, env)) if (isExecutable(p)) return { path: p };
  return { error: `không tìm thấy LibreOffice (lệnh soffice) nên chưa tạo được PDF; các tệp DOCX vẫn đã được ghi. Hãy ${installHint(platform)} (hoặc đặt biến CCHC_SOFFICE chỉ tới tệp soffice)` };
}
