import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { allParas, inked, type Run } from '../model.js';
import type { FontSlot } from '../props.js';
import { decree, error, quote, warning, type Check, type Finding } from '../rule.js';
import type { StyleSheet } from '../styles.js';

const WANT = ND30.font.family.toLowerCase();

/** What a run's slot says: a font name, "" for no font at all, or undefined for a theme font the theme lacks. */
function fontOf(run: Run, slot: FontSlot, styles: StyleSheet): string | undefined {
  const ref = run.props.fonts[slot];
  if (!ref) return '';
  return 'name' in ref ? ref.name.trim() : styles.themeFont(ref.theme);
}

export const fontFamily: Check = {
  id: 'font-family',
  doc: `Mọi đoạn chữ dùng phông ${ND30.font.family} (ascii, hAnsi và cả cs, eastAsia nếu có khai báo)`,
  clause: CLAUSE.font,
  check({ model, a }) {
    const out: Finding[] = [];
    for (const p of allParas(model)) {
      const bad = new Set<string>();
      let unset = false;
      for (const r of inked(p.runs)) {
        for (const slot of ['ascii', 'hAnsi'] as const) {
          const f = fontOf(r, slot, model.styles);
          if (f === '') unset = true;
          else if (f === undefined) bad.add(`phông theo chủ đề “${themeName(r, slot)}” không xác định`);
          else if (f.toLowerCase() !== WANT) bad.add(f);
        }
        // East Asian and complex-script slots matter only when a font is actually named there.
        for (const slot of ['eastAsia', 'cs'] as const) {
          const f = fontOf(r, slot, model.styles);
          if (f && f.toLowerCase() !== WANT) bad.add(f);
        }
      }
      const where = a.where(p);
      if (bad.size > 0) out.push(error(where, `Phông chữ ${[...bad].join(', ')}, phải là ${ND30.font.family}: ${quote(p.text)}${decree(ND30.font.says)}`));
      else if (unset) out.push(warning(where, `Không khai báo phông chữ (Word tự dùng phông mặc định), nên đặt ${ND30.font.family}: ${quote(p.text)}`));
    }
    return out;
  },
};

function themeName(r: Run, slot: FontSlot): string {
  const ref = r.props.fonts[slot];
  return ref && 'theme' in ref ? ref.theme : '';
}
