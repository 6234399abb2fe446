import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { sharedFont } from './shared-font';

const DIR = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf');

type Subset = { includeGlyph(gid: number): number; encode(): Uint8Array };
type Reread = {
  getGlyph(id: number): { path: { toSVG(): string }; advanceWidth: number; _decode(): { instructions?: number[] } | null };
  directory: { tables: Record<string, { length: number } | undefined> };
};
type Run = { glyphs: Array<{ id: number }>; positions: Array<Record<string, number>>; advanceWidth: number };

function parse(file: string): fontkit.Font {
  return fontkit.create(readFileSync(join(DIR, file)));
}

function subsetOf(font: fontkit.Font, text: string): Buffer {
  const subset = (font as unknown as { createSubset(): Subset }).createSubset();
  for (const glyph of (font.layout(text) as Run).glyphs) subset.includeGlyph(glyph.id);
  return Buffer.from(subset.encode());
}

const TEXTS = [
  'Élodie Lefèvre-Ançelin « Solidarités » : 9 h 30 – 17 h 00 ?',
  'Łukasz Øvergaard Σοφία Ольга Çelik Ângelo Œuvre',
  'ÉÈÊËÀÂÄÎÏÔÖÙÛÜŸÇéèêëàâäîïôöùûüÿç ABCDEFGHJKMNPQRSTVWXYZ0123456789',
  '',
];

describe('sharedFont', () => {
  it.each(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'])(
    'writes a subset fontkit reads back with the same outlines and widths, composite glyphs (É, Ç, Ώ) included, without hinting: %s',
    (file) => {
      const plain = parse(file);
      const original = plain as unknown as Reread;
      const shared = sharedFont(parse(file));
      for (const text of TEXTS) {
        // Twice: the second time from the kept glyphs.
        for (let round = 0; round < 2; round++) {
          const subset = (shared as unknown as { createSubset(): Subset }).createSubset();
          const ids = (plain.layout(text) as Run).glyphs.map((g) => g.id);
          const mapped = ids.map((id) => subset.includeGlyph(id));
          const bytes = Buffer.from(subset.encode());
          const reread = fontkit.create(bytes) as unknown as Reread;
          ids.forEach((id, i) => {
            const glyph = reread.getGlyph(mapped[i]);
            expect(glyph.path.toSVG()).toBe(original.getGlyph(id).path.toSVG());
            expect(glyph.advanceWidth).toBe(original.getGlyph(id).advanceWidth);
            expect(glyph._decode()?.instructions ?? []).toHaveLength(0);
          });
          // The hinting programs go with the glyphs' instructions that called them.
          for (const tag of ['fpgm', 'prep', 'cvt ']) expect(reread.directory.tables[tag]).toBeUndefined();
          if (text) expect(bytes.length).toBeLessThan(subsetOf(plain, text).length);
        }
      }
    },
  );

  it('answers each layout as fontkit does, in a copy the caller may scale without touching the kept one', () => {
    const plain = parse('DejaVuSans.ttf');
    const shared = sharedFont(parse('DejaVuSans.ttf'));
    for (const text of ['AVAL « Té »', 'Wolfgang ', 'AVAL « Té »']) {
      const expected = plain.layout(text) as Run;
      const first = shared.layout(text) as Run;
      expect(first.glyphs.map((g) => g.id)).toEqual(expected.glyphs.map((g) => g.id));
      expect(first.positions.map((p) => ({ ...p }))).toEqual(expected.positions.map((p) => ({ ...p })));
      expect(first.advanceWidth).toBe(expected.advanceWidth);
      // What pdfkit does to the run it gets.
      for (const position of first.positions) for (const key in position) position[key] *= 0.5;
      expect((shared.layout(text) as Run).advanceWidth).toBe(expected.advanceWidth);
    }
  });
});
