import type * as fontkit from 'fontkit';

/** Texts whose layout is kept per font; beyond it the memory is dropped and starts again. */
const KEPT_LAYOUTS = 20_000;

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface GlyphRun {
  glyphs: Array<{ id: number; advanceWidth: number }>;
  positions: Position[];
}

interface GlyphEntry {
  /** The glyph's bytes in the font's `glyf` table (read-only: copied when it must change). */
  bytes: Uint8Array;
  /** A composite glyph's parts: their ids and where each id sits in `bytes`. */
  parts: Array<{ glyphID: number; pos: number }> | null;
  advance: number;
  bearing: number;
}

/** fontkit's TrueType subset, as far as this file uses it (fontkit 2.0.4's `TTFSubset`). */
interface TrueTypeSubset {
  font: FontInternals;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
  glyphs: number[];
  includeGlyph(glyph: number): number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

interface FontInternals extends fontkit.Font {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  createSubset(): TrueTypeSubset;
  getGlyph(gid: number): {
    advanceWidth: number;
    _decode(): { numberOfContours: number; components?: Array<{ glyphID: number; pos: number }> } | null;
    _getMetrics(): { leftBearing: number };
  };
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  _variationProcessor?: unknown;
}

/**
 * A parsed TrueType font shared by every document of the process, made cheap for the many small
 * documents of the emails. Two things pdfkit redoes for every document are done once per font:
 *  - shaping: the layout of a word (OpenType substitutions and kerning) is kept by its text, and
 *    each document gets its own copy of the positions (pdfkit scales them in place);
 *  - subsetting: each glyph's outline bytes, parts and metrics are read once, instead of decoding
 *    every glyph's outline again when each document writes its subset.
 * The subset is fontkit's without the glyphs' hinting instructions (withoutInstructions, below): the same
 * outlines and widths, a unit test reads them back.
 */
export function sharedFont(parsed: fontkit.Font): fontkit.Font {
  const font = parsed as FontInternals;
  const layouts = new Map<string, GlyphRun>();
  const glyphs = new Map<number, GlyphEntry>();
  const prototype = Object.getPrototypeOf(font.createSubset()) as { constructor: new (font: FontInternals) => TrueTypeSubset };
  const Subset = prototype.constructor;

  const tables = font._variationProcessor ? null : rawTables(font);

  class KeptGlyphSubset extends Subset {
    /** fontkit's TrueType subset, written directly from the font's own table bytes (fontkit re-encodes each table field by field). */
    encode(): Uint8Array {
      if (!tables) return super.encode();
      this.glyf = [];
      this.offset = 0;
      this.loca = { offsets: [] };
      this.hmtx = { metrics: [] };
      for (let i = 0; i < this.glyphs.length; i++) this._addGlyph(this.glyphs[i]);
      this.loca.offsets.push(this.offset);
      return writeSubset(tables, this.glyf, this.loca.offsets, this.hmtx.metrics);
    }

    _addGlyph(gid: number): number {
      if (font._variationProcessor) return super._addGlyph(gid);
      const entry = glyphs.get(gid) ?? readGlyph(font, gid, glyphs);
      let bytes = entry.bytes;
      if (entry.parts) {
        bytes = new Uint8Array(entry.bytes);
        const view = new DataView(bytes.buffer);
        for (const part of entry.parts) view.setUint16(part.pos, this.includeGlyph(part.glyphID));
      }
      this.glyf.push(bytes);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: entry.advance, bearing: entry.bearing });
      this.offset += bytes.length;
      return this.glyf.length - 1;
    }
  }

  const layout = (text: string, features?: unknown): GlyphRun => {
    if (features !== undefined) return font.layout(text, features) as GlyphRun;
    let run = layouts.get(text);
    if (!run) {
      const fresh = font.layout(text) as GlyphRun;
      run = { glyphs: fresh.glyphs, positions: fresh.positions.map(copyPosition) };
      if (layouts.size >= KEPT_LAYOUTS) layouts.clear();
      layouts.set(text, run);
    }
    return ownCopy(run);
  };

  return new Proxy(font, {
    get(target, key, receiver) {
      if (key === 'layout') return layout;
      if (key === 'createSubset') return () => new KeptGlyphSubset(target);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/**
 * The tables a PDF's TrueType subset carries, in the order fontkit writes them. Not the hinting
 * programs (`cvt `, `prep`, `fpgm`, a third of a small subset): only the glyphs' own instructions
 * call them, and those are cut (withoutInstructions). ISO 32000 (9.9) asks for them only "if
 * required by the font instructions".
 */
const SUBSET_TABLES = ['head', 'hhea', 'loca', 'maxp', 'glyf', 'hmtx'] as const;

interface RawTables {
  present: string[];
  bytes: Map<string, Uint8Array>;
  longOffsets: boolean;
}

function rawTables(font: FontInternals): RawTables {
  const bytes = new Map<string, Uint8Array>();
  for (const tag of ['head', 'hhea', 'maxp']) {
    const entry = font.directory.tables[tag];
    if (!entry) continue;
    const stream = font._getTableStream(tag);
    bytes.set(tag, Uint8Array.from(stream.readBuffer(entry.length)));
  }
  const present = SUBSET_TABLES.filter((tag) => bytes.has(tag) || tag === 'loca' || tag === 'glyf' || tag === 'hmtx');
  const longOffsets = new DataView(bytes.get('head')!.buffer).getInt16(50) === 1;
  return { present, bytes, longOffsets };
}

/**
 * The sfnt file fontkit writes for a subset: tag `true`, table records with zero checksums, the
 * tables back to back in SUBSET_TABLES order; head, hhea and maxp as in the font with the glyph
 * counts of the subset.
 */
function writeSubset(raw: RawTables, glyf: Uint8Array[], offsets: number[], metrics: Array<{ advance: number; bearing: number }>): Uint8Array {
  const body = new Map<string, Uint8Array>();
  for (const [tag, bytes] of raw.bytes) body.set(tag, bytes);
  const hhea = Uint8Array.from(raw.bytes.get('hhea')!);
  new DataView(hhea.buffer).setUint16(34, metrics.length);
  body.set('hhea', hhea);
  const maxp = Uint8Array.from(raw.bytes.get('maxp')!);
  new DataView(maxp.buffer).setUint16(4, glyf.length);
  body.set('maxp', maxp);
  const loca = new Uint8Array(offsets.length * (raw.longOffsets ? 4 : 2));
  const locaView = new DataView(loca.buffer);
  offsets.forEach((offset, i) => (raw.longOffsets ? locaView.setUint32(i * 4, offset) : locaView.setUint16(i * 2, offset >>> 1)));
  body.set('loca', loca);
  const hmtx = new Uint8Array(metrics.length * 4);
  const hmtxView = new DataView(hmtx.buffer);
  metrics.forEach(({ advance, bearing }, i) => {
    hmtxView.setUint16(i * 4, advance);
    hmtxView.setInt16(i * 4 + 2, bearing);
  });
  body.set('hmtx', hmtx);
  const glyfLength = glyf.reduce((n, g) => n + g.length, 0);
  const count = raw.present.length;
  const length = (tag: string) => (tag === 'glyf' ? glyfLength : body.get(tag)!.length);
  const out = new Uint8Array(12 + 16 * count + raw.present.reduce((n, tag) => n + length(tag), 0));
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  view.setUint32(0, 0x74727565); // 'true'
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, count * 16 - power * 16);
  let offset = 12 + 16 * count;
  raw.present.forEach((tag, i) => {
    const record = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[record + c] = tag.charCodeAt(c);
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, length(tag));
    if (tag === 'glyf') {
      for (const g of glyf) {
        out.set(g, offset);
        offset += g.length;
      }
    } else {
      out.set(body.get(tag)!, offset);
      offset += length(tag);
    }
  });
  return out;
}

function readGlyph(font: FontInternals, gid: number, glyphs: Map<number, GlyphEntry>): GlyphEntry {
  const glyph = font.getGlyph(gid);
  const glyf = glyph._decode();
  const start = font.loca.offsets[gid];
  const stream = font._getTableStream('glyf');
  stream.pos += start;
  const raw = stream.readBuffer(font.loca.offsets[gid + 1] - start);
  const bytes = glyf ? withoutInstructions(raw, glyf.numberOfContours) : raw;
  const parts = glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map(({ glyphID, pos }) => ({ glyphID, pos })) : null;
  const entry = { bytes, parts, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
  glyphs.set(gid, entry);
  return entry;
}

/** Composite glyph flags (OpenType `glyf`): what follows a component, and whether instructions end the list. */
const ARGS_ARE_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_TWO_BY_TWO = 0x0080;
const HAS_INSTRUCTIONS = 0x0100;

/**
 * A glyph's bytes without its hinting instructions (half of DejaVu's outline bytes). They only
 * snap outlines to a coarse pixel grid, which PDF readers and printers do not ask for (poppler,
 * pdf.js, PDFium and Acrobat draw TrueType outlines unhinted), so the subset every document embeds
 * and compresses is that much smaller, and the font's hinting programs go with them (SUBSET_TABLES).
 * A new array: the font's bytes are not touched.
 */
function withoutInstructions(raw: Uint8Array, numberOfContours: number): Uint8Array {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (numberOfContours >= 0) {
    const at = 10 + 2 * numberOfContours;
    const length = view.getUint16(at);
    const out = new Uint8Array(evenLength(raw.length - length));
    out.set(raw.subarray(0, at));
    out.set(raw.subarray(at + 2 + length), at + 2);
    return out;
  }
  // A composite: its components, then (when the last one says so) instructions, which are cut.
  let at = 10;
  let flagsAt: number;
  let flags: number;
  do {
    flagsAt = at;
    flags = view.getUint16(at);
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2);
    at += flags & HAS_SCALE ? 2 : flags & HAS_XY_SCALE ? 4 : flags & HAS_TWO_BY_TWO ? 8 : 0;
  } while (flags & MORE_COMPONENTS);
  const out = new Uint8Array(evenLength(at));
  out.set(raw.subarray(0, at));
  new DataView(out.buffer).setUint16(flagsAt, flags & ~HAS_INSTRUCTIONS);
  return out;
}

/** `loca` offsets of the short format count in words: every glyph keeps an even length. */
function evenLength(length: number): number {
  return length + (length & 1);
}

function copyPosition(p: Position): Position {
  return { xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
}

/** What pdfkit reads of a run: the glyphs, positions it may scale in place, and the advance width. */
function ownCopy(run: GlyphRun): GlyphRun & { advanceWidth: number } {
  const positions = run.positions.map(copyPosition);
  let width: number | undefined;
  return {
    glyphs: run.glyphs,
    positions,
    // pdfkit scales the positions as soon as it gets them, then reads the width many times.
    get advanceWidth() {
      if (width === undefined) {
        width = 0;
        for (const p of positions) width += p.xAdvance;
      }
      return width;
    },
  };
}
