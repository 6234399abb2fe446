import { parsePdf } from '../../../test/support/pdf';
import { createPdf, SANS, SANS_BOLD, toBuffer } from './pdf-document';

async function render(text: string): Promise<string> {
  const doc = createPdf({ title: 'essai' });
  doc.font(SANS_BOLD).fontSize(14).text(text);
  doc.font(SANS).fontSize(10).text(text);
  doc.end();
  return (await parsePdf(await toBuffer(doc))).text;
}

describe('createPdf', () => {
  it('keeps text readable in every document although the parsed fonts are shared: É then E, Ω then Ο', async () => {
    // Writing a subset with É (a composite of E and an accent) once poisoned the shared font's E.
    expect(await render('Écuyer Œuvre Ωmega')).toContain('Écuyer Œuvre Ωmega');
    const later = await render('Eymard Oeuvre Ολγα Łukasz «\u202Fà\u202F»');
    expect(later).toContain('Eymard Oeuvre Ολγα Łukasz «\u202Fà\u202F»');
  });

  it('writes the metadata: title, author Rencontres, language fr-FR, tagged', async () => {
    const doc = createPdf({ title: 'Programme — Rencontre', createdAt: new Date('2027-01-01T00:00:00Z') });
    doc.text('x');
    doc.end();
    const pdf = await toBuffer(doc);
    const parsed = await parsePdf(pdf);
    expect(parsed.info).toMatchObject({ Title: 'Programme — Rencontre', Author: 'Rencontres', Creator: 'Rencontres' });
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (fr-FR)');
    expect(raw).toContain('/MarkInfo');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/DisplayDocTitle true');
  });
});
