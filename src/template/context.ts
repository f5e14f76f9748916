import type { Letter, Task } from '../schema/letter.js';
import { formatBodyDate } from './vn.js';
import { inlineBold, stripMarkers } from './markup.js';

/** What a body template sees: the letter's fields, plus ready-made phrases so templates stay declarative. */
export interface TemplateContext {
  [key: string]: unknown;
  issuerShort: string;
  team: string;
  addressee: string;
  reportTo: string;
  deadline?: string;
  tasks: { label: string; text: string; details: string[] }[];
}

/**
 * How the body names the issuer when `issuer.short` is not given: the name in sentence case, keeping
 * the capitals of the place after the administrative level ("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG" →
 * "Ủy ban nhân dân tỉnh Kiên Giang"). A guess; the README tells clerks to set `short`.
 */
export function defaultShortName(name: string): string {
  const flat = name.replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  const level = /\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(.+)$/u.exec(flat);
  const title = (s: string) => s.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toLocaleUpperCase('vi'));
  const head = level ? flat.slice(0, level.index) + level[1] + ' ' + title(level[2]!) : flat;
  return head.charAt(0).toLocaleUpperCase('vi') + head.slice(1);
}

const taskLabel = (style: Letter['task_style'], i: number): string => (style === 'dash' ? '-' : `${i + 1}.`);

function tasksOf(letter: Letter): TemplateContext['tasks'] {
  return (letter.tasks ?? []).map((t: Task, i) => {
    const task = typeof t === 'string' ? { text: t, details: [] } : { text: t.text, details: t.details ?? [] };
    return { label: taskLabel(letter.task_style, i), ...task };
  });
}

/** Deep copy with the bold markers removed from every string, so user text can never turn bold on. */
function safe<T>(v: T): T {
  if (typeof v === 'string') return stripMarkers(v) as T;
  if (Array.isArray(v)) return v.map(safe) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, safe(x)])) as T;
  return v;
}

/** Body text values, where a clerk's **…** prints bold (contract v2, "Inline bold in text"). */
function withBold(letter: Letter): Letter {
  const b = (s: string | undefined) => (s === undefined ? s : inlineBold(s));
  const tasks = letter.tasks?.map((t) => (typeof t === 'string' ? b(t)! : { ...t, text: b(t.text)!, ...(t.details ? { details: t.details.map((d) => b(d)!) } : {}) }));
  const findings = letter.findings && { ...letter.findings, strengths: b(letter.findings.strengths), weaknesses: b(letter.findings.weaknesses) };
  return { ...letter, intro: b(letter.intro), closing: b(letter.closing), ...(findings ? { findings } : {}), ...(tasks ? { tasks } : {}) };
}

/**
 * The letter field a template's context path comes from (the inverse of buildContext, for the check that no given
 * field goes unprinted): the ready-made phrases map back to the fields they are made of, or fall back to.
 */
export function letterPathOf(path: readonly (string | number)[], letter: Letter): (string | number)[] {
  const [head, i, part, ...rest] = path;
  switch (head) {
    case 'issuerShort': return ['issuer', 'short'];
    case 'team': return ['inspection', 'team'];
    case 'addressee': return letter.addressee ? ['addressee'] : letter.to.length === 1 ? ['to'] : letter.inspection?.unit ? ['inspection', 'unit'] : ['addressee'];
    case 'reportTo': return letter.report_to ? ['report_to'] : ['issuer', 'short'];
    case 'deadline': return ['deadline'];
    case 'tasks': {
      if (typeof i !== 'number' || part === undefined) return [...path];
      if (part === 'label') return ['task_style'];
      if (part === 'text') return typeof letter.tasks?.[i] === 'string' ? ['tasks', i] : ['tasks', i, 'text'];
      return ['tasks', i, part, ...rest];
    }
    default: return [...path];
  }
}

export function buildContext(input: Letter): TemplateContext {
  return contextOf(withBold(safe(input)));
}

/**
 * The context's fields and ready-made phrases for a letter as it is, its text untouched: what a template would
 * see, value for value as true or false in {{#if}} (the check that no given field goes unprinted needs no more,
 * and a batch of a thousand letters is judged without copying every text).
 */
export function contextOf(letter: Letter): TemplateContext {
  const issuerShort = letter.issuer.short ?? defaultShortName(letter.issuer.name);
  const single = letter.to.length === 1 ? letter.to[0]!.replace(/[\s.;,]+$/u, '') : undefined;
  return {
    ...letter,
    issuerShort,
    team: letter.inspection?.team ?? 'Đoàn kiểm tra',
    addressee: letter.addressee ?? single ?? letter.inspection?.unit ?? 'các cơ quan, đơn vị',
    reportTo: letter.report_to ?? issuerShort,
    deadline: letter.deadline ? formatBodyDate(letter.deadline) : undefined,
    tasks: tasksOf(letter),
  };
}

