import { statSync } from 'node:fs';
import { UsageError } from './exit.js';

/**
 * `--templates DIR…` (render and validate): every folder must exist, and the template names found in them
 * count as known to the template-fields rule.
 */
export async function allowTemplates(dirs: string[]): Promise<void> {
  for (const d of dirs) {
    let isDir = false;
    try { isDir = statSync(d).isDirectory(); } catch { /* reported below */ }
    if (!isDir) throw new UsageError(`không có thư mục mẫu "${d}"`);
  }
  const [{ TemplateSet }, { allowUserTemplates }] = await Promise.all([import('../template/engine.js'), import('../rules/template-fields.js')]);
  allowUserTemplates(new TemplateSet(dirs).names());
}
