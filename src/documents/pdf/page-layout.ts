import { Pdf, SANS, SANS_BOLD } from './pdf-document';
import { decoration, tagged } from './tagging';

export const A4 = { width: 595.28, height: 841.89 };

/** The bottom of the writable area of the current page. */
export function pageBottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/**
 * Starts a new page when `height` does not fit below the cursor; `onNewPage` redraws what each
 * page repeats (headers). Returns whether it did.
 */
export function ensureSpace(doc: Pdf, height: number, onNewPage?: () => void): boolean {
  if (doc.y + height <= pageBottom(doc)) return false;
  doc.addPage();
  onNewPage?.();
  return true;
}

/**
 * Writes a line in the bottom margin of pages [from, to) of a document with buffered pages,
 * e.g. `Page 3 sur 12`. pdfkit would start a new page for text under the margin: lift it meanwhile.
 */
export function writeFooters(doc: Pdf, from: number, to: number, text: (index: number, count: number) => string): void {
  for (let i = from; i < to; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    decoration(
      doc,
      () => {
        doc.font(SANS).fontSize(8).fillColor('#555555');
        doc.text(text(i - from, to - from), doc.page.margins.left, doc.page.height - bottom / 2 - 4, {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          align: 'center',
          lineBreak: false,
        });
      },
      'Pagination',
    );
    doc.page.margins.bottom = bottom;
  }
}

/** A heading in bold, with some room below; tagged `H2` unless told (`H1` for a document's title). */
export function heading(doc: Pdf, text: string, size: number, options: { color?: string; gapAfter?: number; level?: 'H1' | 'H2' | 'H3' } = {}): void {
  doc
    .font(SANS_BOLD)
    .fontSize(size)
    .fillColor(options.color ?? '#000091');
  tagged(doc, options.level ?? 'H2', () => doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) }));
  doc.moveDown(options.gapAfter ?? 0.3);
  doc.font(SANS).fillColor('#000000');
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** A paragraph in the regular font at the left margin. */
export function paragraph(doc: Pdf, text: string, size = 10, options: { color?: string; bold?: boolean; indent?: number } = {}): void {
  const indent = options.indent ?? 0;
  doc
    .font(options.bold ? SANS_BOLD : SANS)
    .fontSize(size)
    .fillColor(options.color ?? '#000000');
  tagged(doc, 'P', () => doc.text(text, doc.page.margins.left + indent, doc.y, { width: contentWidth(doc) - indent }));
}
