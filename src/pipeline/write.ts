import { ExistsError, writeFileAtomic } from '../files/atomic.js';
import { EXISTS, WRITE_ERRORS } from '../files/dirs.js';
import type { LetterRenderer } from '../render/letter.js';
import type { Letter } from '../schema/letter.js';
import { TemplateError } from '../template/engine.js';

/** One letter to render and write; `pdf` names its PDF when the run makes one beside each DOCX. */
export interface WorkItem { id: number; letter: Letter; path: string; force: boolean; pdf?: string }
/** What became of a letter's PDF (only when its DOCX was written). */
export interface PdfOutcome { ok: boolean; message?: string; rule?: string; internal?: string }
export interface WorkResult { id: number; ok: boolean; message?: string; rule?: string; internal?: string; pdf?: PdfOutcome }
/** A rendered letter on its way from a worker to the writer: the DOCX (and PDF) bytes, or why there are none. */
export interface Rendered extends WorkResult { bytes?: Uint8Array; pdfBytes?: Uint8Array }

/** Renders one letter and writes it atomically; every failure comes back as a result, never a throw. */
export function writeJob(renderer: LetterRenderer, item: WorkItem): WorkResult {
  const r = renderJob(renderer, item);
  return r.bytes ? writeRendered(item, r, writeFileAtomic) : r;
}

/** Renders one letter without writing it (a worker's part of the job). */
export function renderJob(renderer: LetterRenderer, item: WorkItem): Rendered {
  try {
    if (!item.pdf) return { id: item.id, ok: true, bytes: renderer.render(item.letter) };
    const model = renderer.model(item.letter);
    const bytes = renderer.docxOf(model);
    // A PDF the engine cannot make does not cost the letter its DOCX: it is reported on its own.
    try {
      return { id: item.id, ok: true, bytes, pdfBytes: renderer.pdfOf(model) };
    } catch (e) {
      return { id: item.id, ok: true, bytes, pdf: { ok: false, ...describeFailure(e, 'PDF') } };
    }
  } catch (e) {
    return { id: item.id, ok: false, ...describeFailure(e) };
  }
}

/** The rendered files' memory, moved to the other thread instead of copied. */
export function buffersOf(r: Rendered | WorkResult): ArrayBuffer[] {
  if (!('bytes' in r)) return [];
  return [r.bytes, r.pdfBytes].flatMap((b) => (b ? [b.buffer as ArrayBuffer] : []));
}

/** Writes a file atomically, or throws: writeFileAtomic, or a worker's StagedWriter. */
export type Write = (dest: string, bytes: Uint8Array, force: boolean) => void;

/** Writes one rendered letter atomically (the writer's part of the job): its DOCX, then its PDF. */
export function writeRendered(item: WorkItem, r: Pick<Rendered, 'bytes' | 'pdfBytes' | 'pdf'>, write: Write): WorkResult {
  try {
    write(item.path, r.bytes!, item.force);
  } catch (e) {
    return { id: item.id, ok: false, ...describeFailure(e) };
  }
  if (!item.pdf) return { id: item.id, ok: true };
  if (!r.pdfBytes) return { id: item.id, ok: true, pdf: r.pdf ?? { ok: false, message: 'không tạo được PDF', rule: 'pdf' } };
  try {
    write(item.pdf, r.pdfBytes, item.force);
    return { id: item.id, ok: true, pdf: { ok: true } };
  } catch (e) {
    return { id: item.id, ok: true, pdf: { ok: false, ...describeFailure(e, 'PDF') } };
  }
}

/**
 * Why a letter (or its PDF) was not written. An `io` or `output-exists` message is about the output file and is
 * shown on its path (run.ts), so it does not repeat the path.
 */
function describeFailure(e: unknown, kind = 'DOCX'): Omit<WorkResult, 'id' | 'ok'> {
  if (e instanceof ExistsError) return { message: EXISTS, rule: 'output-exists' };
  if (e instanceof TemplateError) return { message: `lỗi mẫu nội dung: ${e.message}`, rule: 'template' };
  const code = (e as NodeJS.ErrnoException).code;
  const message = code ? WRITE_ERRORS[code] : undefined;
  if (message) return { message, rule: 'io' };
  return { message: `lỗi nội bộ khi tạo ${kind}`, rule: 'internal', internal: String((e as Error)?.stack ?? e) };
}
