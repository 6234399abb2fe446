import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { sharedFont } from './shared-font';

const DIR = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf');

type Subset = { includeGlyph(gid: number): number; encode(): Uint8Array };
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
  it.each(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'])('writes the same subset bytes as fontkit, composite glyphs (É, Ç, Ώ) included: %s', (file) => {
    const plain = parse(file);
    const shared = sharedFont(parse(file));
    for (const text of TEXTS) {
      // Twice: the second time from the kept glyphs.
      expect(subsetOf(shared, text).equals(subsetOf(plain, text))).toBe(true);
      expect(subsetOf(shared, text).equals(subsetOf(plain, text))).toBe(true);
    }
  });

  it('the subset it writes is a font fontkit reads back, with the same outlines', () => {
    const plain = parse('DejaVuSans.ttf');
    const shared = sharedFont(parse('DejaVuSans.ttf'));
    const text = 'Écuyer Ωμέγα Ольга';
    const subset = (shared as unknown as { createSubset(): Subset }).createSubset();
    const ids = (plain.layout(text) as Run).glyphs.map((g) => g.id);
    const mapped = ids.map((id) => subset.includeGlyph(id));
    const reread = fontkit.create(Buffer.from(subset.encode())) as unknown as { getGlyph(id: number): { path: { toSVG(): string }; advanceWidth: number } };
    const original = plain as unknown as typeof reread;
    ids.forEach((id, i) => {
      expect(reread.getGlyph(mapped[i]).path.toSVG()).toBe(original.getGlyph(id).path.toSVG());
      expect(reread.getGlyph(mapped[i]).advanceWidth).toBe(original.getGlyph(id).advanceWidth);
    });
  });

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
