import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRasterTools } from '../support/pdf';

export const VIDEO = { width: 640, height: 480 };

/** A page of a PDF as 8-bit grey pixels (pdftoppm's PGM), its longest side `size` pixels. */
export function pdfPageToGrey(pdf: Buffer, size: number): { width: number; height: number; pixels: Buffer } {
  ensureRasterTools();
  const dir = mkdtempSync(join(tmpdir(), 'badge-video-'));
  try {
    writeFileSync(join(dir, 'badge.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-f', '1', '-l', '1', '-scale-to', String(size), join(dir, 'badge.pdf'), join(dir, 'page')]);
    const file = readFileSync(
      join(
        dir,
        execFileSync('ls', [dir], { encoding: 'utf8' })
          .split('\n')
          .find((f) => f.endsWith('.pgm'))!,
      ),
    );
    // P5 header: "P5\n<w> <h>\n255\n" then the pixels.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 50).toString('latin1'))!;
    return { width: Number(header[1]), height: Number(header[2]), pixels: file.subarray(header[0].length) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A few seconds of video (YUV4MPEG2, what Chromium's fake camera reads) showing `image` in the
 * middle of a grey frame: a badge held in front of the phone. Luma only; chroma neutral.
 */
export function y4mOf(image: { width: number; height: number; pixels: Buffer }, frames = 10): Buffer {
  const { width: W, height: H } = VIDEO;
  const luma = Buffer.alloc(W * H, 160);
  const left = Math.max(0, Math.floor((W - image.width) / 2));
  const top = Math.max(0, Math.floor((H - image.height) / 2));
  for (let y = 0; y < Math.min(H, image.height); y++) {
    image.pixels.copy(luma, (top + y) * W + left, y * image.width, y * image.width + Math.min(W, image.width));
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]);
}
