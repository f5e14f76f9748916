import { ND30 } from '../decree/nd30.js';
import { parseIsoDate } from '../schema/date.js';
import type { Letter } from '../schema/letter.js';
import { formatDocNumber } from '../template/vn.js';

/** What identifies a letter in the register: the same number, symbol and year is the same letter. */
export interface RegisterKey { number: number; symbol: string; year: number }

export const keyText = (k: RegisterKey): string => `${k.number}/${k.symbol}/${k.year}`;

/** The year a letter is registered in: its date's, or (no date yet: the Văn thư writes it) this year's, as its date line. */
export const letterYear = (letter: Pick<Letter, 'date'>, today: Date): number =>
  (letter.date ? parseIsoDate(letter.date)?.year : undefined) ?? today.getFullYear();

/** A register row's cells: text, a number, a date (an Excel date cell) or empty. */
export type RegisterCell = string | number | Date | null;

/**
 * The ten Phụ lục IV columns for a letter with its number: "114/UBND-NCPC", its date (a date cell; when the letter
 * leaves the date to the Văn thư, "…/…/2020" with the year its date line prints, to be completed by hand — the
 * year is part of the letter's key), "Công văn V/v …", the signer, where it goes (Kính gửi, then Nơi nhận), the
 * archive line, the copies (one per recipient and per archive entry), and three columns the Văn thư fills by hand.
 */
export function registerRow(letter: Letter & { number: number | string }, year: number): RegisterCell[] {
  const archive = typeof letter.archive === 'string' ? letter.archive.split(',').map((s) => s.trim()).filter(Boolean) : letter.archive;
  const recipients = [...letter.to, ...(letter.cc ?? [])];
  const date = letter.date ? parseIsoDate(letter.date) : null;
  return [
    `${formatDocNumber(letter.number)}/${letter.symbol}`,
    date ? new Date(Date.UTC(date.year, date.month - 1, date.day)) : `…/…/${year}`,
    `${ND30.outgoingRegister.docType} ${ND30.subject.prefix} ${letter.subject}`,
    letter.signer.name,
    recipients.join('; '),
    archive.join(', '),
    recipients.length + archive.length,
    null,
    null,
    null,
  ];
}

/** The key of a register row from its first two cells ("114/UBND-NCPC", a date), or null when they hold none. */
export function rowKey(numberCell: unknown, dateCell: unknown): RegisterKey | null {
  const m = typeof numberCell === 'string' ? /^\s*0*(\d+)\s*\/\s*(\S+?)\s*$/.exec(numberCell) : null;
  if (!m) return null;
  const year = yearOf(dateCell);
  return year === null ? null : { number: Number(m[1]), symbol: m[2]!, year };
}

function yearOf(v: unknown): number | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.getUTCFullYear();
  if (typeof v === 'string') {
    const m = /(\d{4})\s*$/.exec(v.trim()) ?? /^(\d{4})-/.exec(v.trim());
    return m ? Number(m[1]) : null;
  }
  return null;
}
