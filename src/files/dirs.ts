import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const fail = (code: string, path: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: ${path}`), { code, path });

/**
 * `mkdir -p` that always ends. Node's `mkdirSync(dir, { recursive: true })` loops forever on a pseudo file
 * system such as /proc, where mkdir answers ENOENT although the parent exists; here each missing folder is
 * created once, parent first, and the first failure is thrown (with its errno `code`). An existing path that
 * is not a folder throws EEXIST.
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  let cur = resolve(dir);
  for (;;) {
    let isDir: boolean | undefined;
    try { isDir = statSync(cur).isDirectory(); } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (isDir === false) throw fail(missing.length ? 'ENOTDIR' : 'EEXIST', cur);
    if (isDir) break;
    missing.push(cur);
    const parent = dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
  for (const d of missing.reverse()) {
    try { mkdirSync(d); } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && statSync(d).isDirectory()) continue; // made meanwhile
      throw e;
    }
  }
}

/** Why a folder could not be made, in words for a clerk. */
export function dirErrorMessage(e: unknown, wanted: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const dir = (e as NodeJS.ErrnoException)?.path ?? wanted;
  switch (code) {
    case 'EEXIST': return `${dir} đã là một tệp, không phải thư mục`;
    case 'ENOTDIR': return `đường dẫn ${dir} đi qua một tệp, không phải thư mục`;
    case 'EACCES': case 'EPERM': return `không có quyền tạo thư mục ${dir}`;
    case 'EROFS': return `ổ đĩa chỉ đọc, không tạo được thư mục ${dir}`;
    case 'ENOENT': return `hệ thống tệp không cho tạo thư mục ${dir}`;
    case 'ENOSPC': return `ổ đĩa đầy, không tạo được thư mục ${dir}`;
    case 'ENAMETOOLONG': return `đường dẫn ${dir} quá dài`;
    default: return `không tạo được thư mục ${dir}${code ? ` (${code})` : ''}`;
  }
}

/** An output file that is there already (the problem is shown on its path). */
export const EXISTS = 'đã có tệp này; thêm --force để ghi đè, hoặc đặt tên khác';

/** Why a file could not be written, by errno code; said of the output path the problem is shown on. */
export const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'thư mục chứa tệp này không tồn tại',
  EACCES: 'không có quyền ghi vào thư mục này (thư mục chỉ đọc?)',
  EPERM: 'không có quyền ghi tệp này',
  EROFS: 'ổ đĩa chỉ đọc, không ghi được',
  ENOSPC: 'ổ đĩa đầy, không ghi được',
  EISDIR: 'đây là một thư mục, không ghi tệp vào đó được',
  ENOTDIR: 'đường dẫn đi qua một tệp, không phải thư mục',
  ENAMETOOLONG: 'tên tệp quá dài; hãy đặt "output" ngắn hơn',
  ELOOP: 'đường dẫn có liên kết vòng',
  EINVAL: 'tên tệp không hợp lệ trên hệ thống này',
  EDQUOT: 'hết hạn mức ổ đĩa, không ghi được',
  EFBIG: 'tệp quá lớn để ghi',
  EIO: 'lỗi ổ đĩa khi ghi',
};
