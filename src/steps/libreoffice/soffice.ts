import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** How to get LibreOffice, shown whenever it cannot be found. */
export const installHint = (platform: NodeJS.Platform): string => platform === 'linux' || platform === 'freebsd'
  ? 'cài LibreOffice bằng lệnh: sudo apt-get install libreoffice-writer-nogui fonts-liberation2'
  : 'cài LibreOffice từ https://www.libreoffice.org/download/';

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
