// Build step after tsc: bundles the CLI, render worker included, into one CommonJS file, dist/bundle/cchc.cjs,
// then trains its V8 code cache. Why: Node 20 loads ES modules one by one (resolve, read, compile, link) and
// has no compile cache for them; cchc + zod + yaml + docx are several hundred modules. One classic script
// loaded through vm.Script with a code cache (bin/boot.js) skips most parsing and compiling at start-up:
// `cchc render` of one letter went from ~250 ms (ESM chunks) to ~195 ms here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

// exceljs (reading workbooks, writing the outgoing register) is 1.6 MB of the bundle that only a sheet or a
// register needs: it gets a bundle of its own, dist/bundle/exceljs.cjs, required on first use, so every other
// start of cchc does not read and hash it.
const lazyExceljs = {
  name: 'lazy-exceljs',
  setup(b) { b.onResolve({ filter: /^exceljs$/ }, () => ({ path: './exceljs.cjs', external: true })); },
};
/** Both bundles: CommonJS for Node 20; less source to hash and scan, identifiers kept so --debug stacks stay readable. */
const COMMON = {
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
};

await build({ ...COMMON, entryPoints: { exceljs: 'node_modules/exceljs/excel.js' } });

// pdf.js (reading PDF letters in `cchc check`) is ~2 MB that only a PDF needs: a bundle of its own,
// dist/bundle/pdfjs.cjs, with the small module that loads it (dist/check/pdf/pdfjs-entry.js), required on the
// first PDF. pdfjs-dist is a devDependency: an installed cchc carries this bundle, not the 40 MB package and its
// optional canvas addon. pdf.js keeps a few import() of its own (a worker file it is never asked to load here):
// this bundle is loaded with require(), where import() works.
const lazyPdfjs = {
  name: 'lazy-pdfjs',
  setup(b) { b.onResolve({ filter: /pdfjs-entry\.js$/ }, () => ({ path: './pdfjs.cjs', external: true })); },
};
await build({
  ...COMMON,
  entryPoints: { pdfjs: 'dist/check/pdf/pdfjs-entry.js' },
  logLevel: 'error',
  define: { 'import.meta.url': '__cchcUrl' },
  banner: { js: "const __cchcUrl = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...COMMON,
  entryPoints: { cchc: 'dist/bundle-entry.js' },
  // The PDF engine is a native addon (a prebuilt .node file per platform): required from node_modules at run time.
  external: ['@myriaddreamin/typst-ts-node-compiler'],
  // The sources are ES modules: their import.meta.url becomes the bundle's own URL. The bundle sits two folders
  // below the package root, like the tsc output, so paths computed from it (templates/, dist/*) stay right.
  define: { 'import.meta.url': '__cchcUrl', __CCHC_BUNDLED_WORKER__: '"../../bin/worker.js"' },
  banner: { js: "const __cchcUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyExceljs, lazyPdfjs],
});

// The bundle runs as a classic script (vm.Script), where import() cannot load anything: every import must have
// been bundled or turned into require(). Catch a stray one here rather than at a user's `cchc` command.
const stray = /\bimport\(/.exec(readFileSync('dist/bundle/cchc.cjs', 'utf8'));
if (stray) throw new Error('dist/bundle/cchc.cjs still calls import(): use a static import or require() for it');

// Train the code cache: render one letter with the cache writer on (bin/boot.js writes it at exit), so the
// functions a render needs are stored compiled. A failure here only costs speed: cchc runs without a cache.
const dir = mkdtempSync(join(tmpdir(), 'cchc-build-'));
try {
  const r = spawnSync(process.execPath, ['bin/cchc.js', 'render', 'examples/kien-luong-2020.yaml', '-o', join(dir, 'train.docx'), '--quiet'], {
    env: { ...process.env, CCHC_WRITE_CODE_CACHE: '1' }, encoding: 'utf8',
  });
  if (r.status !== 0) console.warn(`cchc: code cache not trained (${r.stderr.trim() || r.status}); the CLI still works, it starts slower`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
