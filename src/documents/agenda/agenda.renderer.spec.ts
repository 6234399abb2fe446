import { decodeQrCodes, parsePdf } from '../../../test/support/pdf';
import { toBuffer } from '../pdf/pdf-document';
import { renderAgenda } from './agenda.renderer';
import { SAMPLE_AGENDA } from './agenda.sample';

const NNBSP = '\u202F';

describe('renderAgenda', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await toBuffer(renderAgenda(SAMPLE_AGENDA));
  });

  it('lists the person’s sessions day by day, in order, with rooms and the waitlisted workshop marked', async () => {
    const parsed = await parsePdf(pdf);
    expect(parsed.numPages).toBe(1);
    const text = parsed.text.replace(/ *\n */g, ' ');
    expect(text).toContain('Élodie Lefèvre');
    expect(text).toContain(`Association «${NNBSP}Solidarités Occitanie${NNBSP}»`);
    expect(text).toContain(`Plénière d’ouverture${NNBSP}: gouvernance, bilan et perspectives`);
    expect(text).toContain('Salle Joffre 1 — Avec Nadia Roux');
    expect(text).toContain('Place confirmée');
    expect(text).toContain('Sur liste d’attente (rang 3)');
    const order = ['Jeudi 11 mars 2027', 'Plénière d’ouverture', 'aide alimentaire', 'Vendredi 12 mars 2027', 'non-recours', 'Plénière de clôture', 'Informations pratiques'].map(
      (s) => text.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The waitlisted marker belongs to the waitlisted workshop, not to the confirmed one.
    expect(text.indexOf('Sur liste d’attente')).toBeGreaterThan(text.indexOf('non-recours'));
    expect(text).toContain(`Accueil${NNBSP}: à partir de 8 h 45${NNBSP}: présentez votre badge`);
    expect(parsed.info.Title).toBe('Mon programme — Rencontre régionale de la lutte contre la pauvreté 2027');
  });

  it('carries the badge’s QR code when the person comes on site, and none online', async () => {
    expect(decodeQrCodes(pdf)).toEqual([SAMPLE_AGENDA.checkInCode]);
    const online = await toBuffer(renderAgenda({ ...SAMPLE_AGENDA, checkInCode: null }));
    expect(decodeQrCodes(online)).toEqual([]);
  });

  it('runs onto more pages with page numbers when the programme is long', async () => {
    const day = SAMPLE_AGENDA.days[0];
    const many = { ...SAMPLE_AGENDA, days: Array.from({ length: 6 }, (_, i) => ({ ...day, label: `jour ${i + 1}`, items: [...day.items, ...day.items, ...day.items] })) };
    const parsed = await parsePdf(await toBuffer(renderAgenda(many)));
    expect(parsed.numPages).toBeGreaterThan(1);
    expect(parsed.pages[parsed.numPages - 1]).toContain(`page ${parsed.numPages} sur ${parsed.numPages}`);
  });
});
