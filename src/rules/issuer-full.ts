import { defaultShortName } from '../template/context.js';
import { issuerFullName } from '../template/agency.js';
import type { Rule } from './rule.js';
import { isStr } from './rule.js';

/**
 * An appendix's "(Kèm theo Công văn số … của …)" line names the issuer as a sentence does ("Ủy ban nhân dân tỉnh
 * Kiên Giang"). cchc derives that from issuer.name only where capitalisation is certain; elsewhere it cannot
 * guess the proper names, and the clerk writes issuer.full.
 */
/** " thành phố Hồ Chí Minh" from a parent "UBND THÀNH PHỐ HỒ CHÍ MINH", for the example; else nothing. */
function placeOf(parent: unknown): string {
  const full = isStr(parent) ? issuerFullName({ name: parent, place: '' }) : undefined;
  return full?.startsWith(COMMITTEE) ? ` ${full.slice(COMMITTEE.length)}` : '';
}
const COMMITTEE = 'Ủy ban nhân dân ';

export const issuerFull: Rule = {
  id: 'issuer-full',
  severity: 'error',
  doc: 'Công văn có phụ lục cần issuer.full (tên cơ quan như câu văn gọi) khi cchc không tự suy ra được từ issuer.name',
  check(letter, report) {
    const issuer = letter.issuer;
    if (!Array.isArray(letter.appendices) || letter.appendices.length === 0) return;
    if (!issuer || typeof issuer !== 'object' || !isStr(issuer.name) || issuer.full !== undefined) return;
    if (issuerFullName({ ...issuer, parent: isStr(issuer.parent) ? issuer.parent : undefined })) return;
    const example = `${defaultShortName(issuer.name)}${placeOf(issuer.parent)}`;
    report(['issuer', 'full'], `công văn có phụ lục: dòng "(Kèm theo Công văn … của …)" cần tên cơ quan như câu văn gọi, mà cchc không tự suy ra được từ "${issuer.name.replace(/\s+/g, ' ').trim()}"; thêm vào issuer, ví dụ full: ${example} (viết hoa đúng các tên riêng)`);
  },
};
