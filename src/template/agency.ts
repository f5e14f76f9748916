import type { Letter } from '../schema/letter.js';

/**
 * The issuer's name as a sentence names it ("Ủy ban nhân dân tỉnh Kiên Giang", "Sở Nội vụ tỉnh Kiên Giang"), for
 * the "Kèm theo" line of an appendix. `issuer.full` when given; else derived from the upper-case name where the
 * rules of Vietnamese capitalisation make it certain; else undefined (the letter then needs `issuer.full`).
 */
export function issuerFullName(issuer: Letter['issuer']): string | undefined {
  return issuer.full ?? deriveFullName(issuer.name, issuer.parent);
}

const LEVELS = 'TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU';
const PEOPLES_COMMITTEE = new RegExp(`^(?:ỦY BAN NHÂN DÂN|UBND) (${LEVELS}) (.+)$`, 'u');
const DEPARTMENT = /^SỞ (.+)$/u;
const OF_PLACE = new RegExp(`^(.+?) (${LEVELS}) (.+)$`, 'u');

const flat = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
const lower = (s: string): string => s.toLocaleLowerCase('vi');
const capital = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
/** Place names capitalise every syllable: "BÀ RỊA - VŨNG TÀU" → "Bà Rịa - Vũng Tàu". */
const placeName = (s: string): string => lower(s).split(' ').map(capital).join(' ');
/** A field of a department capitalises the first syllable of each part: "Lao động - Thương binh và Xã hội". */
const fieldName = (s: string): string => lower(s).split(/( và |, | - )/u).map((part, i) => (i % 2 ? part : capital(part))).join('');

function deriveFullName(name: string, parent: string | undefined): string | undefined {
  const n = flat(name);
  const committee = PEOPLES_COMMITTEE.exec(n);
  if (committee) return `Ủy ban nhân dân ${lower(committee[1]!)} ${placeName(committee[2]!)}`;
  const department = DEPARTMENT.exec(n);
  if (!department) return undefined;
  // "SỞ NỘI VỤ TỈNH KIÊN GIANG" names its province; "SỞ NỘI VỤ" under "UBND TỈNH KIÊN GIANG" takes the parent's.
  const own = OF_PLACE.exec(department[1]!);
  const of = own ? [own[0], own[2], own[3]] : parent ? PEOPLES_COMMITTEE.exec(flat(parent)) : null;
  if (!of) return undefined;
  return `Sở ${fieldName(own ? own[1]! : department[1]!)} ${lower(of[1]!)} ${placeName(of[2]!)}`;
}
