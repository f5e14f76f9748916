/**
 * The parts of a zip that `check` reads, inflated with a cap on the bytes actually produced (src/files/unzip.ts):
 * a part may not inflate past the size it declares, nor past MAX_PART, and all of them not past MAX_TOTAL.
 */
import { unzipCapped, UnzipError, type UnzipProblem } from '../files/unzip.js';

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
  try {
    return unzipCapped(bytes, { total: MAX_TOTAL, part: MAX_PART, want });
  } catch (e) {
    if (e instanceof UnzipError) throw new ZipError(message(e.problem));
    throw e;
  }
}

function message(p: UnzipProblem): string {
  switch (p.kind) {
    case 'declared-too-large': return `Phần ${p.part} khai báo ${MB(p.declared)} khi giải nén, quá giới hạn ${MB(p.limit)}.`;
    case 'lies': return `Phần ${p.part} giải nén ra nhiều hơn kích thước nó khai báo (${p.declared} byte): tệp nén bất thường.`;
    case 'too-large': return p.limit === MAX_TOTAL
      ? `Các phần XML giải nén ra hơn ${MB(MAX_TOTAL)} (dừng ở ${p.part}): tệp nén bất thường.`
      : `Phần ${p.part} giải nén ra hơn ${MB(p.limit)}: tệp nén bất thường.`;
    case 'corrupt': return p.part ? `Phần ${p.part} của tệp nén bị hỏng.` : 'Tệp nén ZIP bị hỏng hoặc không đọc được.';
    case 'too-many': return 'Tệp nén có quá nhiều phần.';
  }
}
