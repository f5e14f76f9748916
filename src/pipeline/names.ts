import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A file name from Vietnamese text: no diacritics (đ → d), lowercase, words joined by "-". */
export function slugify(s: string): string {
  const plain = s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const slug = plain.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, 80).replace(/-+$/, '') || 'cong-van';
}

/** The entry's output name: its `output`, else a slug of the inspected unit or the first recipient. */
export function outputName(letter: { output?: string; inspection?: { unit?: string }; to?: string[] }): string {
  if (letter.output) return letter.output.endsWith('.docx') ? letter.output : `${letter.output}.docx`;
  return `${slugify(letter.inspection?.unit ?? letter.to?.[0] ?? 'cong-van')}.docx`;
}

/**
 * Where a name lands inside the output folder, or an error message when it would land outside
 * (an absolute path or one that climbs out with ".."): entries must not write where nobody looks.
 */
export function confine(outDir: string, name: string): { path: string } | { error: string } {
  if (isAbsolute(name) || /^[a-zA-Z]:/.test(name)) return { error: `tên tệp đầu ra "${name}" là đường dẫn tuyệt đối; chỉ được ghi trong thư mục --out-dir` };
  const root = resolve(outDir);
  const path = resolve(root, name);
  const rel = relative(root, path);
  // A ".." segment, not any name starting with "..": "..ok.docx" is an ordinary file inside the folder.
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) {
    return { error: `tên tệp đầu ra "${name}" ra ngoài thư mục --out-dir` };
  }
  return { path };
}

/** The PDF beside a DOCX: same name, extension .pdf. */
export const pdfPathFor = (docx: string): string => join(dirname(docx), `${basename(docx, extname(docx))}.pdf`);
