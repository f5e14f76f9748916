import { statSync } from 'node:fs';
import type { TemplateKnowledge } from '../rules/rule.js';
import { UsageError } from './exit.js';

/**
 * `--templates DIR…` (render and validate): every folder must exist; returns the template names found in them,
 * which the template-fields rule then counts as known for this run, and what every template prints (built-in
 * and the folders', the folders winning), for the unprinted-fields rule.
 */
export async function userTemplates(dirs: string[]): Promise<{ names: string[]; templates: TemplateKnowledge }> {
  for (const d of dirs) {
    let isDir = false;
    try { isDir = statSync(d).isDirectory(); } catch { /* reported below */ }
    if (!isDir) throw new UsageError(`không có thư mục mẫu "${d}"`);
  }
  const { BUILTIN_DIR, TemplateSet } = await import('../template/engine.js');
  return { names: new TemplateSet(dirs).names(), templates: await new TemplateSet([BUILTIN_DIR, ...dirs]).prepare() };
}
