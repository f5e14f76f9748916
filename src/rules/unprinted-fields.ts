import { formatPath } from '../problem.js';
import { DEFAULT_TEMPLATE, type Letter } from '../schema/letter.js';
import { contextOf, letterPathOf } from '../template/context.js';
import { TemplateSet } from '../template/engine.js';
import { printedPaths, type Missed, type ReadNode } from '../template/reads.js';
import type { FieldPath, Rule, TemplateKnowledge } from './rule.js';
import { isStr } from './rule.js';

/**
 * The fields a body template prints, and the parts of those that are groups. Everything else in the contract is
 * printed by the layout whatever the template (header, marks, Kính gửi, signature, Nơi nhận, ô 13, phụ lục) or is
 * not content (template, output); unknown keys are the contract's errors. The inspected unit is left out: it is not
 * lost when the body does not name it, since it names a batch letter's file and the closing's addressee falls
 * back to it (the real letter 1795/UBND-NC names it only in its subject).
 */
export const BODY_FIELDS: Readonly<Record<string, readonly string[] | null>> = {
  intro: null, closing: null, addressee: null, report_to: null, deadline: null, task_style: null, tasks: null,
  findings: ['strengths', 'weaknesses'],
  inspection: ['year', 'team', 'report', 'notice'],
};

/** The built-in templates, for a run that names no folders of its own (their trees come from the build). */
let builtins: TemplateSet | undefined;
const builtinTemplates = (): TemplateKnowledge => (builtins ??= new TemplateSet());

/**
 * Contract v2, "Nothing silently dropped": a field given in the letter that the chosen template never prints —
 * not anywhere, or only in a branch this letter does not take (`deadline` when `closing` replaces the closing
 * paragraph) — is a warning naming the field and the template. What a template prints is read from its syntax
 * tree (src/template/reads.ts), so an office's own templates are judged the same way.
 */
export const unprintedFields: Rule = {
  id: 'unprinted-fields',
  severity: 'warning',
  doc: 'Trường có giá trị nhưng mẫu nội dung đã chọn không in ra (nội dung bị bỏ mất)',
  check(letter, report, context) {
    const name = letter.template ?? DEFAULT_TEMPLATE;
    if (!isStr(name)) return;
    const tree = (context.templates ?? builtinTemplates()).reads(name);
    if (!tree) return;
    for (const [path, message] of unprinted(letter as Letter, tree, name)) report(path, message);
  },
};

/** The fields of `letter` that template `name` (its read tree) leaves out, each with its message. */
export function unprinted(letter: Letter, tree: readonly ReadNode[], name: string): [FieldPath, string][] {
  const walked = printedPaths(tree, contextOf(letter));
  if (!walked) return [];
  const { printed, missed } = walked;
  const shown = printed.map((p) => letterPathOf(p, letter));
  const out: [FieldPath, string][] = [];
  for (const [key, fields] of givenByKey(letter)) {
    const left = fields.filter((f) => !shown.some((s) => related(s, f)));
    if (!left.length) continue;
    // Nothing of the field printed: said once for the field, not once per part — except for an inspection whose
    // unit (not judged here, see BODY_FIELDS) is given: "inspection" would then name it too.
    const whole = left.length === fields.length && !(key === 'inspection' && letter.inspection?.unit !== undefined);
    const report = whole ? [[key]] : firstOfEachKind(left);
    for (const f of report) out.push([f, message(f, name, why(f, missed, letter))]);
  }
  return out;
}

function message(field: FieldPath, template: string, because: string): string {
  const f = formatPath(field);
  return because
    ? `${f} có giá trị nhưng mẫu "${template}" chỉ in trường này ${because}: nội dung đó sẽ không có trong công văn`
    : `${f} có giá trị nhưng mẫu "${template}" không in trường này: nội dung đó sẽ không có trong công văn; bỏ trường, hoặc chọn mẫu có in nó`;
}

/** "khi không có closing": the conditions that keep the template's print of the field from running, if any. */
function why(field: FieldPath, missed: Missed[], letter: Letter): string {
  const hit = missed.find((m) => related(letterPathOf(m.path, letter), field));
  if (!hit) return '';
  return hit.because.map((c) => `${c.wanted ? 'khi có' : 'khi không có'} ${formatPath(letterPathOf(c.path, letter))}`).join(' và ');
}

/** The body fields a letter gives, by top-level key: parts of a group (inspection.unit, findings.strengths), each task's text and details. */
function givenByKey(letter: Letter): Map<string, FieldPath[]> {
  const byKey = new Map<string, FieldPath[]>();
  for (const [key, v] of Object.entries(letter)) {
    if (!Object.hasOwn(BODY_FIELDS, key) || absent(v)) continue;
    const parts = BODY_FIELDS[key];
    const fields: FieldPath[] = [];
    if (key === 'tasks' && Array.isArray(v)) {
      v.forEach((t: unknown, i) => {
        if (isStr(t)) fields.push(['tasks', i]);
        else if (t && typeof t === 'object') {
          const task = t as { text?: unknown; details?: unknown };
          if (!absent(task.text)) fields.push(['tasks', i, 'text']);
          if (!absent(task.details)) fields.push(['tasks', i, 'details']);
        }
      });
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [sub, x] of Object.entries(v)) if (parts?.includes(sub) && !absent(x)) fields.push([key, sub]);
    } else fields.push([key]);
    if (fields.length) byKey.set(key, fields);
  }
  return byKey;
}

const absent = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** One path a prefix of the other: printing `inspection` prints `inspection.unit`; printing `inspection.report.number` counts for `inspection.report`. */
function related(a: FieldPath, b: FieldPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The first of each kind (tasks[0].details, not every task's details too). */
function firstOfEachKind(fields: FieldPath[]): FieldPath[] {
  const seen = new Set<string>();
  return fields.filter((f) => {
    const kind = f.map((k) => (typeof k === 'number' ? '#' : k)).join('.');
    return !seen.has(kind) && !!seen.add(kind);
  });
}
