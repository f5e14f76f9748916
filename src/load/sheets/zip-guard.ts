import { Unzip, UnzipInflate, zipSync, type Unzipped } from 'fflate';
import { LIMITS } from '../limits.js';

/**
 * A workbook is a zip, and a zip is hostile input: a few KB can declare small sizes and inflate to gigabytes.
 * Before the xlsx library sees a workbook, every part is inflated here, by streaming, counting the bytes that
 * are actually produced (never the sizes the zip declares) and stopping at LIMITS.inflatedBytes; the parts are
 * then zipped again, stored without compression, and only that copy is handed over. So the library reads exactly
 * the bytes that were counted — a zip whose central directory says something else than its entries cannot slip a
 * bomb past — and it has nothing left to inflate.
 */
export type Inflated = { parts: Unzipped } | { problem: 'too-large' | 'too-many' | 'corrupt' };

class Stop extends Error {
  constructor(readonly problem: 'too-large' | 'too-many') { super(problem); }
}

export function inflateCapped(bytes: Uint8Array, maxBytes = LIMITS.inflatedBytes, maxEntries = LIMITS.zipEntries): Inflated {
  const parts: Unzipped = {};
  let total = 0;
  let entries = 0;
  const unzip = new Unzip((file) => {
    if (++entries > maxEntries) throw new Stop('too-many');
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (err) throw err;
      total += data.length;
      if (total > maxBytes) throw new Stop('too-large');
      chunks.push(data);
      if (final) parts[file.name] = concat(chunks) as Uint8Array<ArrayBuffer>;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Fed in slices: the inflater then works a slice at a time, and a bomb is stopped after its first megabytes.
    const step = 1 << 16;
    for (let i = 0; i < bytes.length; i += step) unzip.push(bytes.subarray(i, i + step), i + step >= bytes.length);
    if (bytes.length === 0) return { problem: 'corrupt' };
  } catch (e) {
    return { problem: e instanceof Stop ? e.problem : 'corrupt' };
  }
  return { parts };
}

/** The parts zipped again without compression, for the library to read. */
export const storedZip = (parts: Unzipped): Uint8Array => zipSync(parts, { level: 0 });

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}
