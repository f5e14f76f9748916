import { writePrecompiled } from './template/precompile.js';
import { BUILTIN_DIR } from './template/engine.js';
import { writePrototype } from './writers/docx/package.js';

/**
 * `npm run build` (and so `npm ci`, through "prepare"): after tsc, store what every run would otherwise
 * rebuild at start-up — the static DOCX parts and the compiled built-in templates.
 */
await writePrototype();
await writePrecompiled(BUILTIN_DIR);
