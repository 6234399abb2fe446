import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/**
 * What pdfkit 0.20 does for every small document that costs more than the drawing itself, done
 * once or cheaper. None changes what a reader gets: the same glyphs at the same places, and the
 * same bytes inside every stream once inflated (a unit test renders the samples both ways).
 *  - Line layout: pdfkit lays each text out word by word into a cache of the document's own, so
 *    every badge and agenda lays out "Plénière", the event's title and the labels again. For the
 *    fonts given to `keepLayouts`, a text's scaled layout is kept for the process and answered as
 *    it is (pdfkit only reads it: it concatenates runs and copies a position before changing it).
 *  - Writing: pdfkit turns every operator it writes ("0 0 0 rg", "BT", ...) into its own byte
 *    array with a loop in JavaScript, then joins them. Here a stream keeps its operators as text
 *    and writes them as bytes at once, natively (latin1: the low byte of each code unit, as pdfkit).
 *  - Compression: see `deflated`.
 */

interface LayoutRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont, as far as this file uses it. */
interface EmbeddedFont {
  font: object;
  layout: (this: EmbeddedFont, text: string, features?: unknown, onlyWidth?: boolean) => LayoutRun;
}

/** pdfkit's PDFReference (one PDF object, possibly a stream), as far as this file uses it. */
interface PdfReference {
  buffer: Array<Uint8Array | string>;
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write: (this: PdfReference, chunk: Uint8Array | string) => void;
  finalize: (this: PdfReference) => void;
}

interface DocumentInternals {
  _root: PdfReference;
  _font: EmbeddedFont | null;
  _offset: number;
  _write: (this: DocumentInternals, data: Uint8Array | string) => void;
  push(chunk: Uint8Array): boolean;
}

/** Texts whose layout is kept per font; beyond it the memory is dropped and starts again. */
const KEPT_LAYOUTS = 20_000;

const keptLayouts = new WeakMap<object, Map<string, LayoutRun>>();
let installed = false;

/** From now on, the layouts of texts in these (process-wide, never changing) fontkit fonts are kept. */
export function keepLayouts(...fonts: object[]): void {
  for (const font of fonts) if (!keptLayouts.has(font)) keptLayouts.set(font, new Map());
}

/**
 * Installs both on pdfkit's classes, once per process (per worker thread). `doc` is any document
 * with a font set: pdfkit exports neither its font nor its object class, so their prototypes are
 * reached through it.
 */
export function leanPdfkit(doc: PDFKit.PDFDocument): void {
  if (installed) return;
  const internals = doc as unknown as DocumentInternals;
  if (!internals._font) throw new Error('leanPdfkit needs a document with a font set');
  installed = true;
  keepLineLayouts(Object.getPrototypeOf(internals._font) as EmbeddedFont);
  writeStreamsAtOnce(Object.getPrototypeOf(internals._root) as PdfReference);
  writeDocumentNatively(PDFDocument.prototype as DocumentInternals);
}

function keepLineLayouts(prototype: EmbeddedFont): void {
  const layout = prototype.layout;
  prototype.layout = function (this: EmbeddedFont, text: string, features?: unknown, onlyWidth?: boolean): LayoutRun {
    const kept = features ? undefined : keptLayouts.get(this.font);
    if (!kept) return layout.call(this, text, features, onlyWidth);
    let run = kept.get(text);
    if (!run) {
      run = layout.call(this, text, undefined, false);
      if (kept.size >= KEPT_LAYOUTS) kept.clear();
      kept.set(text, run);
    }
    return run;
  };
}

function writeStreamsAtOnce(prototype: PdfReference): void {
  const finalize = prototype.finalize;
  prototype.write = function (this: PdfReference, chunk: Uint8Array | string): void {
    const part = chunk instanceof Uint8Array ? chunk : `${chunk}\n`;
    this.uncompressedLength += part.length;
    this.data.Length = (this.data.Length ?? 0) + part.length;
    this.buffer.push(part);
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  prototype.finalize = function (this: PdfReference): void {
    if (this.buffer.length) {
      this.buffer = joined(this.buffer);
      if (this.compress) {
        this.buffer = [deflated(this.buffer[0] as Uint8Array)];
        // Compressed here (Filter FlateDecode is set); pdfkit would compress it again.
        this.compress = false;
      }
    }
    finalize.call(this);
  };
}

/** The parts of a stream as one byte array: runs of text encoded at once, byte arrays as they are. */
function joined(parts: Array<Uint8Array | string>): Uint8Array[] {
  const out: Uint8Array[] = [];
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    if (text) out.push(Buffer.from(text, 'latin1'));
    text = '';
    out.push(part);
  }
  if (text) out.push(Buffer.from(text, 'latin1'));
  return out.length === 1 ? out : [Buffer.concat(out)];
}

/**
 * A stream compressed for small documents: zlib's fastest level (a few per cent larger than its
 * default, which mostly searches longer for matches that glyph outlines do not have) with a window
 * and hash sized to the stream, so that a 700-byte map does not set up 256 KB of state. Any
 * reader inflates it (FlateDecode, zlib format).
 */
function deflated(data: Uint8Array): Buffer {
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(data.length + 262))));
  return deflateSync(data, { level: 1, windowBits, memLevel: Math.min(8, Math.max(1, windowBits - 6)) });
}

function writeDocumentNatively(prototype: DocumentInternals): void {
  prototype._write = function (this: DocumentInternals, data: Uint8Array | string): void {
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
    this.push(bytes);
    this._offset += bytes.length;
  };
}
