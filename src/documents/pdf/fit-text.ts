import type { Pdf } from './pdf-document';

export interface TextBox {
  font: string;
  /** Largest size wanted; the text shrinks from it down to `minSize`, then wraps. */
  maxSize: number;
  minSize: number;
  width: number;
  /** Most lines it may take; beyond, the last line ends with an ellipsis. */
  maxLines: number;
  lineGap?: number;
}

export interface FittedText {
  size: number;
  lines: string[];
  /** Height taken by the lines at that size. */
  height: number;
}

/**
 * How a text fits a box: on one line at the largest size that fits, else wrapped at the smallest
 * size onto at most `maxLines`, cut with an ellipsis if it still does not fit. Every line it returns
 * is at most `width` wide, so a 60-character name never leaves its badge.
 */
export function fitText(doc: Pdf, text: string, box: TextBox): FittedText {
  doc.font(box.font);
  // Only ordinary white space collapses: U+202F and U+00A0 are there so as not to break.
  const clean = text.replace(/[ \t\r\n]+/g, ' ').trim();
  const gap = box.lineGap ?? 0;
  const result = (size: number, lines: string[]): FittedText => ({ size, lines, height: lines.length * (size * 1.15 + gap) - gap });
  // A line's width is proportional to the size: measured once, not at every step.
  const perPoint = doc.fontSize(box.maxSize).widthOfString(clean) / box.maxSize;
  for (let size = box.maxSize; size >= box.minSize; size -= 0.5) {
    if (perPoint * size <= box.width) {
      doc.fontSize(size);
      return result(size, [clean]);
    }
  }
  // At the smallest size, fill each line with as many words as fit; break inside a word only when
  // the word alone is wider than the box.
  for (let size = Math.max(box.minSize, Math.min(box.maxSize, box.minSize * 1.4)); size >= box.minSize; size -= 0.5) {
    const lines = wrap(doc.fontSize(size), clean, box.width);
    if (lines.length <= box.maxLines || size - 0.5 < box.minSize) {
      return result(size, lines.length <= box.maxLines ? lines : truncate(doc, lines, box.maxLines, box.width));
    }
  }
  return result(box.minSize, [clean]);
}

/** Break opportunities: after a space (dropped) or after a hyphen (kept), as in compound names. */
function pieces(text: string): Array<{ text: string; space: boolean }> {
  const out: Array<{ text: string; space: boolean }> = [];
  for (const word of text.split(' ')) {
    const parts = word.split(/(?<=-)/);
    parts.forEach((part, i) => out.push({ text: part, space: i === 0 && out.length > 0 }));
  }
  return out;
}

function wrap(doc: Pdf, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces(text)) {
    const candidate = line ? `${line}${piece.space ? ' ' : ''}${piece.text}` : piece.text;
    if (doc.widthOfString(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = piece.text;
    // A piece wider than the box alone: cut it, with a hyphen.
    while (doc.widthOfString(line) > width) {
      let cut = line.length - 1;
      while (cut > 1 && doc.widthOfString(`${line.slice(0, cut)}-`) > width) cut--;
      lines.push(`${line.slice(0, cut)}-`);
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

function truncate(doc: Pdf, lines: string[], maxLines: number, width: number): string[] {
  const kept = lines.slice(0, maxLines);
  let last = `${lines.slice(maxLines - 1).join(' ')}`;
  while (last.length > 1 && doc.widthOfString(`${last}…`) > width) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** Draws fitted lines from (x, y), each on its own line without pdfkit's own wrapping; returns the y below. */
export function drawFitted(doc: Pdf, fitted: FittedText, x: number, y: number, options: { width?: number; align?: 'left' | 'center' | 'right'; lineGap?: number } = {}): number {
  doc.fontSize(fitted.size);
  let top = y;
  for (const line of fitted.lines) {
    doc.text(line, x, top, { lineBreak: false, width: options.width, align: options.align ?? 'left' });
    top += fitted.size * 1.15 + (options.lineGap ?? 0);
  }
  return top - (options.lineGap ?? 0);
}
