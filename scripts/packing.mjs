// Exits 0 when npm is packing or publishing, 1 otherwise. `"prepare": "node scripts/packing.mjs || npm run build"`:
// "prepare" builds a clone at `npm ci`/`npm install`, but npm also runs it during `npm pack` and `npm publish`,
// right after "prepack" has built; this keeps that to one build (~14 s) instead of two.
process.exitCode = ['pack', 'publish'].includes(process.env.npm_command ?? '') ? 0 : 1;
