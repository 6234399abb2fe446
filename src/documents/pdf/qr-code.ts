import QRCode from 'qrcode';
import type { Pdf } from './pdf-document';

type Modules = ReturnType<typeof QRCode.create>['modules'];

/** Codes kept once encoded: a message's badge and agenda draw the same one. */
const KEPT = 1000;
const encoded = new Map<string, Modules>();

function modulesOf(text: string): Modules {
  let modules = encoded.get(text);
  if (!modules) {
    modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    if (encoded.size >= KEPT) encoded.delete(encoded.keys().next().value!);
    encoded.set(text, modules);
  }
  return modules;
}

/**
 * A QR code drawn as vector squares (no image): sharp at any print size. It encodes `text` and
 * nothing else, with a quiet zone of `quiet` modules kept white around it.
 */
export function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number, quiet = 2): void {
  const modules = modulesOf(text);
  const count = modules.size;
  const cell = size / (count + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#FFFFFF');
  // One rectangle per horizontal run of dark modules: a fraction of the drawing operations.
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col)) col++;
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
