import type { Browser } from 'playwright-core';
import { startTestApp, TestApp } from '../support/test-app';
import { launchBrowser, listen, newContext } from './browser';
import { signInThroughPage, submit } from './backoffice-support';

jest.setTimeout(180_000);

describe('back office in a browser: build an event and its programme, publish it', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp();
    base = await listen(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in, creates an event, adds rooms, a speaker and sessions, meets a room clash inline, fixes it, publishes; the public page shows the programme', async () => {
    const { context, page, problems } = await newContext(browser, base, { javaScriptEnabled: false });
    try {
      await page.goto('/gestion');
      expect(page.url()).toMatch(/\/gestion\/connexion$/);
      await signInThroughPage(page);
      expect(new URL(page.url()).pathname).toBe('/gestion');
      expect((await page.locator('h1').innerText()).trim()).toBe('Événements');

      await page.getByRole('link', { name: 'Créer un événement' }).click();
      await page.locator('#title').fill('Journée d’étude : le non-recours aux droits');
      await page.locator('#kind').selectOption('study_day');
      await page.locator('label', { hasText: 'Sur place' }).first().click();
      await page.locator('#startsAt').fill('2027-03-11T09:00');
      await page.locator('#endsAt').fill('2027-03-11T17:00');
      await page.locator('#venueName').fill('Hôtel de région');
      await page.locator('#venueAddress').fill('201 avenue de la Pompignane');
      await page.locator('#venuePostalCode').fill('34000');
      await page.locator('#venueCity').fill('Montpellier');
      await page.locator('#capacity').fill('120');
      await submit(page, 'Créer l’événement (brouillon)');
      expect(await page.locator('.fr-alert--success').innerText()).toContain('L’événement est créé, en brouillon');

      await page.getByRole('link', { name: 'Programme' }).click();
      for (const [name, capacity] of [
        ['Salle Pasteur', '80'],
        ['Salle Joffre', '40'],
      ]) {
        await page.locator('#room-name').fill(name);
        await page.locator('#room-capacity').fill(capacity);
        await submit(page, 'Ajouter la salle');
      }
      await page.locator('#speaker-fullName').fill('Claire Fabre');
      await page.locator('#speaker-jobTitle').fill('Commissaire à la lutte contre la pauvreté');
      await submit(page, 'Ajouter l’intervenant');

      const addSession = async (title: string, type: string, start: string, end: string, room: string) => {
        await page.locator('#session-title').fill(title);
        await page.locator('#session-type').selectOption(type);
        await page.locator('#session-start').fill(start);
        await page.locator('#session-end').fill(end);
        await page.locator('#session-roomId').selectOption({ label: room });
      };
      await addSession('Ouverture de la journée', 'plenary', '09:00', '10:00', 'Salle Pasteur');
      await page.locator('label', { hasText: 'Claire Fabre' }).click();
      await submit(page, 'Ajouter la session');
      expect((await page.locator('[role=status]').innerText()).trim()).toBe('La session est ajoutée au programme.');

      await addSession('Atelier : aller vers les publics isolés', 'workshop', '09:30', '11:00', 'Salle Pasteur');
      await submit(page, 'Ajouter la session');
      // The clash, beside the room field and in the summary, naming the other session; what was typed stays.
      expect((await page.locator('#session-roomId-error').innerText()).trim()).toBe('Salle déjà occupée par « Ouverture de la journée » (jeudi 11 mars 2027, 9 h 00 – 10 h 00).');
      expect(await page.locator('#erreurs').innerText()).toContain('Salle déjà occupée par « Ouverture de la journée »');
      expect(await page.locator('#session-title').inputValue()).toBe('Atelier : aller vers les publics isolés');
      expect(await page.title()).toMatch(/^Erreur — Programme/);

      await page.locator('#session-roomId').selectOption({ label: 'Salle Joffre' });
      await submit(page, 'Ajouter la session');
      expect((await page.locator('[role=status]').innerText()).trim()).toBe('La session est ajoutée au programme.');
      const grid = page.locator('table', { has: page.locator('caption', { hasText: 'jeudi 11 mars 2027' }) });
      const headers = (await grid.locator('thead th').allInnerTexts()).map((h) => h.split('\n')[0].trim());
      expect(headers).toEqual(['Horaire', 'Salle Joffre', 'Salle Pasteur']); // rooms in the API's order (by name)
      expect((await grid.locator('tbody tr').first().locator('th').innerText()).trim()).toBe('9 h 00 – 9 h 30');

      await page.getByRole('link', { name: 'Vue d’ensemble' }).click();
      await page.getByRole('link', { name: 'Publier…' }).click();
      await submit(page, 'Confirmer la publication');
      expect(await page.locator('.fr-alert--success').innerText()).toContain('L’événement est publié');

      await page.getByRole('link', { name: 'Voir la page publique' }).click();
      expect(await page.locator('main').innerText()).toContain('Ouverture de la journée');
      expect(await page.locator('main').innerText()).toContain('Atelier : aller vers les publics isolés');
      expect(await page.locator('main').innerText()).toContain('Claire Fabre');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses a form with its token removed or taken from another session, and sends a signed-out visitor to the sign-in page', async () => {
    const other = await newContext(browser, base);
    const { context, page } = await newContext(browser, base);
    try {
      await signInThroughPage(other.page);
      const foreign = await other.page.locator('input[name=_csrf]').first().inputValue();
      await signInThroughPage(page);

      await page.goto('/gestion/organisateurs');
      await page.locator('#name').fill('Jeanne Martin');
      await page.locator('#email').fill('jeanne.martin@occitanie.test');
      await page.locator('form[action="/gestion/organisateurs"] input[name=_csrf]').evaluate((input: { remove(): void }) => input.remove());
      await submit(page, 'Envoyer l’invitation');
      expect((await page.locator('h1').innerText()).trim()).toBe('Formulaire expiré');

      await page.goto('/gestion/organisateurs');
      await page.locator('#name').fill('Jeanne Martin');
      await page.locator('#email').fill('jeanne.martin@occitanie.test');
      await page.locator('form[action="/gestion/organisateurs"] input[name=_csrf]').evaluate((input: { value: string }, value: string) => (input.value = value), foreign);
      await submit(page, 'Envoyer l’invitation');
      expect((await page.locator('h1').innerText()).trim()).toBe('Formulaire expiré');
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM organiser WHERE email = 'jeanne.martin@occitanie.test'`))[0].n).toBe(0);

      // Signing out ends the session: the back office is closed to this browser again.
      await page.goto('/gestion');
      await submit(page, 'Se déconnecter');
      expect((await page.locator('.fr-alert--success').innerText()).trim()).toBe('Vous êtes déconnecté.');
      await page.goto('/gestion/organisateurs');
      expect(new URL(page.url()).pathname).toBe('/gestion/connexion');
      expect(new URL(page.url()).searchParams.get('suite')).toBe('/gestion/organisateurs');
      expect((await page.locator('h1').innerText()).trim()).toBe('Connexion à la gestion');
    } finally {
      await context.close();
      await other.context.close();
    }
  });
});
