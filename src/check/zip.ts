/**
 * The parts of a zip that `check` reads, inflated with a cap on the bytes actually produced. fflate's streaming
 * Unzip walks the entries; each wanted deflated entry is inflated by node:zlib with `maxOutputLength`, which
 * stops as soon as the output passes the limit. The limit is the size the entry declares (a part that inflates
 * past it lies about itself: a zip bomb), and never more than MAX_PART nor what is left of MAX_TOTAL. So a
 * 300 MB part declared as 1,000 bytes costs the first kilobyte, not 300 MB of CPU.
 */
import { Unzip, type UnzipDecoder } from 'fflate';
import { inflateRawSync } from 'node:zlib';

/** One XML part larger than this is refused (a long letter's document.xml is well under 5 MB). */
export const MAX_PART = 64 * 1024 * 1024;
/** All parts read together. */
export const MAX_TOTAL = 200 * 1024 * 1024;

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Entries whose name `want` accepts, inflated; throws ZipError on a damaged zip or one that inflates too far. */
export function readZip(bytes: Uint8Array, want: (name: string) => boolean): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  const count = (name: string, n: number) => {
    total += n;
    if (total > MAX_TOTAL) throw new ZipError(`Các phần XML giải nén ra hơn ${MB(MAX_TOTAL)} (dừng ở ${name}): tệp nén bất thường.`);
  };

  /** DEFLATE (method 8) with the cap; the compressed bytes of an entry arrive in one or more chunks. */
  class CappedInflate implements UnzipDecoder {
    static readonly compression = 8;
    ondata: UnzipDecoder['ondata'] = () => {};
    private readonly chunks: Uint8Array[] = [];

    constructor(
      private readonly name: string,
      _size?: number,
      private readonly declared?: number,
    ) {
      if (declared !== undefined && declared > MAX_PART) {
        throw new ZipError(`Phần ${name} khai báo ${MB(declared)} khi giải nén, quá giới hạn ${MB(MAX_PART)}.`);
      }
    }

    push(chunk: Uint8Array, final: boolean): void {
      this.chunks.push(chunk);
      if (final) this.ondata(null, this.inflate(Buffer.concat(this.chunks as readonly Uint8Array<ArrayBuffer>[])), true);
    }

    private inflate(data: Buffer): Uint8Array<ArrayBuffer> {
      const room = Math.min(MAX_PART, MAX_TOTAL - total);
      // One byte over the declared size is enough to know the entry lies.
      const limit = Math.max(1, Math.min(room, this.declared === undefined ? room : this.declared + 1));
      let out: Buffer;
      try {
        out = inflateRawSync(data, { maxOutputLength: limit });
      } catch (e) {
        if ((e as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw new ZipError(`Phần ${this.name} của tệp nén bị hỏng.`);
        if (this.declared !== undefined && this.declared < room) {
          throw new ZipError(`Phần ${this.name} giải nén ra nhiều hơn kích thước nó khai báo (${this.declared} byte): tệp nén bất thường.`);
        }
        throw new ZipError(`Phần ${this.name} giải nén ra hơn ${MB(limit)}: tệp nén bất thường.`);
      }
      count(this.name, out.length);
      return out as Uint8Array<ArrayBuffer>;
    }
  }

  const unzip = new Unzip((file) => {
    if (!want(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (err) throw new ZipError(`Phần ${file.name} nén theo cách không đọc được.`);
      chunks.push(data);
      if (file.compression === 0) count(file.name, data.length);
      if (final) files.set(file.name, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks as Uint8Array<ArrayBuffer>[]));
    };
    file.start();
  });
  unzip.register(CappedInflate);
  try {
    unzip.push(bytes, true);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError('Tệp nén ZIP bị hỏng hoặc không đọc được.');
  }
  return files;
}
