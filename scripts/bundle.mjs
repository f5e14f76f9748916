// Build step after tsc: bundles the CLI and the render worker into dist/bundle/ with esbuild.
// Why: Node 20 loads ESM module by module (resolve, read, compile, link); cchc + zod + yaml + docx are
// several hundred modules, which cost ~200 ms before a letter is even read. One bundle with shared chunks
// halves the cold start of `cchc render`. Chunks sit two folders below the project root, like the tsc
// output, so the paths they compute from import.meta.url (templates/, dist/*.json) stay right.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear the folder so chunks of older builds do not pile up.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['dist/cli/main.js', 'dist/batch/worker.js'],
  outdir: 'dist/bundle',
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Less source for V8 to scan at start-up; identifiers are kept so --debug stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // CommonJS dependencies (handlebars, commander's helpers) call require(): give the bundle one.
  banner: { js: "import { createRequire as __cchcRequire } from 'node:module'; const require = __cchcRequire(import.meta.url);" },
});
