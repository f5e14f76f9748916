// @ts-check
/**
 * What "cchc did the right thing" means for one mutant, judged on the same in-process pipeline the CLI runs
 * (`runRender` from dist/, with one job so no worker threads start). Shared by the vitest suite and
 * scripts/fuzz.mjs.
 *
 * Verdicts: ok · crash (a throw, or an internal error = exit 3) · corrupt (a written DOCX that is not a valid zip
 * of well-formed XML with NFC text) · leftover (a temp file, or a file that is not a written letter) ·
 * escape (a file written outside --out-dir) · unclear (an error message that is a JS error, or exit 1 without
 * an error, or exit 0 with nothing written).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { runTexts, xmlProblem } from './xml-wf.mjs';

export const VERDICTS = ['ok', 'crash', 'corrupt', 'leftover', 'escape', 'unclear'];

/** Signs of a JavaScript error leaking into what the user reads. */
const STACKISH = /^\s+at .+(?:\(|:\d+:\d+)|\b(?:Type|Range|Reference|Syntax|Internal|Eval|URI|Aggregate|Zod|YAML\w*)?Error\b:|\[object Object\]|Cannot read propert|is not a function|is not iterable|\bundefined\b|\bNaN\b|Maximum call stack/m;

/** Loads the pipeline from the built dist/ of the project at root. */
export async function loadPipeline(root) {
  const url = (p) => pathToFileURL(join(root, 'dist', p)).href;
  const { runRender } = await import(url('pipeline/run.js'));
  const { stylish } = await import(url('report/stylish.js'));
  let parseXml = null;
  if (existsSync(join(root, 'dist', 'check', 'xml.js'))) {
    try { ({ parseXml } = await import(url('check/xml.js'))); } catch { parseXml = null; }
  }
  return { runRender, stylish, parseXml };
}

/** Every file under dir, relative, with "/" separators. */
function walk(dir) {
  const out = [];
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop();
    for (const name of readdirSync(join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, r)).isDirectory()) stack.push(r);
      else out.push(r);
    }
  }
  return out.sort();
}

const decoder = new TextDecoder();

/**
 * Parts already judged well-formed, by their text, for each second-opinion parser: every DOCX cchc writes has
 * the same static parts (styles, fonts, settings…), so a run that checks hundreds of letters parses them once.
 * Only a pass is remembered, and only for the exact same text, so nothing is judged less strictly.
 */
const wellFormed = new Map();

/** Null when the text of one part is well-formed XML (by both checks), else why not. */
function xmlPartProblem(xml, parseXml) {
  let passed = wellFormed.get(parseXml);
  if (!passed) wellFormed.set(parseXml, (passed = new Set()));
  if (passed.has(xml)) return null;
  const p = xmlProblem(xml);
  if (p) return p;
  if (parseXml) {
    try { parseXml(xml); } catch (e) { return e?.message ?? String(e); }
  }
  // Bounded: the per-letter parts (document.xml, core.xml) differ every time; the static parts come back soon.
  if (passed.size >= 64) passed.clear();
  passed.add(xml);
  return null;
}

/** Null when the bytes are a DOCX cchc may be proud of, else why not. */
export function docxProblem(bytes, parseXml = null) {
  let files;
  try { files = unzipSync(bytes); } catch (e) { return `not a zip: ${e?.message ?? e}`; }
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']) if (!files[part]) return `missing part ${part}`;
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const p = xmlPartProblem(decoder.decode(data), parseXml);
    if (p) return `${name}: ${p}`;
  }
  const text = runTexts(decoder.decode(files['word/document.xml'])).join('\n');
  if (text !== text.normalize('NFC')) return 'document text is not NFC';
  if (/[\ue000\ue001]/.test(text)) return 'bold markers leaked into the text';
  // What a JavaScript value looks like when it slips into text. ("null" is not here: "- null" followed by an
  // indented line is the plain text "null …" in YAML, and the mutator writes exactly that.)
  const odd = /\[object Object\]|\bundefined\b|\bNaN\b/.exec(text);
  if (odd) return `document text contains "${odd[0]}"`;
  return null;
}

/**
 * Renders one mutant in a fresh folder under baseDir and judges the result.
 * @param {{ bytes: Uint8Array; index: number }} mutant
 * @returns {Promise<{ verdict: string; exit: number; detail: string; ms: number; written: number; work: string }>}
 */
export async function checkMutant(mutant, pipeline, baseDir, opts = {}) {
  const work = mkdtempSync(join(baseDir, `m${mutant.index}-`));
  const inDir = join(work, 'in');
  const outDir = join(work, 'out');
  mkdirSync(inDir);
  const input = join(inDir, 'letter.yaml');
  // "@WORK@" in a mutant stands for this folder, to try absolute output paths that stay observable.
  writeFileSync(input, Buffer.from(Buffer.from(mutant.bytes).toString('latin1').replaceAll('@WORK@', work), 'latin1'));
  const result = (verdict, exit, detail, ms, written = 0) => {
    if (verdict === 'ok' && !opts.keep) rmSync(work, { recursive: true, force: true });
    return { verdict, exit, detail, ms, written, work };
  };
  const t0 = performance.now();
  let summary;
  try {
    summary = await pipeline.runRender([input], {
      outDir, force: false, failFast: false, templateDirs: [], jobs: 1, progress: false, today: new Date('2021-06-15T00:00:00Z'),
    });
  } catch (e) {
    return result('crash', 3, `runRender threw: ${e?.stack ?? e}`, performance.now() - t0);
  }
  const ms = performance.now() - t0;
  if (summary.internal.length) return result('crash', 3, `internal error: ${summary.internal[0]}`, ms);
  const exit = summary.failed > 0 ? 1 : 0;

  // What the user reads.
  const report = `${await pipeline.stylish(summary.problems, { color: false })}\nĐã ghi ${summary.written.length} tệp, lỗi ${summary.failed}`;
  const leak = STACKISH.exec(report);
  if (leak) return result('unclear', exit, `message looks like a JS error ("${leak[0]}"): ${report.slice(0, 2000)}`, ms);
  for (const p of summary.problems) {
    if (!p.message || !p.rule || !(p.line >= 0) || !(p.col >= 0)) return result('unclear', exit, `malformed problem ${JSON.stringify(p)}`, ms);
  }
  if (exit === 1 && !summary.problems.some((p) => p.severity === 'error')) return result('unclear', exit, 'failed without an error message', ms);
  if (exit === 0 && summary.written.length === 0) return result('unclear', exit, 'nothing written and no error', ms);

  // What is on disk: the input, the written letters, nothing else; nothing outside out/.
  const written = new Set(summary.written.map((p) => relative(work, p).split(sep).join('/')));
  for (const f of walk(work)) {
    if (f === 'in/letter.yaml') continue;
    if (/\.tmp$/.test(f)) return result('leftover', exit, `temp file left: ${f}`, ms);
    if (!f.startsWith('out/')) return result('escape', exit, `file written outside --out-dir: ${f}`, ms);
    if (!written.has(f)) return result('leftover', exit, `file not reported as written: ${f}`, ms);
  }
  for (const f of written) {
    if (!f.startsWith('out/')) return result('escape', exit, `reported a letter outside --out-dir: ${f}`, ms);
    let bytes;
    try { bytes = new Uint8Array(readFileSync(join(work, f))); } catch { return result('leftover', exit, `reported ${f} as written but it is missing`, ms); }
    const p = docxProblem(bytes, pipeline.parseXml);
    if (p) return result('corrupt', exit, `${f}: ${p}`, ms, written.size);
  }
  return result('ok', exit, '', ms, written.size);
}
