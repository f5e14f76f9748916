import { statSync } from 'node:fs';
import type { TemplateKnowledge } from '../rules/rule.js';
import { UsageError } from './exit.js';

/** The folders given with `--template-dir` and with its old spelling `--templates`. */
export const templateDirs = (flags: { templateDir?: string[]; templates?: string[] }): string[] =>
  [...(flags.templateDir ?? []), ...(flags.templates ?? [])];

/**
 * `--template-dir DIR…` (render and validate; old spelling `--templates`): every folder must exist; returns the template names found in them,
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
