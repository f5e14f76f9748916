/**
 * Paragraph and run properties as the checker needs them, read from w:pPr / w:rPr, and how one level of the
 * style hierarchy overrides another. Every field is optional: undefined means "this level says nothing", so a
 * merge keeps the value from the level below.
 */
import { child, type XmlElement } from './xml.js';

/** A font slot names a font directly or points into the theme ("minorHAnsi"). */
export type FontRef = { name: string } | { theme: string };
export type FontSlot = 'ascii' | 'hAnsi' | 'eastAsia' | 'cs';
export const FONT_SLOTS: readonly FontSlot[] = ['ascii', 'hAnsi', 'eastAsia', 'cs'];

export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  caps?: boolean;
  vanish?: boolean;
  /** Underlined with a solid single or double line (w:u); dotted, dashed and wavy underlines are not rules. */
  underline?: boolean;
  /** Half-points. */
  size?: number;
  /** Hex colour, "auto", or "theme:<name>". */
  color?: string;
  fonts: Partial<Record<FontSlot, FontRef>>;
}

export interface Border {
  val: string;
  /** Eighths of a point. */
  sz: number;
}
export type Side = 'top' | 'bottom' | 'left' | 'right' | 'insideH' | 'insideV';
export type Borders = Partial<Record<Side, Border>>;

export interface ParaProps {
  styleId?: string;
  jc?: string;
  /** Twips. */
  ind: { left?: number; right?: number; firstLine?: number; hanging?: number };
  spacing: { before?: number; after?: number; line?: number; lineRule?: string; beforeAuto?: boolean; afterAuto?: boolean };
  borders: Borders;
  /** "Don't add space between paragraphs of the same style". */
  contextual?: boolean;
  numId?: string;
  ilvl?: number;
  pageBreakBefore?: boolean;
  /** Custom tab stops (w:tabs), twips from the left of the text area; a level's list replaces the one below. */
  tabs?: TabStop[];
}

export interface TabStop {
  /** left, center, right, decimal, bar, clear. */
  val: string;
  pos: number;
}

export const emptyRun = (): RunProps => ({ fonts: {} });
export const emptyPara = (): ParaProps => ({ ind: {}, spacing: {}, borders: {} });

/** On/off properties: <w:b/> is on; w:val "0", "false", "off" turn it off. */
export function onOff(el: XmlElement | undefined): boolean | undefined {
  return el ? onOffValue(el.attrs['w:val'] ?? 'on') : undefined;
}

export function onOffValue(v: string | undefined): boolean | undefined {
  return v === undefined ? undefined : !['0', 'false', 'off'].includes(v.toLowerCase());
}

export function num(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? n : undefined;
}

const val = (el: XmlElement | undefined, name: string): string | undefined => child(el, name)?.attrs['w:val'];

export function readRun(rPr: XmlElement | undefined): RunProps {
  if (!rPr) return emptyRun();
  return {
    bold: onOff(child(rPr, 'w:b')),
    italic: onOff(child(rPr, 'w:i')),
    caps: onOff(child(rPr, 'w:caps')),
    vanish: onOff(child(rPr, 'w:vanish')),
    underline: readUnderline(child(rPr, 'w:u')),
    size: num(val(rPr, 'w:sz')),
    color: readColor(child(rPr, 'w:color')),
    fonts: readFonts(child(rPr, 'w:rFonts')),
  };
}

function readTabs(el: XmlElement | undefined): TabStop[] | undefined {
  if (!el) return undefined;
  return el.children
    .filter((c): c is XmlElement => typeof c === 'object' && c.name === 'w:tab')
    .map((t) => ({ val: t.attrs['w:val'] ?? 'left', pos: num(t.attrs['w:pos']) ?? 0 }))
    .filter((t) => t.val !== 'clear')
    .sort((a, b) => a.pos - b.pos);
}

function readUnderline(u: XmlElement | undefined): boolean | undefined {
  if (!u) return undefined;
  return ['single', 'double', 'thick', 'words'].includes(u.attrs['w:val'] ?? 'single');
}

function readColor(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const theme = el.attrs['w:themeColor'];
  return theme ? `theme:${theme}` : el.attrs['w:val'];
}

/** Each slot is a theme reference or a name; a theme attribute wins over a name on the same element. */
function readFonts(el: XmlElement | undefined): RunProps['fonts'] {
  const out: RunProps['fonts'] = {};
  if (!el) return out;
  for (const slot of FONT_SLOTS) {
    // The cs theme attribute is spelled "cstheme" in the schema.
    const theme = el.attrs[slot === 'cs' ? 'w:cstheme' : `w:${slot}Theme`];
    const name = el.attrs[`w:${slot}`];
    if (theme) out[slot] = { theme };
    else if (name !== undefined) out[slot] = { name };
  }
  return out;
}

export function readPara(pPr: XmlElement | undefined): ParaProps {
  if (!pPr) return emptyPara();
  const ind = child(pPr, 'w:ind')?.attrs ?? {};
  const sp = child(pPr, 'w:spacing')?.attrs ?? {};
  const numPr = child(pPr, 'w:numPr');
  return {
    styleId: val(pPr, 'w:pStyle'),
    jc: val(pPr, 'w:jc'),
    ind: {
      left: num(ind['w:left'] ?? ind['w:start']),
      right: num(ind['w:right'] ?? ind['w:end']),
      firstLine: num(ind['w:firstLine']),
      hanging: num(ind['w:hanging']),
    },
    spacing: {
      before: num(sp['w:before']),
      after: num(sp['w:after']),
      line: num(sp['w:line']),
      lineRule: sp['w:lineRule'],
      beforeAuto: onOffValue(sp['w:beforeAutospacing']),
      afterAuto: onOffValue(sp['w:afterAutospacing']),
    },
    borders: readBorders(child(pPr, 'w:pBdr')),
    contextual: onOff(child(pPr, 'w:contextualSpacing')),
    numId: val(numPr, 'w:numId'),
    ilvl: num(val(numPr, 'w:ilvl')),
    pageBreakBefore: onOff(child(pPr, 'w:pageBreakBefore')),
    tabs: readTabs(child(pPr, 'w:tabs')),
  };
}

export function readBorders(el: XmlElement | undefined): Borders {
  const out: Borders = {};
  if (!el) return out;
  const sides: [Side, string[]][] = [
    ['top', ['w:top']],
    ['bottom', ['w:bottom']],
    ['left', ['w:left', 'w:start']],
    ['right', ['w:right', 'w:end']],
    ['insideH', ['w:insideH']],
    ['insideV', ['w:insideV']],
  ];
  for (const [side, names] of sides) {
    const b = names.map((n) => child(el, n)).find((x) => x !== undefined);
    if (b) out[side] = { val: b.attrs['w:val'] ?? 'none', sz: num(b.attrs['w:sz']) ?? 0 };
  }
  return out;
}

/** A border that prints: any style but none/nil. (Word draws sz 0 as its thinnest line, so size is not asked.) */
export const visible = (b: Border | undefined): boolean => b !== undefined && !['none', 'nil'].includes(b.val);

function pick<T extends object>(base: T, over: T): T {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

export function mergeRun(base: RunProps, over: RunProps): RunProps {
  return { ...pick(base, over), fonts: { ...base.fonts, ...over.fonts } };
}

/**
 * Indentation, spacing and borders merge attribute by attribute, as Word does; a first-line indent and a hanging
 * one are one setting, so setting either clears the other.
 */
export function mergePara(base: ParaProps, over: ParaProps): ParaProps {
  const ind = pick(base.ind, over.ind);
  if (over.ind.firstLine !== undefined && over.ind.hanging === undefined) delete ind.hanging;
  if (over.ind.hanging !== undefined && over.ind.firstLine === undefined) delete ind.firstLine;
  return {
    ...pick(base, over),
    ind,
    spacing: pick(base.spacing, over.spacing),
    borders: { ...base.borders, ...over.borders },
  };
}
