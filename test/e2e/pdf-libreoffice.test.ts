import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deepMerge, isPlainObject } from '../../src/pipeline/merge.js';
import { outputName } from '../../src/pipeline/names.js';
import { type CliResult, ROOT, run, tempDir } from '../helpers.js';
import { norm, pdfPages, pdfText, requireTools } from './pdf-tools.js';

/**
 * Every examples/*.yaml through the real CLI with --pdf, in ONE invocation (soffice start-up dominates),
 * then each PDF read back with poppler. Examples are globbed here, at test time: a new example is covered
 * without touching this file. No LibreOffice → these tests fail (see pdf-tools.ts), they never skip.
 */

interface Letter {
  issuer: { place: string; name: string };
  number?: number | string; symbol: string; date?: string; subject: string; to: string[];
  signer: { title: string; name: string; on_behalf?: string; authority?: string; own_title?: string };
  findings?: unknown; tasks?: unknown; intro?: string; closing?: string; output?: string; inspection?: { unit?: string };
}
interface Case { label: string; letter: Letter; docx: string; pdf: string }

// Batch files that take their letters from a sheet (letters_from) are left out: their letters are letters like any
// other once read (test/sheets renders them), and listing them here would mean reading the workbook.
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => /\.ya?ml$/i.test(f))
  .filter((f) => !/^letters_from:/m.test(readFileSync(join(ROOT, 'examples', f), 'utf8'))).sort();
/** Body text (findings, tasks, intro, closing) above which an A4 letter in 14 pt cannot fit on one page. */
const LONG_BODY = 3000;

const work = tempDir();
/** Each example in its own folder, so outputs written beside it can never collide with another's. */
const cases: Case[] = EXAMPLES.flatMap((file): Case[] => {
  const stem = basename(file, extname(file));
  const dir = join(work, stem);
  const data = parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as Record<string, unknown>;
  const letters = isPlainObject(data) && Array.isArray(data.letters)
    ? data.letters.map((entry, i) => ({ label: `${file} letters[${i}]`, letter: deepMerge(data.defaults ?? {}, entry) as Letter, name: '' }))
    : [{ label: file, letter: data as unknown as Letter, name: `${stem}.docx` }];
  return letters.map(({ label, letter, name }) => {
    const docx = join(dir, name || outputName(letter));
    return { label, letter, docx, pdf: docx.replace(/\.docx$/, '.pdf') };
  });
});

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const upper = (s: string): string => norm(s.toLocaleUpperCase('vi'));

function bodyChars(l: Letter): number {
  const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : isPlainObject(v) ? Object.values(v).flatMap(strings) : []);
  return [l.findings, l.tasks, l.intro, l.closing].flatMap(strings).join('').length;
}

let result: CliResult;
let seconds = 0;

beforeAll(async () => {
  requireTools();
  const inputs = EXAMPLES.map((file) => {
    const dir = join(work, basename(file, extname(file)));
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(ROOT, 'examples', file), join(dir, file));
    return join(dir, file);
  });
  const t0 = performance.now();
  result = await run(['render', ...inputs, '--pdf', '--pdf-engine', 'libreoffice', '--quiet']);
  seconds = (performance.now() - t0) / 1000;
  process.stderr.write(`[pdf e2e] ${cases.length} letters from ${EXAMPLES.length} examples → PDF in ${seconds.toFixed(1)} s\n`);
}, 240_000);

describe('cchc render --pdf, every example', () => {
  it('finds examples to render', () => {
    expect(EXAMPLES.length).toBeGreaterThan(0);
  });

  it('renders them all in one run with exit code 0', () => {
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`Đã ghi ${cases.length} tệp DOCX và ${cases.length} tệp PDF \\(${cases.length}/${cases.length} công văn\\); \\d`));
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s: a complete PDF beside the DOCX', (_label, c) => {
    expect(existsSync(c.docx), `${c.docx} missing; stderr:\n${result.stderr}`).toBe(true);
    expect(existsSync(c.pdf), `${c.pdf} missing; stderr:\n${result.stderr}`).toBe(true);
    const l = c.letter;

    const pages = pdfPages(c.pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    if (bodyChars(l) >= LONG_BODY) expect(pages, `body of ${bodyChars(l)} characters on ${pages} page(s)`).toBeGreaterThanOrEqual(2);

    const text = pdfText(c.pdf);
    const has = (needle: string | RegExp, what: string) => {
      const ok = typeof needle === 'string'
        ? text.layout.includes(norm(needle)) || text.plain.includes(norm(needle))
        : needle.test(text.layout) || needle.test(text.plain);
      expect(ok, `${what}: ${String(needle)} not in pdftotext -layout output:\n${text.layout.slice(0, 3000)}`).toBe(true);
    };
    // A line that stays on one line in the layout is asserted on the -layout text alone.
    const inLayout = (needle: RegExp, what: string) =>
      expect(needle.test(text.layout), `${what}: ${String(needle)} not in pdftotext -layout output:\n${text.layout.slice(0, 3000)}`).toBe(true);

    const num = l.number === undefined ? '' : `0?${Number(l.number)}`;
    inLayout(new RegExp(`Số: ?${num}/${escapeRe(norm(l.symbol))}`), 'Số line');
    const day = l.date ? l.date.split('-').map(Number) : undefined;
    inLayout(day
      ? new RegExp(`${escapeRe(norm(l.issuer.place))}, ngày 0?${day[2]} tháng 0?${day[1]} năm ${day[0]}`)
      : new RegExp(`${escapeRe(norm(l.issuer.place))}, ngày tháng năm \\d{4}`), 'date line');
    inLayout(new RegExp(`V/v ${escapeRe(norm(l.subject).split(' ')[0]!)}`), 'V/v line');
    inLayout(/Kính gửi/, 'Kính gửi');
    has(l.to[0]!.replace(/[.;,]+$/, ''), 'first recipient');
    inLayout(/Nơi nhận:/, 'Nơi nhận');
    inLayout(/Lưu: VT/, 'Lưu line');
    has(l.signer.name, 'signer name');
    has(l.signer.authority ? `${l.signer.authority}. ${upper(l.signer.title)}` : upper(l.signer.title), 'signer title');
    if (l.signer.on_behalf) has(`TM. ${upper(l.signer.on_behalf)}`, 'TM. line');
    if (l.signer.own_title && l.signer.authority && l.signer.authority !== 'Q') has(upper(l.signer.own_title), 'own title');
  });
});
