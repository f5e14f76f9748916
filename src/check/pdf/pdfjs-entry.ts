/**
 * Loads pdf.js (pdfjs-dist, legacy build: the one that runs on Node 20) with its main-thread side and its
 * "worker" side in this thread. The legacy build brings core-js, which replaces a few built-ins of the whole
 * process when it thinks the engine is buggy (Array.prototype.push, JSON.parse, JSON.stringify,
 * Function.prototype.toString: slower, and not ours to change); they are put back once pdf.js is loaded. It
 * also prints warnings about the optional canvas package it does not need to read a PDF; those are silenced.
 * In the build this file and pdf.js become one lazily required bundle, dist/bundle/pdfjs.cjs (scripts/bundle.mjs).
 */
export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * The document pdf.js's display side loads a PDF's fonts into (getDocument's `ownerDocument`). Node has no
 * FontFace: pdf.js would fail to load each embedded font and have its worker side build every glyph's outline
 * instead — work for drawing, which cchc never does (a fifth of the time to read a PDF, measured on the check
 * fixtures, with the same text, fonts and lines read). Fonts "loaded" into this document are simply not kept.
 */
export const FONTLESS_DOCUMENT = { fonts: { add: () => undefined, delete: () => true } } as unknown as Document;

let loaded: Promise<Pdfjs> | undefined;

export function load(): Promise<Pdfjs> {
  loaded ??= guarded(async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    // pdf.js runs its worker side in this thread when it finds it here (no Worker, no file to locate).
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  });
  return loaded;
}

/** The built-ins core-js may replace, restored after `fn`; console.log silenced meanwhile. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  const saved = {
    push: Array.prototype.push,
    parse: JSON.parse,
    stringify: JSON.stringify,
    toString: Function.prototype.toString,
    log: console.log,
  };
  const g = globalThis as { DOMMatrix?: unknown; FontFace?: unknown };
  // pdf.js 5 builds a DOMMatrix when its display side loads; only rendering uses it, and this reads, never renders.
  if (g.DOMMatrix === undefined) g.DOMMatrix = class DOMMatrix {};
  // A font face that is loaded at once (see FONTLESS_DOCUMENT); kept, as pdf.js makes one per font it reads.
  if (g.FontFace === undefined) g.FontFace = class FontFace { readonly loaded = Promise.resolve(this); };
  console.log = () => {};
  try {
    return await fn();
  } finally {
    Array.prototype.push = saved.push;
    JSON.parse = saved.parse;
    JSON.stringify = saved.stringify;
    Function.prototype.toString = saved.toString;
    console.log = saved.log;
  }
}
