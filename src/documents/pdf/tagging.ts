import type { Pdf } from './pdf-document';

type Element = PDFKit.PDFStructureElement;

/** Each document's open structure elements, innermost last; the first is its `Document` element. */
const open = new WeakMap<Pdf, Element[]>();

function parents(doc: Pdf): Element[] {
  let stack = open.get(doc);
  if (!stack) {
    const root = doc.struct('Document');
    doc.addStructure(root);
    stack = [root];
    open.set(doc, stack);
  }
  return stack;
}

export interface TagOptions {
  /** What a figure shows, in words. */
  alt?: string;
  lang?: string;
  /**
   * The text as it should be read when the drawing splits it (a name shrunk onto two lines loses
   * the space at the break; a cut text keeps its end).
   */
  actual?: string;
  /** A header cell's scope. */
  scope?: 'Column' | 'Row';
}

/**
 * What a screen reader reads, in reading order: `draw` writes the content of one structure
 * element (`H1`, `P`, `Figure` with its `alt`…) under the innermost open section. Leaves only:
 * draw no section and no decoration inside (pdfkit closes marked content to open another).
 */
export function tagged(doc: Pdf, type: string, draw: () => void, options: TagOptions = {}): void {
  const stack = parents(doc);
  stack[stack.length - 1].add(doc.struct(type, options, draw));
}

/** A grouping element (`Sect`, `Table`, `TR`, `L`, `LI`…) holding what `body` tags; ended after it. */
export function section(doc: Pdf, type: string, body: () => void): void {
  const stack = parents(doc);
  const element = doc.struct(type);
  stack[stack.length - 1].add(element);
  stack.push(element);
  try {
    body();
  } finally {
    stack.pop();
    element.end();
  }
}

/** Lines, bands, boxes, cut marks, page numbers: drawn as artifacts, which screen readers skip. */
export function decoration(doc: Pdf, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  try {
    draw();
  } finally {
    doc.endMarkedContent();
  }
}
