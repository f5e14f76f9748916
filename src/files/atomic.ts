import { closeSync, linkSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Thrown when the destination exists and the user did not ask to overwrite it. */
export class ExistsError extends Error {
  constructor(readonly path: string) { super(`đã có tệp ${path}; thêm --force để ghi đè`); }
}

let counter = 0;
/** The start of a name, at most `max` bytes of UTF-8, cut between characters. */
function headBytes(name: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of name) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

// The destination's name is cut so the temp name stays within the 255-byte limit of file names even when
// the destination's own name is close to it (the write then fails on the real name, with a clear error).
const tempPath = (dest: string): string =>
  join(dirname(dest), `.${headBytes(basename(dest), 160)}.${process.pid}.${Date.now().toString(36)}.${counter++}.tmp`);

/**
 * Writes a file so that it is either complete or absent: the bytes go to a temporary file in the same
 * folder, then take the final name in one step. Without `force`, the step is a hard link, which fails if
 * the name exists — so another process's file is never overwritten, even in a race.
 */
export function writeFileAtomic(dest: string, bytes: Uint8Array, force: boolean): void {
  const tmp = tempPath(dest);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    // No fsync: the rename already makes the file complete-or-absent if cchc is stopped; fsync only adds
    // safety against a power cut, at ~1 ms a file (half the time of a letter in a batch).
    writeFileSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  try {
    if (force) renameSync(tmp, dest);
    else linkSync(tmp, dest);
  } catch (e) {
    safeUnlink(tmp);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ExistsError(dest);
    throw e;
  }
  if (!force) safeUnlink(tmp);
}

function safeUnlink(p: string): void {
  try { unlinkSync(p); } catch { /* already gone */ }
}
