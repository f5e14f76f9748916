/**
 * The style sheet of a DOCX (styles.xml + the theme's fonts): docDefaults, styles with their basedOn chains, and
 * theme font names. Chains are walked with a visited set, so a cycle written by a buggy tool ends quietly.
 */
import {
  emptyPara,
  emptyRun,
  mergePara,
  mergeRun,
  readBorders,
  readPara,
  readRun,
  type Borders,
  type ParaProps,
  type RunProps,
} from './props.js';
import { child, childrenNamed, path, type XmlElement } from './xml.js';

interface Style {
  id: string;
  type: string;
  basedOn?: string;
  isDefault: boolean;
  pPr: ParaProps;
  rPr: RunProps;
  tblBorders: Borders;
}

export interface Resolved {
  pPr: ParaProps;
  rPr: RunProps;
  borders: Borders;
}

export class StyleSheet {
  readonly defaults: { pPr: ParaProps; rPr: RunProps };
  private readonly styles = new Map<string, Style>();
  private readonly themeFonts = new Map<string, string>();
  private readonly resolved = new Map<string, Resolved>();

  constructor(styles: XmlElement | undefined, theme: XmlElement | undefined) {
    const dd = child(styles, 'w:docDefaults');
    this.defaults = {
      pPr: readPara(path(dd, 'w:pPrDefault', 'w:pPr')),
      rPr: readRun(path(dd, 'w:rPrDefault', 'w:rPr')),
    };
    for (const s of childrenNamed(styles, 'w:style')) this.add(s);
    this.readTheme(theme);
  }

  private add(s: XmlElement): void {
    const id = s.attrs['w:styleId'];
    if (id === undefined || this.styles.has(id)) return;
    this.styles.set(id, {
      id,
      type: s.attrs['w:type'] ?? 'paragraph',
      basedOn: child(s, 'w:basedOn')?.attrs['w:val'],
      isDefault: ['1', 'true', 'on'].includes(s.attrs['w:default'] ?? ''),
      pPr: readPara(child(s, 'w:pPr')),
      rPr: readRun(child(s, 'w:rPr')),
      tblBorders: readBorders(path(s, 'w:tblPr', 'w:tblBorders')),
    });
  }

  private readTheme(theme: XmlElement | undefined): void {
    const scheme = path(theme, 'a:themeElements', 'a:fontScheme');
    for (const [major, el] of [['major', child(scheme, 'a:majorFont')], ['minor', child(scheme, 'a:minorFont')]] as const) {
      const latin = child(el, 'a:latin')?.attrs.typeface;
      const ea = child(el, 'a:ea')?.attrs.typeface;
      const cs = child(el, 'a:cs')?.attrs.typeface;
      for (const [suffix, face] of [['Ascii', latin], ['HAnsi', latin], ['EastAsia', ea], ['Bidi', cs]] as const) {
        if (face) this.themeFonts.set(`${major}${suffix}`, face);
      }
    }
  }

  /** The typeface a theme font reference ("minorHAnsi") stands for; undefined when the theme leaves it empty. */
  themeFont(ref: string): string | undefined {
    return this.themeFonts.get(ref);
  }

  /** Styles from the root of the basedOn chain down to `id`. */
  private chain(id: string | undefined, type: string): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    let cur = id === undefined ? this.defaultOf(type) : this.styles.get(id) ?? this.defaultOf(type);
    while (cur && !seen.has(cur.id) && cur.type === type) {
      seen.add(cur.id);
      out.unshift(cur);
      cur = cur.basedOn === undefined ? undefined : this.styles.get(cur.basedOn);
    }
    return out;
  }

  private defaultOf(type: string): Style | undefined {
    for (const s of this.styles.values()) if (s.type === type && s.isDefault) return s;
    return undefined;
  }

  /**
   * The merged properties of a paragraph, character or table style (the type's default when id is unset), worked
   * out once per style: the results are never changed, and a style sheet may serve many letters (model.ts).
   */
  resolve(id: string | undefined, type: 'paragraph' | 'character' | 'table'): Resolved {
    const key = `${type}\u0000${id ?? ''}`;
    let r = this.resolved.get(key);
    if (!r) this.resolved.set(key, (r = this.merged(id, type)));
    return r;
  }

  private merged(id: string | undefined, type: 'paragraph' | 'character' | 'table'): Resolved {
    // A character style is applied only where a run names one; the "default" character style is a no-op.
    const chain = type === 'character' && id === undefined ? [] : this.chain(id, type);
    let pPr = emptyPara();
    let rPr = emptyRun();
    let borders: Borders = {};
    for (const s of chain) {
      pPr = mergePara(pPr, s.pPr);
      rPr = mergeRun(rPr, s.rPr);
      borders = { ...borders, ...s.tblBorders };
    }
    return { pPr, rPr, borders };
  }
}
