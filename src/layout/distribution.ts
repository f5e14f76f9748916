import { Paragraph } from 'docx';
import { stripEndPunct } from '../template/vn.js';
import { ND30 } from './nd30.js';
import { run } from './run.js';
import { mmToTwip } from './units.js';

/** The Nơi nhận lines as text: "Như trên" first when there is a Kính gửi, ";" after each, "- Lưu: VT, ….". */
export function distributionItems(hasTo: boolean, cc: readonly string[], archive: readonly string[] | string): string[] {
  // A clerk who also typed "Như trên" in cc gets it once, first.
  const rest = cc.map(stripEndPunct).filter((c) => !(hasTo && /^như trên$/iu.test(c)));
  const items = [...(hasTo ? ['Như trên'] : []), ...rest];
  const keep = typeof archive === 'string' ? archive.trim().replace(/\.+$/u, '') : archive.map((a) => a.trim()).join(', ');
  return [...items.map((i) => `- ${i};`), `- Lưu: ${keep}.`];
}

/** "Nơi nhận:" in bold italic 12 pt at the left margin, the items in 11 pt with a hanging dash. */
export function distributionBlock(lines: readonly string[]): Paragraph[] {
  const d = ND30.distribution;
  const hang = mmToTwip(d.hangingMm);
  const label = new Paragraph({ style: 'DistributionLabel', spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { sizePt: d.labelSizePt, bold: true, italic: true })] });
  const items = lines.map((l) => new Paragraph({ style: 'DistributionItem', indent: { left: hang, hanging: hang }, spacing: { before: 0, after: 0 }, children: [run(l, { sizePt: d.itemSizePt })] }));
  return [label, ...items];
}
