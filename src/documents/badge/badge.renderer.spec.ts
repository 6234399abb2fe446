import { decodeQrCodes, parsePdf, wordBoxes } from '../../../test/support/pdf';
import { toBuffer } from '../pdf/pdf-document';
import { fitText } from '../pdf/fit-text';
import { createPdf, SANS_BOLD } from '../pdf/pdf-document';
import { groupedCode } from './badge.drawing';
import { renderBadge, renderBadgeSheet } from './badge.renderer';
import { SAMPLE_BADGE, SAMPLE_LONG_BADGE, sampleBadges } from './badge.sample';
import { BADGE_HEIGHT, BADGE_WIDTH } from './badge.view';

const NNBSP = '\u202F';

describe('renderBadge', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await toBuffer(renderBadge(SAMPLE_BADGE));
  });

  it('is one page of 95 × 69 mm carrying the person, the event and the type in words, with French typography', async () => {
    const parsed = await parsePdf(pdf);
    expect(parsed.numPages).toBe(1);
    const text = parsed.text.replace(/ *\n */g, ' ');
    expect(text).toContain('Élodie');
    expect(text).toContain('Lefèvre-Ançelin');
    expect(text).toContain(`Association «${NNBSP}Solidarités Occitanie${NNBSP}»${NNBSP}: épicerie sociale`);
    expect(text).toContain('Rencontre régionale de la stratégie de');
    expect(text).toContain('du jeudi 11 au vendredi 12 mars 2027 · Montpellier');
    expect(text).toContain('ASSOCIATION');
    expect(text).toContain('Sur place');
    expect(text).toContain(groupedCode(SAMPLE_BADGE.checkInCode));
    const size = pdf.toString('latin1').match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/)!;
    expect(Number(size[1])).toBeCloseTo(BADGE_WIDTH, 1);
    expect(Number(size[2])).toBeCloseTo(BADGE_HEIGHT, 1);
  });

  it('carries its metadata: title, author Rencontres, language fr-FR, an embedded font', async () => {
    const parsed = await parsePdf(pdf);
    expect(parsed.info.Author).toBe('Rencontres');
    expect(parsed.info.Title).toBe('Badge — Élodie Lefèvre-Ançelin — Rencontre régionale de la stratégie de prévention et de lutte contre la pauvreté');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (fr-FR)');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('prints a QR code that decodes, from a rendered page, to the check-in code and nothing else', () => {
    expect(decodeQrCodes(pdf)).toEqual([SAMPLE_BADGE.checkInCode]);
  });

  it('says nothing of the attendance mode when the event is not hybrid', async () => {
    const parsed = await parsePdf(await toBuffer(renderBadge({ ...SAMPLE_BADGE, attendanceMode: null })));
    expect(parsed.text).not.toContain('Sur place');
  });

  it('keeps a 60-character name, whole, inside the badge', async () => {
    expect(SAMPLE_LONG_BADGE.lastName).toHaveLength(60);
    const long = await toBuffer(renderBadge(SAMPLE_LONG_BADGE));
    const words = wordBoxes(long);
    expect(words.length).toBeGreaterThan(10);
    for (const w of words) {
      expect(w.xMin).toBeGreaterThanOrEqual(0);
      expect(w.xMax).toBeLessThanOrEqual(BADGE_WIDTH);
      expect(w.yMax).toBeLessThanOrEqual(BADGE_HEIGHT);
    }
    const text = (await parsePdf(long)).text.replace(/-\n/g, '-').replace(/\n/g, ' ');
    expect(text).toContain(SAMPLE_LONG_BADGE.lastName);
    expect(text).toContain('Marie-Françoise-Bernadette-Geneviève');
    expect(decodeQrCodes(long)).toEqual([SAMPLE_LONG_BADGE.checkInCode]);
  });
});

describe('fitText', () => {
  const doc = createPdf({ title: 'mesure' });
  it('shrinks a name to one line when it can, wraps at hyphens when it cannot, and never exceeds the width', () => {
    expect(fitText(doc, 'Zoé', { font: SANS_BOLD, maxSize: 22, minSize: 11, width: 150, maxLines: 2 })).toMatchObject({ size: 22, lines: ['Zoé'] });
    const shrunk = fitText(doc, 'Jean-Baptiste', { font: SANS_BOLD, maxSize: 22, minSize: 11, width: 150, maxLines: 2 });
    expect(shrunk.lines).toEqual(['Jean-Baptiste']);
    expect(shrunk.size).toBeLessThan(22);
    const wrapped = fitText(doc, SAMPLE_LONG_BADGE.lastName, { font: SANS_BOLD, maxSize: 14, minSize: 8, width: 150, maxLines: 3 });
    expect(wrapped.lines.length).toBeLessThanOrEqual(3);
    expect(wrapped.lines.every((l) => doc.font(SANS_BOLD).fontSize(wrapped.size).widthOfString(l) <= 150)).toBe(true);
    const cut = fitText(doc, 'x'.repeat(300), { font: SANS_BOLD, maxSize: 14, minSize: 8, width: 150, maxLines: 2 });
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1].endsWith('…')).toBe(true);
  });
});

describe('renderBadgeSheet', () => {
  it('puts eight badges on each A4 page, in the order given, streamed from an async sequence', async () => {
    const badges = sampleBadges(19);
    async function* cursor() {
      for (const b of badges) yield b;
    }
    const pdf = await toBuffer(renderBadgeSheet(cursor(), { title: 'Badges — test' }));
    const parsed = await parsePdf(pdf);
    expect(parsed.numPages).toBe(3);
    expect(parsed.pages[2]).toContain(badges[16].lastName);
    expect(parsed.pages[2]).toContain(badges[18].lastName);
    expect(parsed.pages[0]).not.toContain(badges[8].lastName);
    expect(pdf.toString('latin1').match(/\/MediaBox \[0 0 595\.28 841\.89\]/g)).toHaveLength(3);
    expect(decodeQrCodes(pdf, 1, 300)).toEqual(
      badges
        .slice(0, 8)
        .map((b) => b.checkInCode)
        .sort(),
    );
  });

  it('renders 2,000 badges as 250 pages', async () => {
    const pdf = await toBuffer(renderBadgeSheet(sampleBadges(2000), { title: 'Badges' }));
    const parsed = await parsePdf(pdf);
    expect(parsed.numPages).toBe(250);
  });

  it('says so on a single page when there is nobody to print', async () => {
    const parsed = await parsePdf(await toBuffer(renderBadgeSheet([], { title: 'Badges' })));
    expect(parsed.numPages).toBe(1);
    expect(parsed.text).toContain('Aucun badge à imprimer.');
  });

  it('fails the stream, not the process, when the sequence fails', async () => {
    async function* failing() {
      yield SAMPLE_BADGE;
      throw new Error('cursor lost');
    }
    await expect(toBuffer(renderBadgeSheet(failing(), { title: 'Badges' }))).rejects.toThrow('cursor lost');
  });
});
