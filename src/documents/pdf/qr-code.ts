import QRCode from 'qrcode';
import type { Pdf } from './pdf-document';

/** Codes kept once encoded and traced: a message's badge and agenda draw the same one. */
const KEPT = 1000;
const traced = new Map<string, Trace>();

interface Trace {
  /** Modules per side. */
  count: number;
  /** The dark modules as PDF path operators in module units: one rectangle per horizontal run. */
  path: string;
}

function traceOf(text: string): Trace {
  let trace = traced.get(text);
  if (!trace) {
    const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    const count = modules.size;
    const runs: string[] = [];
    for (let row = 0; row < count; row++) {
      let col = 0;
      while (col < count) {
        if (!modules.get(row, col)) {
          col++;
          continue;
        }
        const start = col;
        while (col < count && modules.get(row, col)) col++;
        runs.push(`${start} ${row} ${col - start} 1 re`);
      }
    }
    trace = { count, path: runs.join('\n') };
    if (traced.size >= KEPT) traced.delete(traced.keys().next().value!);
    traced.set(text, trace);
  }
  return trace;
}

/**
 * A QR code drawn as vector squares (no image): sharp at any print size. It encodes `text` and
 * nothing else, with a quiet zone of `quiet` modules kept white around it. The modules are drawn
 * in their own units, scaled into place, so the same trace serves every size and position.
 */
export function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number, quiet = 2): void {
  const { count, path } = traceOf(text);
  const cell = size / (count + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#FFFFFF');
  doc.transform(cell, 0, 0, cell, x + quiet * cell, y + quiet * cell);
  doc.addContent(path);
  doc.fill('#000000');
  doc.restore();
}
