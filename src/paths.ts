import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root folder (where package.json, templates/ and letter.schema.json are). Found by
 * walking up from this module, because the compiled code sits at different depths: dist/ from tsc,
 * dist/bundle/ from esbuild, src/ under the tests.
 */
export const PACKAGE_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cchc: cannot find the package folder (package.json and templates/)');
})();

export const fromRoot = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);
