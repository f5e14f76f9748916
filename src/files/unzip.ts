/**
 * A zip read as hostile input (a DOCX to check, a workbook to load): a few KB can declare small sizes and
 * inflate to gigabytes. fflate's streaming Unzip walks the entries; each deflated entry is inflated by node:zlib
 * with `maxOutputLength`, which stops as soon as the output passes the limit. The limit is what is left of the
 * total, the part limit if any, and one byte over the size the entry declares (an entry that inflates past it
 * lies about itself). So a 300 MB part declared as 1,000 bytes costs the first kilobyte, not 300 MB of CPU.
 * Callers say what went wrong in their own words (check/zip.ts, load/sheets/zip-guard.ts).
 */
import { Unzip, type UnzipDecoder } from 'fflate';
import { inflateRawSync } from 'node:zlib';

export type UnzipProblem =
  | { kind: 'corrupt'; part?: string }
  /** An entry declares more than the part limit. */
  | { kind: 'declared-too-large'; part: string; declared: number; limit: number }
  /** An entry inflates past the size it declares. */
  | { kind: 'lies'; part: string; declared: number }
  /** The entry, or all entries together, inflate past `limit`. */
  | { kind: 'too-large'; part: string; limit: number }
  | { kind: 'too-many'; limit: number };

export class UnzipError extends Error {
  constructor(readonly problem: UnzipProblem) {
    super(problem.kind);
    this.name = 'UnzipError';
  }
}

export interface UnzipLimits {
  /** Bytes all inflated entries may make together. */
  total: number;
  /** Bytes one entry may make. */
  part?: number;
  /** Entries the zip may hold (wanted or not). */
  entries?: number;
  /** Entries to inflate; the others are skipped. */
  want?: (name: string) => boolean;
}

/** The wanted entries, inflated; throws UnzipError on a damaged zip or one that passes a limit. */
export function unzipCapped(bytes: Uint8Array, limits: UnzipLimits): Map<string, Uint8Array> {
  const { total: maxTotal, part: maxPart = maxTotal, entries: maxEntries = Infinity, want = () => true } = limits;
  const files = new Map<string, Uint8Array>();
  let total = 0;
  let entries = 0;
  const count = (part: string, n: number) => {
    total += n;
    if (total > maxTotal) throw new UnzipError({ kind: 'too-large', part, limit: maxTotal });
  };

  /** DEFLATE (method 8) with the cap; the compressed bytes of an entry arrive in one or more chunks. */
  class CappedInflate implements UnzipDecoder {
    static readonly compression = 8;
    ondata: UnzipDecoder['ondata'] = () => {};
    private readonly chunks: Uint8Array[] = [];

    constructor(private readonly name: string, _size?: number, private readonly declared?: number) {
      if (declared !== undefined && declared > maxPart) throw new UnzipError({ kind: 'declared-too-large', part: name, declared, limit: maxPart });
    }

    push(chunk: Uint8Array, final: boolean): void {
      this.chunks.push(chunk);
      if (final) this.ondata(null, this.inflate(Buffer.concat(this.chunks as readonly Uint8Array<ArrayBuffer>[])), true);
    }

    private inflate(data: Buffer): Uint8Array<ArrayBuffer> {
      const room = Math.min(maxPart, maxTotal - total);
      // One byte over the declared size is enough to know the entry lies.
      const limit = Math.max(1, Math.min(room, this.declared === undefined ? room : this.declared + 1));
      let out: Buffer;
      try {
        out = inflateRawSync(data, { maxOutputLength: limit });
      } catch (e) {
        if ((e as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw new UnzipError({ kind: 'corrupt', part: this.name });
        if (this.declared !== undefined && this.declared < room) throw new UnzipError({ kind: 'lies', part: this.name, declared: this.declared });
        throw new UnzipError({ kind: 'too-large', part: this.name, limit });
      }
      count(this.name, out.length);
      return out as Uint8Array<ArrayBuffer>;
    }
  }

  const unzip = new Unzip((file) => {
    if (++entries > maxEntries) throw new UnzipError({ kind: 'too-many', limit: maxEntries });
    if (!want(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (err) throw new UnzipError({ kind: 'corrupt', part: file.name });
      chunks.push(data);
      if (file.compression === 0) count(file.name, data.length);
      if (final) files.set(file.name, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks as Uint8Array<ArrayBuffer>[]));
    };
    file.start();
  });
  unzip.register(CappedInflate);
  if (bytes.length === 0) throw new UnzipError({ kind: 'corrupt' });
  try {
    unzip.push(bytes, true);
  } catch (e) {
    if (e instanceof UnzipError) throw e;
    throw new UnzipError({ kind: 'corrupt' });
  }
  return files;
}
