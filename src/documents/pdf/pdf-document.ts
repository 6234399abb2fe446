import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { frenchDateRange } from './french';
import { drawQrCode } from './qr-code';
import { keepLayouts, leanPdfkit } from './lean-pdfkit';
import { sharedFont } from './shared-font';

export type Pdf = PDFKit.PDFDocument;

/** The font names renderers use. DejaVu Sans: every European script, and U+202F for French typography. */
export const SANS = 'Sans';
export const SANS_BOLD = 'Sans-Bold';

let fonts: { regular: fontkit.Font; bold: fontkit.Font } | null = null;

/**
 * The fonts, parsed once per process (per worker thread of the render pool). Parsing the 750 KB
 * TTF is most of what a small document costs when each does it; sharedFont then keeps each word's
 * shaping and each glyph's bytes. pdfkit still embeds a fresh subset of the glyphs each document
 * uses, so sharing changes nothing in the output. pdfkit itself is made lean in lean-pdfkit.ts.
 */
function sharedFonts(): { regular: fontkit.Font; bold: fontkit.Font } {
  if (!fonts) {
    const dir = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf');
    fonts = {
      regular: sharedFont(withEveryGlyphNamed(fontkit.create(readFileSync(join(dir, 'DejaVuSans.ttf'))))),
      bold: sharedFont(withEveryGlyphNamed(fontkit.create(readFileSync(join(dir, 'DejaVuSans-Bold.ttf'))))),
    };
    keepLayouts(fonts.regular, fonts.bold);
  }
  return fonts;
}

/**
 * fontkit keeps one glyph object per glyph id, with the characters it was first met for; pdfkit
 * writes those characters in the PDF's ToUnicode map (what copy-paste, search and screen readers
 * read). A glyph first met as a component of another (E inside É, when a subset is written) has
 * none, and a shared font would then keep it so: every later document's E would read as nothing.
 * Meeting every glyph through its characters first, lowest code point first, rules that out.
 */
function withEveryGlyphNamed(font: fontkit.Font): fontkit.Font {
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) font.glyphForCodePoint(codePoint);
  return font;
}

export interface PdfOptions {
  /** The document's title, in its metadata and in the reader's window. */
  title: string;
  subject?: string;
  /** Points; A4 by default. */
  size?: [number, number] | 'A4';
  margin?: number;
  /** Keep pages to write page numbers at the end (small documents only). */
  bufferPages?: boolean;
  /** Fixed creation date, so that the same view renders the same bytes. */
  createdAt?: Date;
}

/** A pdfkit document with the shared fonts, French language and metadata, tagged for screen readers. */
export function createPdf(options: PdfOptions): Pdf {
  const doc = new PDFDocument({
    // No default font: pdfkit would otherwise parse Helvetica's metrics for every document (a
    // quarter of a badge's time) only for us to replace it at once.
    font: null as unknown as string,
    size: options.size ?? 'A4',
    margin: options.margin ?? 50,
    bufferPages: options.bufferPages ?? false,
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: 'fr-FR',
    tagged: true,
    displayTitle: true,
    info: {
      Title: options.title,
      Author: 'Rencontres',
      Creator: 'Rencontres',
      Subject: options.subject ?? options.title,
      ...(options.createdAt ? { CreationDate: options.createdAt, ModDate: options.createdAt } : {}),
    },
  });
  const { regular, bold } = sharedFonts();
  // pdfkit accepts a parsed fontkit font (anything with `layout`); its types only list files.
  doc.registerFont(SANS, regular as unknown as Buffer);
  doc.registerFont(SANS_BOLD, bold as unknown as Buffer);
  doc.font(SANS);
  leanPdfkit(doc);
  return doc;
}

/** The whole document in memory (small documents: one badge, one agenda). */
export function toBuffer(doc: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

const HIGH_WATER = 1 << 20;

/**
 * Between two pages of a long document: let the event loop breathe (other requests, /health),
 * and wait while the reader lags more than 1 MB behind, so a slow download does not pile the
 * whole document up in memory.
 */
export async function betweenPages(doc: Pdf): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (doc.readableLength > HIGH_WATER && !doc.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        doc.off('data', done);
        doc.off('close', done);
        resolve();
      };
      doc.on('data', done);
      doc.on('close', done);
    });
  }
}

/**
 * Draws every item of a (possibly async, possibly huge) sequence into `doc`, then ends it. Runs in
 * the background; a failure destroys the stream with that error.
 */
export function drawAll<T>(doc: Pdf, items: AsyncIterable<T> | Iterable<T>, draw: (item: T, index: number) => void | Promise<void>, onEmpty?: () => void): Pdf {
  void (async () => {
    try {
      let index = 0;
      for await (const item of items) {
        // The reader went away: stop, which also closes the sequence (a cursor gives its connection back).
        if (doc.destroyed) return;
        await draw(item, index++);
      }
      if (index === 0) onEmpty?.();
      doc.end();
    } catch (error) {
      doc.destroy(error as Error);
    }
  })();
  return doc;
}

/**
 * Loads the fonts and everything a first document pays for (font parsing, the shaping tables
 * read on the first layout, the QR encoder), by drawing a throwaway document: about 0.3 s of CPU
 * that would otherwise stall the event loop during someone's first download.
 */
export async function warmUpDocuments(): Promise<void> {
  const doc = createPdf({ title: 'préchauffage' });
  for (const font of [SANS, SANS_BOLD]) doc.font(font).fontSize(12).text('Élodie Łukasz Ωμέγα Ольга « Œuvre » : 9 h 30 – 17 h 00 ?', 50, 50);
  drawQrCode(doc, 'K7QM4XW9PRTZ', 50, 100, 60);
  // The first French date formatter loads ICU's locale data.
  doc.text(frenchDateRange(new Date(0), new Date(86_400_000), 'Europe/Paris'));
  doc.end();
  await toBuffer(doc);
}
