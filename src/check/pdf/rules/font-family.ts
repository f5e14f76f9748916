import { CLAUSE, ND30 } from '../../../decree/nd30.js';
import { decree, error, quote, type Finding } from '../../rule.js';
import type { PdfCheck } from './check.js';

/**
 * Fonts that print Times New Roman's letters at Times New Roman's widths: Times New Roman itself and its
 * metric-compatible twins (Liberation Serif, Tinos, TeX Gyre Termes, Nimbus Roman). Anything else in a
 * Vietnamese letter is usually a fallback the writer took for letters its font lacked.
 */
const TIMES = /^(times ?new ?roman|timesnewromanps|timesnrmt|times-|times$|times,|liberation ?serif|tinos|tex ?gyre ?termes|texgyretermes|nimbus ?rom(an|no9)?)/i;

export const fontFamily: PdfCheck = {
  id: 'font-family',
  doc: `Mọi chữ in bằng phông ${ND30.font.family} (hoặc phông cùng số đo: Liberation Serif, Tinos…), phông được nhúng vào tệp PDF`,
  clause: CLAUSE.font,
  check({ a }) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const l of a.all) {
      for (const t of l.pieces) {
        const f = a.facts.fonts[t.font];
        if (!f || seen.has(t.font)) continue;
        const times = TIMES.test(f.name.replace(/\s+/g, ' '));
        if (times && f.embedded) continue;
        seen.add(t.font);
        // A fallback font prints a letter here and there: show the line around it.
        const short = t.str.trim().length < 8;
        const where = short ? `${quote(t.str)} trong dòng ${quote(l.text)}` : quote(t.str);
        out.push(error(`trang ${l.page}`, `${why(f.name, times, f.embedded, short)}: ${where}${decree(ND30.font.says)}`));
      }
    }
    return out;
  },
};

function why(name: string, times: boolean, embedded: boolean, short: boolean): string {
  if (!times) return `Phông ${name} không phải ${ND30.font.family}${short ? ' (phông thay thế cho những chữ Việt mà phông chính thiếu)' : ''}`;
  return `Phông ${name} không được nhúng vào tệp PDF: máy khác in bằng phông thay thế`;
}
