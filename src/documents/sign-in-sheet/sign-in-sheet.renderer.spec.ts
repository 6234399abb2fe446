import { parsePdf } from '../../../test/support/pdf';
import { toBuffer } from '../pdf/pdf-document';
import { renderSignInSheets } from './sign-in-sheet.renderer';
import { SAMPLE_DAY_SHEET, SAMPLE_SESSION_SHEET, samplePeople } from './sign-in-sheet.sample';

const NNBSP = '\u202F';

describe('renderSignInSheets', () => {
  it('lists a session’s people in the order given, with an empty signature column and the count at the end', async () => {
    const parsed = await parsePdf(await toBuffer(renderSignInSheets([SAMPLE_SESSION_SHEET], { title: 'Feuille d’émargement' })));
    expect(parsed.numPages).toBe(1);
    const text = parsed.text;
    expect(text).toContain(`Feuille d’émargement — Atelier${NNBSP}: aide alimentaire, circuits courts`);
    expect(text).toContain('Signature');
    const names = SAMPLE_SESSION_SHEET.people.map((p) => text.indexOf(p.lastName));
    expect(names.every((i) => i >= 0)).toBe(true);
    expect([...names].sort((a, b) => a - b)).toEqual(names);
    expect(text).toContain(`Association «${NNBSP}La Cloche${NNBSP}»${NNBSP}:`);
    expect(text).toContain(`Nombre de personnes inscrites${NNBSP}: 5`);
    expect(parsed.info.Author).toBe('Rencontres');
  });

  it('shows the welcome desk’s column only when someone on the sheet has a need for it', async () => {
    const withNeeds = (await parsePdf(await toBuffer(renderSignInSheets([SAMPLE_SESSION_SHEET], { title: 'Feuille' })))).text;
    expect(withNeeds).toMatch(/Organisation\s*Accueil\s*Signature/);
    expect(withNeeds.replace(/\s+/g, ' ')).toContain('Fauteuil · Accompagnant');
    const without = { ...SAMPLE_SESSION_SHEET, people: SAMPLE_SESSION_SHEET.people.map((p) => ({ ...p, needs: [] })) };
    const text = (await parsePdf(await toBuffer(renderSignInSheets([without], { title: 'Feuille' })))).text;
    expect(text).toMatch(/Organisation\s*Signature/);
    expect(text).not.toContain('Accueil');
  });

  it('repeats the event, the title and the column headers on every page of a long day sheet', async () => {
    const people = samplePeople(120);
    const parsed = await parsePdf(await toBuffer(renderSignInSheets([{ ...SAMPLE_DAY_SHEET, people }], { title: 'Feuilles' })));
    expect(parsed.numPages).toBeGreaterThanOrEqual(5);
    parsed.pages.forEach((page, i) => {
      expect(page).toContain('Rencontre régionale de la lutte contre la pauvreté 2027');
      expect(page).toContain('Feuille d’émargement — Journée du jeudi 11 mars 2027');
      expect(page).toMatch(/N°\s*Nom\s*Prénom\s*Organisation\s*Matin\s*Après-midi/);
      expect(page).toContain(`page ${i + 1} sur ${parsed.numPages}`);
    });
    const all = parsed.text;
    expect(all).toContain(`Nombre de personnes inscrites${NNBSP}: 120`);
    expect(parsed.pages[parsed.numPages - 1]).toContain('Nombre de personnes inscrites');
    // Everyone once, in order.
    const positions = people.map((p) => all.indexOf(`${p.lastName}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('starts each sheet on its own page and numbers pages within each sheet', async () => {
    const parsed = await parsePdf(await toBuffer(renderSignInSheets([SAMPLE_SESSION_SHEET, { ...SAMPLE_SESSION_SHEET, title: 'Plénière de clôture' }], { title: 'Feuilles' })));
    expect(parsed.numPages).toBe(2);
    expect(parsed.pages[0]).toContain('page 1 sur 1');
    expect(parsed.pages[1]).toContain('Feuille d’émargement — Plénière de clôture');
    expect(parsed.pages[1]).toContain('page 1 sur 1');
  });
});
