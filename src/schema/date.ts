import * as z from 'zod';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits an ISO date, or returns null when it is not YYYY-MM-DD or does not exist (2021-02-30). */
export function parseIsoDate(s: string): { year: number; month: number; day: number } | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  const exists = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return exists && year >= 1900 && year <= 2999 ? { year, month, day } : null;
}

/** A local day as an ISO date string (YYYY-MM-DD): "today" as the contract writes dates. */
export const isoDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** An ISO date string (YYYY-MM-DD) that exists on the calendar. */
export const isoDate = z
  .string()
  .superRefine((s, ctx) => {
    if (!ISO.test(s)) {
      ctx.addIssue({ code: 'custom', message: `ngày phải viết dạng NĂM-THÁNG-NGÀY, ví dụ 2017-01-25 (đang là "${s}")` });
    } else if (!parseIsoDate(s)) {
      ctx.addIssue({ code: 'custom', message: `ngày ${s} không có thật trên lịch` });
    }
  })
  .meta({ description: 'Ngày theo dạng YYYY-MM-DD, ví dụ 2017-01-25', pattern: ISO.source });
