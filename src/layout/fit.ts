import { emToPt, textEms } from '../metrics/times.js';
import { textWidthPt } from './text-width.js';

/**
 * Breaking an agency name (cơ quan chủ quản, cơ quan ban hành) into lines that fit the header's left column.
 * Word breaks at the last space that fits, which splits words ("CÔNG / NGHIỆP") and leaves one word alone on a
 * line. Offices break between phrases: before the administrative level ("ỦY BAN NHÂN DÂN / TỈNH KIÊN GIANG"),
 * before "VÀ", "CÁC", "CỦA", or before the name of a unit. Vietnamese words are written as separate syllables,
 * so a word of two syllables looks like two words: common ones in agency names are kept together.
 */

/** Administrative levels: a break before one is the best there is; the place after it is never split. */
const LEVELS = ['TỈNH', 'THÀNH PHỐ', 'HUYỆN', 'QUẬN', 'THỊ XÃ', 'XÃ', 'PHƯỜNG', 'THỊ TRẤN', 'ĐẶC KHU'];
/** Words that start a phrase: a good place for a break. */
const PHRASE_STARTS = ['VÀ', 'CÁC', 'CỦA', 'VỀ', 'TẠI', 'THUỘC', 'TRỰC THUỘC'];
/** Names of units: a break before one is fine ("SỞ NỘI VỤ / … "). */
const UNITS = ['SỞ', 'BAN', 'PHÒNG', 'CỤC', 'CHI CỤC', 'TỔNG CỤC', 'TRUNG TÂM', 'VĂN PHÒNG', 'KHU', 'VIỆN', 'TRƯỜNG', 'BỆNH VIỆN', 'ĐOÀN', 'HỘI ĐỒNG', 'ỦY BAN', 'BỘ', 'THANH TRA', 'ĐẢNG ỦY', 'CÔNG TY'];
/** Two- and three-syllable words of agency names, never split. */
const WORDS = [
  'NHÂN DÂN', 'QUẢN LÝ', 'CÔNG NGHIỆP', 'NÔNG NGHIỆP', 'CHẾ XUẤT', 'KINH TẾ', 'NỘI VỤ', 'TÀI CHÍNH', 'GIÁO DỤC', 'ĐÀO TẠO',
  'Y TẾ', 'VĂN HÓA', 'THỂ THAO', 'DU LỊCH', 'XÂY DỰNG', 'GIAO THÔNG', 'VẬN TẢI', 'TƯ PHÁP', 'PHÁT TRIỂN', 'NÔNG THÔN',
  'TÀI NGUYÊN', 'MÔI TRƯỜNG', 'THÔNG TIN', 'TRUYỀN THÔNG', 'KHOA HỌC', 'CÔNG NGHỆ', 'LAO ĐỘNG', 'THƯƠNG BINH', 'XÃ HỘI',
  'KẾ HOẠCH', 'ĐẦU TƯ', 'CÔNG THƯƠNG', 'NGOẠI VỤ', 'HÀNH CHÍNH', 'CÔNG CỘNG', 'PHỤC VỤ', 'DÂN TỘC', 'TÔN GIÁO', 'CẢI CÁCH',
  'KIỂM TRA', 'CÔNG AN', 'QUÂN SỰ', 'BIÊN PHÒNG', 'THỦY SẢN', 'LÂM NGHIỆP', 'KHUYẾN NÔNG', 'THỐNG KÊ', 'THUẾ VỤ',
  'BẢO HIỂM', 'NGÂN HÀNG', 'KHO BẠC', 'HẢI QUAN', 'THI ĐUA', 'KHEN THƯỞNG', 'VĂN THƯ', 'LƯU TRỮ', 'CÔNG NGHỆ CAO',
  'HỒ CHÍ MINH', 'NHÀ NƯỚC', 'ĐỊA PHƯƠNG', 'CHÍNH PHỦ', 'ĐẤT ĐAI', 'ĐĂNG KÝ', 'NHÀ Ở', 'BẤT ĐỘNG SẢN', 'TRẺ EM', 'GIA ĐÌNH',
];

const COST = { level: 0, phrase: 1, unit: 2, other: 6, inWord: 1e6 } as const;
/** Never a line break here, not even as a last resort (beside a dash). */
const NEVER = Infinity;
/** A break costing more than this is not "between phrases". */
const PHRASE_MAX = COST.unit;

const startsAt = (syl: readonly string[], i: number, words: readonly string[]): string | undefined =>
  words.find((w) => syllablesOf(w).every((s, k) => syl[i + k] === s));
/** The lists' words split once (breakCosts asks for every syllable of every name it tries). */
const split = new Map<string, string[]>();
const syllablesOf = (w: string): string[] => split.get(w) ?? split.set(w, w.split(' ')).get(w)!;

/** For each gap i (a break before syllable i), its cost: high inside a word or a place, NEVER beside a dash. */
function breakCosts(syl: readonly string[]): number[] {
  const cost = syl.map((_, i) => (i === 0 ? NEVER : COST.other));
  const protect = (from: number, to: number) => { for (let k = from + 1; k < to; k++) cost[k] = Math.max(cost[k]!, COST.inWord); };
  for (let i = 0; i < syl.length; i++) {
    // A dash joins its neighbours ("LAO ĐỘNG - THƯƠNG BINH"): no line starts or ends with it.
    if (/^[-–]$/.test(syl[i]!)) { cost[i] = NEVER; if (i + 1 < syl.length) cost[i + 1] = NEVER; }
    const word = startsAt(syl, i, WORDS);
    // "XÃ HỘI" is a word, not the level "XÃ".
    const level = word ? undefined : startsAt(syl, i, LEVELS);
    if (level) {
      if (i > 0 && cost[i]! <= COST.other) cost[i] = COST.level;
      // The place after a level ("TỈNH BÀ RỊA - VŨNG TÀU") stays whole up to the next phrase start.
      let end = i + level.split(' ').length;
      while (end < syl.length && !startsAt(syl, end, PHRASE_STARTS)) end++;
      protect(i, end);
      continue;
    }
    const phrase = startsAt(syl, i, PHRASE_STARTS);
    const unit = startsAt(syl, i, UNITS);
    if (i > 0 && cost[i]! <= COST.other && (phrase || unit)) cost[i] = Math.min(cost[i]!, phrase ? COST.phrase : COST.unit);
    for (const w of [word, phrase, unit]) if (w) protect(i, i + w.split(' ').length);
  }
  return cost;
}

/** A name broken into lines: at which size, how wide its widest line, and the cost of its breaks. */
export interface Broken { lines: string[]; sizePt: number; widthPt: number; cost: number }

/**
 * Every way to cut syllables [from, n) into `lines` lines at the given gaps whose every line fits (`fits(a, b)`:
 * syllables a..b-1 on one line). A line only widens as syllables join it, so the search stops at the first that
 * does not fit: a few hundred tries for a real name, and no runaway for a name of thousands of syllables.
 */
function* cuts(n: number, lines: number, fits: (a: number, b: number) => boolean, from = 0): Generator<number[]> {
  if (lines === 1) { if (fits(from, n)) yield []; return; }
  for (let i = from + 1; i <= n - 1 && fits(from, i); i++) for (const rest of cuts(n, lines - 1, fits, i)) yield [i, ...rest];
}

/**
 * The best way to print `text` in at most `maxLines` lines no wider than `widthPt`: fewest lines first, at the
 * largest size of `sizes` first, with breaks only between phrases and no line of one syllable; among equals the
 * most balanced lines. Null when no such breaking exists (then `breakAnywhere` is the fallback).
 */
export function breakName(text: string, sizes: readonly number[], bold: boolean, widthPt: number, maxLines = 3, maxCost: number = PHRASE_MAX): Broken | null {
  const syl = text.split(/\s+/).filter(Boolean);
  const costs = breakCosts(syl);
  for (let lines = 1; lines <= Math.min(maxLines, syl.length); lines++) {
    for (const sizePt of sizes) {
      let best: { score: number; b: Broken } | undefined;
      const fitting = new Map<number, boolean>();
      const fits = (a: number, b: number) => {
        const key = a * (syl.length + 1) + b;
        let f = fitting.get(key);
        if (f === undefined) fitting.set(key, (f = textWidthPt(syl.slice(a, b).join(' '), sizePt, bold) <= widthPt));
        return f;
      };
      for (const cut of cuts(syl.length, lines, fits)) {
        if (cut.some((i) => costs[i]! > maxCost)) continue;
        const bounds = [0, ...cut, syl.length];
        const parts = bounds.slice(0, -1).map((b, k) => syl.slice(b, bounds[k + 1]));
        if (lines > 1 && parts.some((p) => p.length < 2)) continue;
        const texts = parts.map((p) => p.join(' '));
        const widths = texts.map((t) => textWidthPt(t, sizePt, bold));
        const widest = Math.max(...widths);
        if (widest > widthPt) continue;
        // Cheaper breaks first; then balance (the widest line as short as it can be).
        const cost = cut.reduce((s, i) => s + costs[i]!, 0);
        const score = cost * 1000 + widest;
        if (!best || score < best.score) best = { score, b: { lines: texts, sizePt, widthPt: widest, cost } };
      }
      if (best) return best.b;
    }
  }
  return null;
}

/**
 * Last resort for a name no phrase break can fit: breaks between words, then (if even that fails) inside a word;
 * never beside a dash, never a syllable alone.
 */
export const breakAnywhere = (text: string, sizes: readonly number[], bold: boolean, widthPt: number): Broken | null =>
  breakName(text, sizes, bold, widthPt, 4, COST.other * 3) ?? breakName(text, sizes, bold, widthPt, 4, COST.inWord);

/** Longest line keepPhrases works on, in words (a title or subject of four or five lines). */
const KEEP_MAX_WORDS = 80;
/** No-break space: Word and Typst both keep the words on either side on one line. */
const NBSP = '\u00A0';

/**
 * A line of text that Word and Typst will wrap greedily at `widthPt` (the V/v subject under the number, an appendix
 * title): where a greedy break would split a word or a place ("HUYỆN AN / BIÊN"), or leave one word alone on the last
 * line, the space there becomes a no-break space, until no such break is left. Text that wraps well comes back as it
 * is, so a letter without the problem prints exactly as before.
 */
export function keepPhrases(text: string, sizePt: number, bold: boolean, widthPt: number): string {
  const syl = text.split(' ');
  // A subject or title of more than a few lines is left to wrap as it will (and a pathological one costs nothing).
  if (syl.length < 3 || syl.length > KEEP_MAX_WORDS) return text;
  const costs = breakCosts(syl.map((s) => s.toLocaleUpperCase('vi')));
  const ems = syl.map((s) => textEms(s, { bold }));
  const glued = new Set<number>();
  for (let round = 0; round < syl.length; round++) {
    const breaks = greedyBreaks(syl, ems, textEms(' ', { bold }), glued, sizePt, widthPt);
    const bad = breaks.filter((b) => costs[b]! >= COST.inWord && !glued.has(b));
    const last = breaks.at(-1);
    // One word alone on the last line: keep it with the word before.
    if (last !== undefined && last === syl.length - 1 && !glued.has(last)) bad.push(last);
    if (!bad.length) break;
    for (const b of bad) glued.add(b);
  }
  return syl.map((s, i) => (i === 0 ? s : (glued.has(i) ? NBSP : ' ') + s)).join('');
}

/**
 * Where greedy filling breaks the line: before which syllables (gaps in `glued` never break). Widths are the
 * syllables' in thousandths of an em (`ems`, `space`), added up as the line grows: the same sums as measuring each
 * candidate line whole, without measuring its text again and again.
 */
function greedyBreaks(syl: readonly string[], ems: readonly number[], space: number, glued: ReadonlySet<number>, sizePt: number, widthPt: number): number[] {
  const breaks: number[] = [];
  let line = 0; // the line so far, in thousandths
  let empty = true; // no text on it yet
  let i = 0;
  while (i < ems.length) {
    // The next unit: a syllable and every syllable glued to it.
    let unit = ems[i]!;
    let j = i + 1;
    while (j < ems.length && glued.has(j)) unit += space + ems[j++]!;
    const unitEmpty = j === i + 1 && syl[i] === '';
    if (!empty && emToPt(line + space + unit, sizePt) > widthPt) { breaks.push(i); line = unit; empty = unitEmpty; }
    else if (empty) { line = unit; empty = unitEmpty; }
    else line += space + unit;
    i = j;
  }
  return breaks;
}
