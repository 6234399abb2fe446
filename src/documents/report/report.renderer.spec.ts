import { parsePdf } from '../../../test/support/pdf';
import { toBuffer } from '../pdf/pdf-document';
import { renderReport } from './report.renderer';
import { longReport, SAMPLE_REPORT } from './report.sample';

describe('renderReport', () => {
  it('writes the key figures and every bar’s label with its figure', async () => {
    const parsed = await parsePdf(await toBuffer(renderReport(SAMPLE_REPORT)));
    const text = parsed.text;
    expect(text).toContain('Bilan de l’événement');
    expect(text).toContain('Rencontre régionale de la lutte contre la pauvreté 2027');
    expect(text).toMatch(/Taux de présence\s*83,3 %/);
    for (const chart of SAMPLE_REPORT.charts) {
      expect(text).toContain(chart.title);
      for (const bar of chart.bars) expect(text).toContain(bar.text);
    }
    expect(text).toContain('Hérault (34)');
    expect(parsed.info.Title).toBe('Bilan — Rencontre régionale de la lutte contre la pauvreté 2027');
  });

  it('runs a long chart over pages, its title repeated, every page numbered', async () => {
    const parsed = await parsePdf(await toBuffer(renderReport(longReport(90))));
    expect(parsed.numPages).toBeGreaterThanOrEqual(3);
    expect(parsed.text).toContain('Ateliers (suite)');
    parsed.pages.forEach((page, i) => expect(page).toContain(`page ${i + 1} sur ${parsed.numPages}`));
    for (const n of [1, 45, 90]) expect(parsed.text).toContain(`Atelier n° ${n}`);
  });
});
