/**
 * List numbering (numbering.xml). Word does not store "1." or "- " in the text of a numbered paragraph, so the
 * checker rebuilds the label, to judge a Nơi nhận item made with a "-" bullet like one typed by hand, and takes the
 * level's indentation, which sits between the paragraph style and direct formatting.
 */
import { num, readPara, type ParaProps } from './props.js';
import { child, childrenNamed, type XmlElement } from './xml.js';

interface Level {
  fmt: string;
  text: string;
  start: number;
  suffix: string;
  pPr: ParaProps;
}

export class Numbering {
  /** numId → levels by ilvl. */
  private readonly lists = new Map<string, Map<number, Level>>();
  /** numId → current counter per level. */
  private readonly counters = new Map<string, number[]>();

  constructor(root: XmlElement | undefined) {
    const abstract = new Map<string, Map<number, Level>>();
    for (const a of childrenNamed(root, 'w:abstractNum')) {
      abstract.set(a.attrs['w:abstractNumId'] ?? '', levels(a));
    }
    for (const n of childrenNamed(root, 'w:num')) {
      const absId = child(n, 'w:abstractNumId')?.attrs['w:val'] ?? '';
      const lv = abstract.get(absId);
      if (lv) this.lists.set(n.attrs['w:numId'] ?? '', lv);
    }
  }

  level(numId: string | undefined, ilvl: number | undefined): Level | undefined {
    if (numId === undefined || numId === '0') return undefined;
    return this.lists.get(numId)?.get(ilvl ?? 0);
  }

  /** The label of the next paragraph in this list ("1.", "a)", "-"), advancing the counters. */
  next(numId: string | undefined, ilvl: number | undefined): string {
    const lv = this.level(numId, ilvl);
    if (!lv || numId === undefined) return '';
    const depth = ilvl ?? 0;
    const counts = this.counters.get(numId) ?? [];
    counts[depth] = counts[depth] === undefined ? lv.start : counts[depth]! + 1;
    counts.length = depth + 1; // deeper levels restart
    this.counters.set(numId, counts);
    if (lv.fmt === 'none') return '';
    const label = lv.fmt === 'bullet' ? lv.text : lv.text.replace(/%(\d)/g, (_, d: string) => String(counts[Number(d) - 1] ?? 1));
    return label + (lv.suffix === 'nothing' ? '' : lv.suffix === 'space' ? ' ' : '\t');
  }
}

function levels(abstractNum: XmlElement): Map<number, Level> {
  const out = new Map<number, Level>();
  for (const l of childrenNamed(abstractNum, 'w:lvl')) {
    out.set(num(l.attrs['w:ilvl']) ?? 0, {
      fmt: child(l, 'w:numFmt')?.attrs['w:val'] ?? 'decimal',
      text: child(l, 'w:lvlText')?.attrs['w:val'] ?? '',
      start: num(child(l, 'w:start')?.attrs['w:val']) ?? 1,
      suffix: child(l, 'w:suff')?.attrs['w:val'] ?? 'tab',
      pPr: readPara(child(l, 'w:pPr')),
    });
  }
  return out;
}
