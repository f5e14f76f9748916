// A bug in cchc, simulated from outside it (production code has no test hooks): while installed, deflating any
// bytes that contain MARK throws a plain Error, as a bug inside rendering would. Every letter's own parts are
// deflated when it is rendered (src/ooxml/zip.ts), so a letter whose text holds MARK fails, and only that one.
// Used in-process (install/restore around a run) and, through ./simulated-bug-preload.mjs, in a real CLI
// process and its render worker threads.
import zlib from 'node:zlib';

export const MARK = 'LOI-GIA-LAP';

/** Installs the simulated bug; returns a function that removes it. */
export function simulateRenderBug() {
  const real = zlib.deflateRawSync;
  const mark = Buffer.from(MARK);
  zlib.deflateRawSync = function (buf, opts) {
    const bytes = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (bytes.includes(mark)) throw new Error(`${MARK}: lỗi giả lập khi tạo một công văn`);
    return real.call(this, buf, opts);
  };
  return () => { zlib.deflateRawSync = real; };
}
