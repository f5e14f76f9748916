/** pdf.js's worker side has no types of its own; only its presence matters here (./pdfjs-entry.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
