import { zipSync, type Unzipped } from 'fflate';
import { unzipCapped, UnzipError } from '../../files/unzip.js';
import { LIMITS } from '../limits.js';

/**
 * A workbook is a zip, and a zip is hostile input. Before the xlsx library sees a workbook, every part is
 * inflated by src/files/unzip.ts, counting the bytes actually produced and stopping at LIMITS.inflatedBytes; the
 * parts are then zipped again, stored without compression, and only that copy is handed over. So the library
 * reads exactly the bytes that were counted — a zip whose central directory says something else than its
 * entries cannot slip a bomb past — and it has nothing left to inflate.
 */
export type Inflated = { parts: Unzipped } | { problem: 'too-large' | 'too-many' | 'corrupt' };

export function inflateCapped(bytes: Uint8Array, maxBytes = LIMITS.inflatedBytes, maxEntries = LIMITS.zipEntries): Inflated {
  try {
    return { parts: Object.fromEntries(unzipCapped(bytes, { total: maxBytes, entries: maxEntries })) as Unzipped };
  } catch (e) {
    if (!(e instanceof UnzipError)) throw e;
    const { kind } = e.problem;
    // An entry that inflates past its declared size is a bomb in disguise: reported as one.
    return { problem: kind === 'too-many' ? 'too-many' : kind === 'corrupt' ? 'corrupt' : 'too-large' };
  }
}

/** The parts zipped again without compression, for the library to read. */
export const storedZip = (parts: Unzipped): Uint8Array => zipSync(parts, { level: 0 });
