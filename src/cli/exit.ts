/** Exit codes: 0 success, 1 problems in the user's input or files, 2 wrong command usage, 3 a bug in cchc. */
export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;

/** The one line a bug prints (exit 3); the details follow only with --debug. */
export const INTERNAL_MESSAGE = 'cchc: lỗi nội bộ — xin báo lại cho nhóm phát triển, kèm tệp đầu vào (chạy lại với --debug để xem chi tiết).';

/** A usage mistake found after commander parsed the arguments (e.g. -o with several letters). */
export class UsageError extends Error {}
