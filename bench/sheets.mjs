#!/usr/bin/env node
// Benchmark (not a test): letters from a sheet against the same letters from YAML, and the outgoing register.
//   npm run bench:sheets            # 1,000 rows
//   npm run bench:sheets -- 5000    # 5,000 rows
// Prints: render time of N letters from .xlsx, from .csv and from the same letters written as YAML (median of 3,
// each a fresh process as a user runs it), the ratio sheet/YAML (target ≤ 1.5), the time to read the sheet alone,
// and the time to append N rows to the register (new, and holding N rows already; target well under 1 s).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'cchc.js');
const N = Number(process.argv[2] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-sheets-'));

const DEFAULTS = {
  issuer: { name: 'ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG', short: 'Ủy ban nhân dân tỉnh', place: 'Kiên Giang' },
  symbol: 'UBND-NC', date: '2020-12-22',
  inspection: { year: 2020, team: 'Đoàn Kiểm tra', report: { symbol: 'BC-ĐKT' } },
  deadline: '2020-12-29', report_to: 'UBND tỉnh (qua Sở Nội vụ)',
  signer: { title: 'CHỦ TỊCH', name: 'Lâm Minh Thành' }, cc: ['CT và các PCT UBND tỉnh', 'Sở Nội vụ'], archive: ['VT', 'SNV'],
};
const HEADERS = ['Đơn vị được kiểm tra', 'Người nhận', 'Số báo cáo', 'Ngày báo cáo', 'Kết quả đạt được', 'Tồn tại, hạn chế', 'Nhiệm vụ', 'Trích yếu'];
const COLUMNS = {
  'Đơn vị được kiểm tra': 'inspection.unit', 'Người nhận': 'to', 'Số báo cáo': 'inspection.report.number', 'Ngày báo cáo': 'inspection.report.date',
  'Kết quả đạt được': 'findings.strengths', 'Tồn tại, hạn chế': 'findings.weaknesses', 'Nhiệm vụ': 'tasks', 'Trích yếu': 'subject',
};
const unit = (i) => `UBND huyện Số ${i}`;
const row = (i) => ({
  unit: unit(i), to: [`Chủ tịch ${unit(i)}`, `Trưởng phòng Nội vụ ${unit(i)}`], report: 200 + i,
  strengths: `${unit(i)} đã ban hành khá đầy đủ các văn bản chỉ đạo điều hành thực hiện công tác CCHC năm 2020.`,
  weaknesses: ['Việc cập nhật, niêm yết thủ tục hành chính mới ban hành còn chậm.', 'Chưa bố trí đủ kinh phí cho công tác CCHC.'],
  tasks: ['Tăng cường công tác chỉ đạo, điều hành; bố trí kinh phí đảm bảo nguồn lực thực hiện công tác CCHC.', `Chỉ đạo Phòng Nội vụ ${unit(i)} tăng cường kiểm tra chuyên môn nghiệp vụ.`],
  subject: `tiếp tục chỉ đạo sau kiểm tra công tác CCHC năm 2020 đối với ${unit(i)}`,
});
const rows = Array.from({ length: N }, (_, k) => row(k + 1));

async function files() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kết quả');
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = 'KẾT QUẢ KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2020';
  ws.getRow(3).values = HEADERS;
  rows.forEach((r, k) => {
    ws.getRow(4 + k).values = [r.unit, r.to.join('\n'), r.report, new Date(Date.UTC(2020, 10, 30)), r.strengths, r.weaknesses.join('\n'), r.tasks.join('\n'), r.subject];
  });
  await wb.xlsx.writeFile(join(dir, 'ket-qua.xlsx'));
  const q = (v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const csv = [HEADERS.join(';'), ...rows.map((r) => [r.unit, r.to.join('\n'), String(r.report), '30/11/2020', r.strengths, r.weaknesses.join('\n'), r.tasks.join('\n'), r.subject].map(q).join(';'))];
  writeFileSync(join(dir, 'ket-qua.csv'), `\ufeff${csv.join('\r\n')}\r\n`);
  const head = (file) => stringify({ defaults: DEFAULTS, letters_from: { file, columns: COLUMNS } });
  writeFileSync(join(dir, 'xlsx.yaml'), head('ket-qua.xlsx'));
  writeFileSync(join(dir, 'csv.yaml'), head('ket-qua.csv'));
  const letters = rows.map((r) => ({
    to: r.to, subject: r.subject, inspection: { unit: r.unit, report: { number: r.report, date: '2020-11-30' } },
    findings: { strengths: r.strengths, weaknesses: r.weaknesses.join('\n\n') }, tasks: r.tasks,
  }));
  writeFileSync(join(dir, 'yaml.yaml'), stringify({ defaults: DEFAULTS, letters }, { aliasDuplicateObjects: false }));
}

function render(input, extra = []) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  spawnSync('sync');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'render', join(dir, input), '--out-dir', out, '--quiet', ...extra], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
  rmSync(out, { recursive: true, force: true });
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = (f) => median([f(), f(), f()]);

await files();
const yaml = times(() => render('yaml.yaml'));
const xlsx = times(() => render('xlsx.yaml'));
const csv = times(() => render('csv.yaml'));

// Reading the sheet alone (in this process, as the loader does: guard, exceljs, cells → letters).
const { loadSources } = await import(join(ROOT, 'dist', 'pipeline', 'sources.js'));
const t0 = performance.now();
const loaded = await loadSources(join(dir, 'xlsx.yaml'));
const readMs = performance.now() - t0;
if (loaded.sources.length !== N) throw new Error(`read ${loaded.sources.length} letters, expected ${N}`);

// The register: N rows appended to a new register, then N more to the one that holds them.
const { readRegister, appendRows } = await import(join(ROOT, 'dist', 'register', 'book.js'));
const { registerRow } = await import(join(ROOT, 'dist', 'register', 'row.js'));
const regRows = (from) => rows.map((r, k) => registerRow({ ...DEFAULTS, to: r.to, subject: r.subject, number: from + k }, 2020));
const regPath = join(dir, 'so.xlsx');
let a = performance.now();
await appendRows(await readRegister(regPath), regRows(1));
const regNew = performance.now() - a;
a = performance.now();
const reg = await readRegister(regPath);
await appendRows(reg, regRows(N + 1));
const regMore = performance.now() - a;
if (reg.keys.length !== N) throw new Error('register rows not read back');

const withRegister = times(() => { rmSync(regPath, { force: true }); return render('xlsx.yaml', ['--register', regPath, '--number-from', 'auto']); });

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`${N} letters, median of 3 runs each (fresh process, --out-dir in ${tmpdir()})`);
console.log(`  from YAML          ${s(yaml)}`);
console.log(`  from .xlsx         ${s(xlsx)}   ×${(xlsx / yaml).toFixed(2)} of YAML (target ≤ 1.5)`);
console.log(`  from .csv          ${s(csv)}   ×${(csv / yaml).toFixed(2)} of YAML`);
console.log(`  reading the .xlsx into ${N} letters (in process, cold): ${s(readMs)}`);
console.log(`register: ${N} rows into a new register ${s(regNew)}; ${N} more into one holding ${N} ${s(regMore)} (target well under 1 s)`);
console.log(`  render from .xlsx with --register --number-from auto: ${s(withRegister)} (+${s(withRegister - xlsx)})`);
rmSync(dir, { recursive: true, force: true });
