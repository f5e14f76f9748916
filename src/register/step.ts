import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../files/atomic.js';
import type { Job } from '../pipeline/plan.js';
import type { RunSummary } from '../pipeline/run.js';
import type { OutputStep, StepContext } from '../pipeline/steps.js';
import type { Problem } from '../problem.js';
import type { Letter } from '../schema/letter.js';
import { appendRows, readRegister, type Register, RegisterError } from './book.js';
import { planNumbers, type NumberFrom } from './numbers.js';
import { formatDocNumber } from '../template/vn.js';
import { letterYear, registerRow, type RegisterCell } from './row.js';

/**
 * `cchc render --register so.xlsx [--number-from N|auto]`: the outgoing register as an output step. Never a number
 * in a letter that the register does not show, nor the other way round:
 *   1. before rendering, the register is read (and locked against a second cchc), and the letters without a number
 *      get theirs; the letters are then rendered into a staging folder beside their destination, not in place;
 *   2. after rendering, the rows of the letters that were rendered are appended and the register replaced in one
 *      step; if that fails, the staged letters are removed: nothing was placed, nothing registered;
 *   3. then the letters are moved into place (a rename in the same folder); a letter that cannot be placed is
 *      taken out of the register again (the register is written anew from its original bytes with the rows of
 *      the placed letters only).
 * A letter already registered (same number, symbol and year) is written but not added twice. A letter that fails
 * to render leaves its number unused (a gap), rather than renumbering letters already rendered.
 */
export class RegisterStep implements OutputStep {
  readonly name = 'register';
  private reg?: Register;
  private original: Uint8Array | null = null;
  private lock?: string;
  /** Staged path → final path, per job. */
  private readonly finals = new Map<Job, string>();
  private readonly rows = new Map<Job, RegisterCell[]>();
  private readonly stages = new Set<string>();

  constructor(private readonly file: string, private readonly from: NumberFrom | undefined, private readonly force: boolean) {}

  async prepare(jobs: Job[], ctx: StepContext): Promise<Problem[]> {
    const problems: Problem[] = [];
    const lock = join(dirname(this.file), `.~cchc-${basename(this.file)}.lock`);
    try { closeSync(openSync(lock, 'wx')); this.lock = lock; } catch (e) {
      const busy = (e as NodeJS.ErrnoException).code === 'EEXIST';
      return [this.problem(busy
        ? `sổ đăng ký đang được một lần chạy cchc khác ghi (có tệp khóa ${lock}); chờ lần chạy đó xong — nếu không còn lần chạy nào, hãy xóa tệp khóa`
        : `không tạo được tệp khóa ${lock} cạnh sổ đăng ký (thư mục không có hoặc không ghi được)`)];
    }
    try {
      this.reg = await readRegister(this.file);
      this.original = this.reg.exists ? readFileSync(this.file) : null;
    } catch (e) {
      this.release();
      if (e instanceof RegisterError) return [this.problem(e.message)];
      throw e;
    }
    const plan = planNumbers(jobs.map((j) => j.letter), this.from, this.reg.keys, ctx.today);
    jobs.forEach((job, i) => {
      const at = { file: job.source.file, ...job.source.locate(['number']), severity: 'error' as const, rule: 'register', path: 'number' };
      const n = plan.numbers[i];
      if (n === undefined) {
        problems.push({ ...at, message: 'công văn chưa có số để vào sổ đăng ký: ghi "number", hoặc chạy với --number-from N (hay --number-from auto để tiếp theo số cuối trong sổ)' });
      } else if (plan.twins[i] !== undefined) {
        const twin = jobs[plan.twins[i]!]!.source;
        problems.push({ ...at, message: `số ${formatDocNumber(n)}/${job.letter.symbol} năm ${letterYear(job.letter, ctx.today)} trùng với công văn ${twin.entry ?? twin.file}; mỗi công văn một số` });
      }
    });
    if (problems.length) { this.release(); return problems; }
    jobs.forEach((job, i) => {
      const number = plan.numbers[i]!;
      job.letter = { ...job.letter, number } as Letter;
      if (!plan.registered[i]) this.rows.set(job, registerRow(job.letter as Letter & { number: number }, letterYear(job.letter, ctx.today)));
      this.stage(job, i);
    });
    return [];
  }

  async settle(jobs: readonly Job[], summary: RunSummary): Promise<void> {
    try {
      const written = new Set(summary.written);
      const done = jobs.filter((j) => written.has(j.path));
      if (summary.interrupted) { summary.written = []; return; }
      const rows = done.filter((j) => this.rows.has(j));
      try {
        if (rows.length) await appendRows(this.reg!, rows.map((j) => this.rows.get(j)!));
      } catch (e) {
        if (!(e instanceof RegisterError)) throw e;
        summary.problems.push(this.problem(`${e.message}; chưa ghi công văn nào (không công văn nào mang số mà sổ không có)`));
        summary.failed += done.length;
        summary.written = [];
        if (summary.pdf) summary.pdf.written = [];
        return;
      }
      const placed = this.place(done, summary);
      const lost = rows.filter((j) => !placed.has(j));
      if (lost.length) await this.rewrite(rows.filter((j) => placed.has(j)), summary);
    } finally {
      for (const dir of this.stages) rmSync(dir, { recursive: true, force: true });
      this.release();
    }
  }

  /** The job is rendered into `.cchc-register-<pid>` beside its destination, under its index. */
  private stage(job: Job, i: number): void {
    const dir = join(dirname(job.path), `.cchc-register-${process.pid}`);
    if (!this.stages.has(dir)) { mkdirSync(dir, { recursive: true }); this.stages.add(dir); }
    this.finals.set(job, job.path);
    job.path = join(dir, `${i}.docx`);
  }

  /** Moves the staged DOCX (and PDF) of each rendered letter into place; returns the letters placed. */
  private place(done: readonly Job[], summary: RunSummary): Set<Job> {
    const placed = new Set<Job>();
    const moved = new Map<string, string>();
    for (const job of done) {
      const final = this.finals.get(job)!;
      try {
        this.move(job.path, final);
        moved.set(job.path, final);
        placed.add(job);
        const pdf = job.path.replace(/\.docx$/i, '.pdf');
        if (existsSync(pdf)) { const to = final.replace(/\.docx$/i, '.pdf'); this.move(pdf, to); moved.set(pdf, to); }
      } catch (e) {
        summary.failed++;
        const code = (e as NodeJS.ErrnoException).code;
        summary.problems.push({ file: job.source.file, ...job.source.locate(['output']), severity: 'error', rule: code === 'EEXIST' ? 'output-exists' : 'io',
          message: code === 'EEXIST' ? `đã có tệp ${final}; thêm --force để ghi đè (công văn không vào sổ)` : `không ghi được ${final} (${code ?? 'lỗi'}); công văn không vào sổ` });
      }
    }
    summary.written = summary.written.flatMap((p) => (moved.has(p) ? [moved.get(p)!] : []));
    if (summary.pdf) summary.pdf.written = summary.pdf.written.flatMap((p) => (moved.has(p) ? [moved.get(p)!] : []));
    return placed;
  }

  /** Without --force an existing file is never replaced: a hard link fails if the name is taken. */
  private move(from: string, to: string): void {
    if (this.force) { renameSync(from, to); return; }
    linkSync(from, to);
    unlinkSync(from);
  }

  /** The register again from its original bytes, with the rows of the letters that were placed only. */
  private async rewrite(rows: Job[], summary: RunSummary): Promise<void> {
    try {
      if (this.original) writeFileAtomic(this.file, this.original, true);
      else rmSync(this.file, { force: true });
      const again = await readRegister(this.file);
      if (rows.length) await appendRows(again, rows.map((j) => this.rows.get(j)!));
    } catch (e) {
      summary.problems.push(this.problem(`không sửa lại được sổ đăng ký sau khi có công văn không ghi được: ${(e as Error).message}; hãy kiểm tra sổ`));
    }
  }

  private release(): void {
    if (this.lock) { try { unlinkSync(this.lock); } catch { /* already gone */ } this.lock = undefined; }
  }

  private problem(message: string): Problem {
    return { file: this.file, line: 0, col: 0, severity: 'error', message, rule: 'register' };
  }
}
