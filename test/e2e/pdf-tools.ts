import { execFileSync, spawnSync } from 'node:child_process';

/**
 * poppler and LibreOffice for the PDF end-to-end tests. They are required, not optional: when one is
 * missing the tests fail with this message (CI installs them, see .ci/run).
 */
export function requireTools(): void {
  const missing = ['soffice', 'pdftotext', 'pdfinfo'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length) {
    throw new Error(
      `PDF e2e tests need ${missing.join(', ')} on PATH. Install them with: ` +
      'sudo apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils (.ci/run does this in CI)',
    );
  }
}

export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}:\n${info}`);
  return Number(m[1]);
}

/** Text for matching: NFC, every run of whitespace (pdftotext's line breaks, column gaps) one space. */
export const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** `pdftotext -layout` (what the assertions are about) and plain reading order (for lines that wrap). */
export function pdfText(pdf: string): { layout: string; plain: string } {
  const run = (args: string[]) => norm(execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  return { layout: run(['-layout']), plain: run([]) };
}
