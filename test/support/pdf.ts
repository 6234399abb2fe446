import type { Response as AgentResponse } from 'superagent';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ParsedPdf {
  numPages: number;
  /** Text of each page, in order. */
  pages: string[];
  text: string;
  info: Record<string, unknown>;
}

// The package's index runs a self-test when it is not required from a parent module: take its lib.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse: typeof import('pdf-parse') = require('pdf-parse/lib/pdf-parse.js');

/** A PDF read back by an independent parser (pdf.js, through pdf-parse): page by page, lines as drawn. */
export async function parsePdf(buffer: Buffer): Promise<ParsedPdf> {
  const pages: string[] = [];
  const result = await pdfParse(buffer, {
    pagerender: async (page: any) => {
      const content = await page.getTextContent({ normalizeWhitespace: false, disableCombineTextItems: false });
      let lastY: number | undefined;
      let text = '';
      for (const item of content.items as Array<{ str: string; transform: number[] }>) {
        if (lastY !== undefined && Math.abs(item.transform[5] - lastY) > 0.5) text += '\n';
        text += item.str;
        lastY = item.transform[5];
      }
      pages[page.pageIndex] = text;
      return text;
    },
  });
  return { numPages: result.numpages, pages, text: pages.join('\n'), info: result.info ?? {} };
}

function has(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;
}

/** pdftoppm (poppler-utils) and zbarimg (zbar-tools): installed on the fly when missing and running as root. */
export function ensureRasterTools(): void {
  if (has('pdftoppm') && has('zbarimg')) return;
  if (process.getuid?.() !== 0) throw new Error('pdftoppm and zbarimg are needed: apt-get install -y poppler-utils zbar-tools');
  execFileSync(
    'sh',
    ['-c', 'apt-get install -y poppler-utils zbar-tools >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y poppler-utils zbar-tools >/dev/null 2>&1)'],
    { stdio: 'ignore' },
  );
}

/** Renders one page to an image as a printer would and decodes the QR codes on it (zbarimg). */
export function decodeQrCodes(buffer: Buffer, page = 1, dpi = 200): string[] {
  ensureRasterTools();
  const dir = mkdtempSync(join(tmpdir(), 'rencontres-qr-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), buffer);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', String(page), '-l', String(page), join(dir, 'doc.pdf'), join(dir, 'page')]);
    const image = readdirSync(dir).find((f) => f.endsWith('.png'))!;
    const result = spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', join(dir, image)], { encoding: 'utf8' });
    return result.stdout.split('\n').filter(Boolean).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Word boxes on a page, in points from the top-left (pdftotext -bbox). */
export function wordBoxes(buffer: Buffer, page = 1): Array<{ word: string; xMin: number; yMin: number; xMax: number; yMax: number }> {
  ensureRasterTools();
  const dir = mkdtempSync(join(tmpdir(), 'rencontres-bbox-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), buffer);
    const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
    const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
    return words.map((m) => ({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], word: m[5] }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A supertest/superagent parser that keeps the body as bytes: `.buffer(true).parse(binary)`. */
export function binary(res: AgentResponse, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}
