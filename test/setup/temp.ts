import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Global setup: one parent folder in the OS temp dir for every file the tests write (test/helpers.ts tempDir),
 * removed when the run ends, so runs do not leave thousands of folders behind in /tmp.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'cchc-tests-'));
  process.env.CCHC_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
