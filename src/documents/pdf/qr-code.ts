import QRCode from 'qrcode';
import type { Pdf } from './pdf-document';

/**
 * A QR code drawn as vector squares (no image): sharp at any print size. It encodes `text` and
 * nothing else, with a quiet zone of `quiet` modules kept white around it.
 */
export function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number, quiet = 2): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
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
