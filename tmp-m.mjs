import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { shippedFonts } from './dist/writers/pdf/engine.js';
const { NodeCompiler } = createRequire(import.meta.url)('@myriaddreamin/typst-ts-node-compiler');
const { LetterRenderer } = await import('./dist/render/letter.js');
const { LetterSchema } = await import('./dist/schema/letter.js');
const { parse } = await import('yaml');
const { typstPrint } = await import('./dist/writers/pdf/markup.js');
const r = await LetterRenderer.create({ today: new Date(2025, 10, 28) });
const letter = LetterSchema.parse(parse(readFileSync('examples/kien-luong-2020.yaml', 'utf8')));
const n = Number(process.argv[2]), size = Number(process.argv[3]);
const models = Array.from({ length: n }, (_, i) => r.model({ ...letter, to: [`Đơn vị ${i}`] }));
const c = NodeCompiler.create({ workspace: '/w', fontArgs: [{ fontBlobs: shippedFonts() }] });
let t = performance.now();
const chunks = [];
for (let k = 0; k < n; k += size) {
  const d = c.compile({ mainFileContent: typstPrint(models.slice(k, k + size), models[0].meta) });
  const pdf = c.pdf(d.result, { pdfStandard: 'a-2b' });
  const pages = d.result.numOfPages ?? (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;
  chunks.push({ pdf, pages });
  c.evictCache(10);
}
console.log('chunks', ((performance.now() - t) / 1000).toFixed(2), 's', chunks.map((x) => x.pages).join(','));
t = performance.now();
let src = '#set page(width: 595.28pt, height: 841.89pt, margin: 0pt)\n';
chunks.forEach((ch, i) => { c.mapShadow(`/w/c${i}.pdf`, ch.pdf); for (let p = 1; p <= ch.pages; p++) src += `#image("c${i}.pdf", page: ${p}, width: 100%, height: 100%)\n`; });
const d = c.compile({ mainFileContent: src });
if (!d.result) { console.log(c.fetchDiagnostics(d.takeDiagnostics())); process.exit(1); }
const out = c.pdf(d.result);
writeFileSync('/tmp/merged.pdf', out);
console.log('merge', ((performance.now() - t) / 1000).toFixed(2), 's', (out.length / 1048576).toFixed(1), 'MB', (process.memoryUsage().rss / 1048576).toFixed(0), 'MB rss');
