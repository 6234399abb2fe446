import { parsePdf } from '../../../test/support/pdf';
import { toBuffer } from '../pdf/pdf-document';
import { renderProgramme } from './programme.renderer';
import { longProgramme, SAMPLE_PROGRAMME } from './programme.sample';

const NNBSP = '\u202F';
const flat = (s: string) => s.replace(/ *\n */g, ' ');

describe('renderProgramme', () => {
  it('has a cover, the days slot by slot with rooms, speakers, themes and actions, the actions presented and the colour key', async () => {
    const parsed = await parsePdf(await toBuffer(renderProgramme(SAMPLE_PROGRAMME)));
    const pages = parsed.pages.map(flat);
    expect(parsed.numPages).toBe(5);
    expect(pages[0]).toContain('RENCONTRE RÉGIONALE');
    expect(pages[0]).toContain('Rencontre régionale de la lutte contre la pauvreté 2027');
    expect(pages[0]).toContain('du jeudi 11 au vendredi 12 mars 2027');
    expect(pages[0]).toContain('Sur place et en ligne');
    expect(pages[0]).not.toContain('Sommaire');
    expect(pages[1]).toContain('Jeudi 11 mars 2027');
    expect(pages[1]).toContain(`Plénière d’ouverture${NNBSP}: gouvernance, bilan et perspectives`);
    expect(pages[1]).toContain('2 sessions en parallèle');
    expect(pages[1]).toContain(`Atelier${NNBSP}: le «${NNBSP}aller vers${NNBSP}» en milieu rural`);
    expect(pages[1]).toContain('SALLE JOFFRE 2');
    expect(pages[1]).toContain('Avec Nadia Roux (Banque alimentaire de l’Hérault)');
    expect(pages[1]).toContain(`Thèmes${NNBSP}: Pauvreté en milieu rural, Pratiques du travail social`);
    expect(pages[1]).toContain(`ceux qui ne demandent rien${NNBSP}?`);
    // The highlighted action is printed under its session.
    const workshop = pages[1].indexOf('aller vers');
    expect(pages[1].indexOf('Le bus des droits — Mutualité sociale agricole du Gers')).toBeGreaterThan(workshop);
    expect(pages[2]).toContain('Vendredi 12 mars 2027');
    expect(pages[3]).toContain('Actions remarquables');
    expect(pages[3]).toContain(`Territoire${NNBSP}: Gers (32), Lot (46)`);
    expect(pages[3]).toContain(`Contact${NNBSP}: Jeanne Laffitte`);
    expect(pages[4]).toContain('Code couleur des badges');
    expect(pages[4]).toContain('PERSONNE CONCERNÉE');
    expect(pages[4]).toContain('Services de l’État');
    expect(pages[1]).toContain('page 2 sur 5');
    expect(pages[4]).toContain('page 5 sur 5');
    expect(parsed.info.Title).toBe('Programme — Rencontre régionale de la lutte contre la pauvreté 2027');
  });

  it('adds a table of contents with the right page numbers when it runs long', async () => {
    const view = longProgramme(3, 8);
    const parsed = await parsePdf(await toBuffer(renderProgramme(view)));
    const pages = parsed.pages.map(flat);
    expect(parsed.numPages).toBeGreaterThan(5);
    expect(pages[1]).toContain('Sommaire');
    for (const label of ['Lundi 8 mars 2027', 'Mardi 9 mars 2027', 'Mercredi 10 mars 2027', 'Actions remarquables', 'Code couleur des badges']) {
      const match = new RegExp(`${label}\\s*(\\d+)`).exec(pages[1]);
      expect(match).not.toBeNull();
      const page = Number(match![1]);
      expect(pages[page - 1].startsWith(label) || pages[page - 1].includes(label)).toBe(true);
      expect(pages[page - 1]).toContain(`page ${page} sur ${parsed.numPages}`);
    }
  });

  it('says when the event is cancelled and when there is no programme yet', async () => {
    const parsed = await parsePdf(await toBuffer(renderProgramme({ ...SAMPLE_PROGRAMME, cancelled: true, days: [], actions: [] })));
    expect(parsed.text).toContain('Événement annulé');
    expect(parsed.text).toContain('Le programme détaillé sera publié prochainement.');
  });
});
