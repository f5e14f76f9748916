import { CLAUSE, ND30 } from '../../decree/nd30.js';
import { linesOf, type DocModel, type Para, type Part } from '../model.js';
import { estimatePages } from '../pages.js';
import { onOff } from '../props.js';
import { decree, error, lookFindings, span, want, warning, type Check, type Finding } from '../rule.js';

const SAYS = ND30.pageNumber.sizePt.says;
import { child, childrenNamed, type XmlElement } from '../xml.js';

/** PAGE, not NUMPAGES or SECTIONPAGES. */
const isPageField = (instr: string) => /^PAGE\b/i.test(instr.trim());
const pageParas = (part: Part | undefined): Para[] => part?.paras.filter((p) => p.fields.some(isPageField)) ?? [];

export const pageNumber: Check = {
  id: 'page-number',
  doc: `Số trang ở giữa lề trên, cỡ ${span(ND30.pageNumber.sizePt)}, từ trang 2: trường PAGE ở đầu trang mặc định, bật "trang đầu khác", trang đầu không có số`,
  clause: CLAUSE.pageNumber,
  check({ model }) {
    const sect = model.sections[0];
    if (!sect) return [];
    const refs = references(sect, model);
    const out: Finding[] = [];
    if ([...model.parts.values()].some((p) => p.kind === 'footer' && pageParas(p).length > 0)) {
      out.push(error('page', `Số trang đặt ở chân trang, phải đặt giữa lề trên${decree(SAYS)}`));
    }
    const titlePg = onOff(child(sect, 'w:titlePg')) === true;
    // Page 1 shows the "first" header when titlePg is on, else the default one.
    if (pageParas(titlePg ? refs.header.first : refs.header.default).length > 0) {
      const how = titlePg ? 'Đầu trang của trang đầu có số trang' : 'Trang đầu cũng hiện số trang: cần bật "Trang đầu khác" (w:titlePg)';
      out.push(error('page', `${how}${decree(SAYS)}`));
    }
    const numbered = pageParas(refs.header.default);
    if (numbered.length === 0) {
      // A one-page letter has nothing to number.
      const pages = estimatePages(model);
      if (pages > 1) out.push(warning('page', `Văn bản khoảng ${pages} trang nhưng không có số trang (trường PAGE) ở đầu trang${decree(SAYS)}`));
      return out;
    }
    return [...out, ...look(numbered[0]!)];
  },
};

function look(p: Para): Finding[] {
  const out = lookFindings('Số trang', linesOf(p), want(ND30.pageNumber), () => 'page-header');
  if (p.props.jc !== 'center' && !p.inTextBox) out.push(warning('page-header', 'Số trang nên canh giữa lề trên'));
  return out;
}

function references(sect: XmlElement, model: DocModel) {
  const header: Record<string, Part | undefined> = {};
  for (const r of childrenNamed(sect, 'w:headerReference')) {
    header[r.attrs['w:type'] ?? 'default'] = model.parts.get(r.attrs['r:id'] ?? '');
  }
  return { header };
}
