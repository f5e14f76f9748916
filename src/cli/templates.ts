import { statSync } from 'node:fs';
import { UsageError } from './exit.js';

/**
 * `--templates DIR…` (render and validate): every folder must exist; returns the template names found in them,
 * which the template-fields rule then counts as known for this run.
 */
export async function userTemplateNames(dirs: string[]): Promise<string[]> {
  for (const d of dirs) {
    let isDir = false;
    try { isDir = statSync(d).isDirectory(); } catch { /* reported below */ }
    if (!isDir) throw new UsageError(`không có thư mục mẫu "${d}"`);
  }
  const { TemplateSet } = await import('../template/engine.js');
  return new TemplateSet(dirs).names();
}
