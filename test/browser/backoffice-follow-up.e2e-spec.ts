import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { recipientOf } from '../support/mail-sink';
import { register } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { signInPage } from './backoffice-signed-in';
import { DESKTOP, launchBrowser, listen, newContext, PHONE, SCREENSHOTS, screenshotPath } from './browser';
import { Conference, createConference } from './fixtures';

/** `npm run screenshots` refreshes docs/screenshots/ (and the axe results); `npm test` only checks. */
const SAVE = process.env.SCREENSHOTS === '1';

jest.setTimeout(180_000);

const go = (page: Page, click: () => Promise<void>) => Promise.all([page.waitForNavigation(), click()]);
const choose = (page: Page, label: string) => page.locator('label', { hasText: label }).first().click();

describe('back office: following an event in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let conference: Conference;
  let waiting: { email: string; id: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ mail: true });
    base = await listen(t);
    conference = await createConference(t, { capacity: 1, title: 'Rencontre départementale du Gard' });
    await register(t, conference.event.id, {
      firstName: 'Ana',
      lastName: 'Lopez',
      email: 'ana.lopez@ccas-nimes.fr',
      sessionIds: [conference.workshops.a1.id],
      dietaryRequirements: 'Végétarien',
    }).expect(201);
    const w = await register(t, conference.event.id, { firstName: 'Bruno', lastName: 'Sala', email: 'bruno.sala@secours.fr' }).expect(201);
    waiting = { email: 'bruno.sala@secours.fr', id: w.body.id };
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a registration made on the public form appears in the table; cancelling it on the person’s behalf promotes the first on the waiting list, and both are emailed', async () => {
    const visitor = await newContext(browser, base);
    await visitor.page.goto(`/evenements/${conference.event.slug}/inscription`);
    await visitor.page.getByLabel('Prénom').fill('Camille');
    await visitor.page.locator('#lastName').fill('Durand');
    await visitor.page.locator('#email').fill('camille.durand@caf30.fr');
    await visitor.page.locator('#organisation').fill('CAF du Gard');
    await visitor.page.getByLabel('Type d’organisation').selectOption('service_public');
    await visitor.page.locator('#department').selectOption('30');
    await choose(visitor.page, 'J’accepte que mes données soient utilisées');
    await go(visitor.page, () => visitor.page.getByRole('button', { name: 'M’inscrire' }).click());
    await visitor.context.close();
    // Capacity 1: Ana is confirmed, Bruno waits (1st), Camille came through the form and waits (2nd).
    const { page, context, problems } = await newContext(browser, base);
    await signInPage(page, `/gestion/evenements/${conference.event.id}/inscriptions`);
    const table = page.locator('#inscriptions');
    await expect(table.innerText()).resolves.toContain('DURAND Camille');
    expect(await table.locator('tr', { hasText: 'DURAND Camille' }).innerText()).toContain('CAF du Gard');
    if (SAVE) await page.screenshot({ path: screenshotPath('gestion-inscriptions-ordinateur'), fullPage: true });

    // Ana holds a seat; Bruno is first on the waiting list.
    expect(await table.locator('tr', { hasText: 'SALA Bruno' }).innerText()).toMatch(/LISTE D’ATTENTE — RANG 1/i);
    await go(page, () => page.getByRole('link', { name: 'LOPEZ Ana' }).click());
    if (SAVE) await page.screenshot({ path: screenshotPath('gestion-inscription-ordinateur'), fullPage: true });
    await go(page, () => page.getByRole('link', { name: 'Annuler cette inscription' }).click());
    expect(await page.locator('h1').innerText()).toBe('Annuler l’inscription de LOPEZ Ana ?');
    await go(page, () => page.getByRole('button', { name: 'Confirmer l’annulation' }).click());
    expect(await page.locator('main').innerText()).toContain('L’inscription est annulée');

    const [cancelled] = await t.mail.waitFor(1, (m) => recipientOf(m) === 'ana.lopez@ccas-nimes.fr' && /annul/i.test(m.subject ?? ''));
    const [promoted] = await t.mail.waitFor(1, (m) => recipientOf(m) === waiting.email && !/attente/i.test(m.subject ?? ''));
    expect(cancelled).toBeDefined();
    expect(promoted.subject).toMatch(/place|confirm/i);
    await page.goto(`/gestion/evenements/${conference.event.id}/inscriptions?status=confirmed`);
    expect(await page.locator('#inscriptions').innerText()).toContain('SALA Bruno');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a broadcast reaches the chosen audience only', async () => {
    const { page, context } = await newContext(browser, base);
    await signInPage(page, `/gestion/evenements/${conference.event.id}/messages/nouveau`);
    await choose(page, 'Les personnes en liste d’attente');
    await page.getByLabel('Objet').fill('Des places vont se libérer');
    await page.getByLabel('Message').fill('Bonjour,\n\nNous vous tiendrons informés dès qu’une place se libère.');
    await go(page, () => page.getByRole('button', { name: 'Voir l’aperçu' }).click());
    const audience = await page.locator('#audience-apercu').innerText();
    const waitlisted = (await t.http.get(`/api/events/${conference.event.id}/registrations?status=waitlisted`).set(await t.auth())).body.items.map((r: any) => r.email);
    expect(audience).toContain(`${waitlisted.length} personne`);
    if (SAVE) await page.screenshot({ path: screenshotPath('gestion-message-apercu-ordinateur'), fullPage: true });
    await go(page, () => page.getByRole('button', { name: /^Envoyer à/ }).click());
    expect(await page.locator('main').innerText()).toContain('en file d’envoi');
    const mails = await t.mail.waitFor(waitlisted.length, (m) => m.subject === 'Des places vont se libérer');
    await new Promise((r) => setTimeout(r, 500));
    const reached = t.mail.messages
      .filter((m) => m.subject === 'Des places vont se libérer')
      .map(recipientOf)
      .sort();
    expect(reached).toEqual([...waitlisted].sort());
    expect(mails[0].text).toContain('Nous vous tiendrons informés');
    await context.close();
  });

  it('axe-core finds no serious or critical violation on the follow-up pages, at desktop and phone widths', async () => {
    const id = conference.event.id;
    const registrationId = waiting.id;
    const paths: Array<[string, string]> = [
      ['inscriptions', `/gestion/evenements/${id}/inscriptions`],
      ['inscription', `/gestion/evenements/${id}/inscriptions/${registrationId}`],
      ['inscription-annuler', `/gestion/evenements/${id}/inscriptions/${registrationId}/annuler`],
      ['accueil', `/gestion/evenements/${id}/accueil`],
      ['documents', `/gestion/evenements/${id}/documents`],
      ['messages', `/gestion/evenements/${id}/messages`],
      ['message-nouveau', `/gestion/evenements/${id}/messages/nouveau`],
      ['chiffres', `/gestion/evenements/${id}/chiffres`],
    ];
    const summary: string[] = ['# axe-core, back-office follow-up pages', '', '| page | width | rules passed | serious/critical |', '|---|---|---|---|'];
    for (const [name, viewport] of [
      ['ordinateur', DESKTOP],
      ['telephone', PHONE],
    ] as const) {
      const { page, context } = await newContext(browser, base, { viewport });
      await signInPage(page, paths[0][1]);
      for (const [pageName, path] of paths) {
        await page.goto(path);
        const results = await new AxeBuilder({ page: page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        summary.push(`| ${pageName} | ${viewport.width} px | ${results.passes.length} | ${bad.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none'} |`);
        expect({ page: pageName, violations: bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`) }).toEqual({ page: pageName, violations: [] });
        if (SAVE) await page.screenshot({ path: screenshotPath(`gestion-${pageName}-${name}`), fullPage: true });
      }
      await context.close();
    }
    if (SAVE) writeFileSync(join(SCREENSHOTS, 'axe-gestion-suivi.md'), summary.join('\n') + '\n');
  });
});
