declare module 'fontkit' {
  /** A parsed font; pdfkit accepts it wherever it accepts a font file (it has `layout`). */
  export interface Font {
    layout(text: string, features?: unknown): unknown;
    readonly characterSet: number[];
    glyphForCodePoint(codePoint: number): unknown;
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
}
