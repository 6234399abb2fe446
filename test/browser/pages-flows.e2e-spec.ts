import type { Browser, Page } from 'playwright-core';
import { recipientOf } from '../support/mail-sink';
import { register } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { launchBrowser, listen, newContext } from './browser';
import { Conference, createConference } from './fixtures';

jest.setTimeout(120_000);

let emailCounter = 0;
const freshEmail = () => `camille.durand.${++emailCounter}.${Date.now()}@caf34.fr`;

/** Fills the registration form's identity and organisation. */
async function fillIdentity(page: Page, email: string): Promise<void> {
  await page.getByLabel('Prénom').fill('Camille');
  await page.locator('#lastName').fill('Durand');
  await page.locator('#email').fill(email);
  await page.locator('#organisation').fill('CAF de l’Hérault');
  await page.getByLabel('Type d’organisation').selectOption('service_public');
  await page.locator('#department').selectOption('34');
}

/** Checks a radio button or a checkbox as a person does: by clicking its label (the DSFR draws the control on it). */
async function choose(page: Page, label: string): Promise<void> {
  await page.locator('label', { hasText: label }).first().click();
}

/** Clicks a link or a button and waits for the page it leads to. */
async function go(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  await Promise.all([page.waitForNavigation(), target.click()]);
}

const h1 = (page: Page) => page.locator('h1').first().innerText();

describe('public pages in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let conference: Conference;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ mail: true });
    base = await listen(t);
    conference = await createConference(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a person finds the event from /, registers for two workshops, sees the confirmation, and the email arrives with the agenda', async () => {
    const { page, context, problems } = await newContext(browser, base);
    await page.goto('/');
    expect(await page.title()).toBe('Événements à venir — Rencontres');
    await go(page, page.getByRole('link', { name: conference.event.title }));
    expect(await h1(page)).toBe(conference.event.title);
    expect(await page.getByText('Salle Joffre').count()).toBeGreaterThan(0);
    expect(await page.getByText('Le bus des droits').count()).toBeGreaterThan(0);
    await go(page, page.getByRole('link', { name: 'S’inscrire', exact: true }));
    expect(await page.title()).toContain('Inscription —');

    const email = freshEmail();
    await fillIdentity(page, email);
    await choose(page, 'Aller vers les publics isolés');
    await choose(page, 'Participation des personnes concernées');
    await choose(page, 'J’accepte que mes données soient utilisées');
    await go(page, page.getByRole('button', { name: 'M’inscrire' }));

    expect(await h1(page)).toBe('Votre inscription est confirmée');
    const body = await page.locator('main').innerText();
    expect(body).toContain('Aller vers les publics isolés');
    expect(body).toContain('Participation des personnes concernées');
    expect(body).toContain(email);
    expect(await page.getByRole('link', { name: 'Voir mon inscription' }).getAttribute('href')).toMatch(/^\/inscription\/[A-Za-z0-9_-]{43}$/);

    const [mail] = await t.mail.waitFor(1, (m) => recipientOf(m) === email && /confirm/i.test(m.subject ?? ''));
    expect(mail.attachments.map((a) => a.filename)).toContain('agenda.ics');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('errors appear beside their fields and in a summary that takes the focus; typed values stay', async () => {
    const { page, context } = await newContext(browser, base);
    await page.goto(`/evenements/${conference.event.slug}/inscription`);
    await page.getByLabel('Prénom').fill('Dominique');
    await page.locator('#email').fill('pas-une-adresse');
    await page.locator('#accessibilityNeeds').fill('Interprète LSF');
    await choose(page, 'Accès aux droits et non-recours');
    await go(page, page.getByRole('button', { name: 'M’inscrire' }));

    expect(await page.title()).toMatch(/^Erreur — Inscription/);
    const summary = page.locator('#erreurs');
    expect(await summary.isVisible()).toBe(true);
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('erreurs');
    const summaryText = await summary.innerText();
    expect(summaryText).toContain('Saisissez une adresse électronique valide');
    expect(summaryText).toContain('Indiquez votre nom');
    expect(summaryText).toContain('Cochez cette case pour vous inscrire');
    // Beside the field, linked to it.
    expect(await page.locator('#email').getAttribute('aria-describedby')).toBe('email-error');
    expect(await page.locator('#email-error').innerText()).toContain('adresse électronique valide');
    expect(await page.locator('#consent-error').innerText()).toContain('Cochez cette case');
    // The summary's links lead to the fields.
    expect(await summary.getByRole('link', { name: /adresse électronique/ }).getAttribute('href')).toBe('#email');
    // What was typed is kept.
    expect(await page.getByLabel('Prénom').inputValue()).toBe('Dominique');
    expect(await page.locator('#email').inputValue()).toBe('pas-une-adresse');
    expect(await page.locator('#accessibilityNeeds').inputValue()).toBe('Interprète LSF');
    expect(await page.getByLabel('Accès aux droits et non-recours').isChecked()).toBe(true);
    await context.close();
  });

  it('a full event gives the waiting-list position; a full workshop says "liste d’attente"', async () => {
    const small = await createConference(t, { title: 'Journée d’étude complète', kind: 'study_day', capacity: 1 }, 1);
    expect((await register(t, small.event.id, { sessionIds: [small.workshops.a1.id] })).status).toBe(201);
    const { page, context } = await newContext(browser, base);
    await page.goto(`/evenements/${small.event.slug}`);
    expect(await page.getByRole('heading', { name: 'Événement complet' }).count()).toBe(1);
    await go(page, page.getByRole('link', { name: 'S’inscrire sur liste d’attente' }));
    expect(await page.getByLabel('Aller vers les publics isolés (liste d’attente)').count()).toBe(1);
    await fillIdentity(page, freshEmail());
    await choose(page, 'Aller vers les publics isolés');
    await choose(page, 'J’accepte que mes données soient utilisées');
    await go(page, page.getByRole('button', { name: 'M’inscrire sur liste d’attente' }));
    expect(await h1(page)).toBe('Vous êtes sur la liste d’attente');
    expect(await page.locator('main').innerText()).toContain('en position 1 sur la liste d’attente');
    await context.close();
  });

  it('the manage page changes a workshop, links the badge, and cancels after a confirmation step', async () => {
    const created = await register(t, conference.event.id, { sessionIds: [conference.workshops.a1.id] });
    const token = created.body.manageToken as string;
    const { page, context } = await newContext(browser, base);
    const response = await page.goto(`/inscription/${token}`);
    expect(response!.headers()['cache-control']).toBe('no-store');
    expect(response!.headers()['referrer-policy']).toBe('no-referrer');
    expect(await page.getByRole('heading', { name: 'Inscription confirmée' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Mon badge (PDF)' }).getAttribute('href')).toBe(`/api/registrations/me/badge.pdf?token=${token}`);
    expect(await page.getByRole('link', { name: 'Mon agenda (.ics)' }).getAttribute('href')).toBe(`/api/registrations/me/agenda.ics?token=${token}`);

    await choose(page, 'Accès aux droits et non-recours');
    await go(page, page.getByRole('button', { name: 'Enregistrer mes modifications' }));
    expect(await page.getByRole('heading', { name: 'Modifications enregistrées' }).count()).toBe(1);
    const mine = (await t.http.get('/api/registrations/me').set('X-Registration-Token', token).expect(200)).body;
    expect(mine.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([conference.workshops.a2.id]);

    await go(page, page.getByRole('link', { name: 'Annuler mon inscription' }));
    expect(await h1(page)).toBe('Annuler mon inscription');
    // Nothing is cancelled before the confirmation.
    expect((await t.http.get('/api/registrations/me').set('X-Registration-Token', token)).body.status).toBe('confirmed');
    await go(page, page.getByRole('button', { name: 'Oui, annuler mon inscription' }));
    expect(await h1(page)).toBe('Votre inscription est annulée');
    expect((await t.http.get('/api/registrations/me').set('X-Registration-Token', token)).body.status).toBe('cancelled');
    await context.close();
  });

  it('the lost-link page sends the link by email', async () => {
    const email = freshEmail();
    await register(t, conference.event.id, { email }).expect(201);
    const { page, context } = await newContext(browser, base);
    await page.goto('/inscription/lien-perdu');
    await page.getByLabel('Événement').selectOption(conference.event.slug);
    await page.locator('#email').fill(email.toUpperCase());
    await go(page, page.getByRole('button', { name: 'Recevoir mon lien' }));
    expect(await h1(page)).toBe('Demande envoyée');
    const messages = await t.mail.waitFor(2, (m) => recipientOf(m) === email);
    expect(messages.some((m) => /lien/i.test(m.subject ?? ''))).toBe(true);
    await context.close();
  });

  it('works with JavaScript disabled: register, then open the manage page', async () => {
    const { page, context } = await newContext(browser, base, { javaScriptEnabled: false });
    await page.goto('/');
    await go(page, page.getByRole('link', { name: conference.event.title }));
    await go(page, page.getByRole('link', { name: 'S’inscrire', exact: true }));
    // Without JS the summary still takes the focus (autofocus).
    await go(page, page.getByRole('button', { name: 'M’inscrire' }));
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('erreurs');
    await fillIdentity(page, freshEmail());
    await choose(page, 'Insertion par l’activité économique');
    await choose(page, 'J’accepte que mes données soient utilisées');
    await go(page, page.getByRole('button', { name: 'M’inscrire' }));
    expect(await h1(page)).toBe('Votre inscription est confirmée');
    await go(page, page.getByRole('link', { name: 'Voir mon inscription' }));
    expect(await h1(page)).toBe('Mon inscription');
    expect(await page.locator('main').innerText()).toContain('Insertion par l’activité économique');
    await context.close();
  });

  it('a form posted without its token is refused (CSRF)', async () => {
    const res = await t.http.post(`/evenements/${conference.event.slug}/inscription`).type('form').send({ firstName: 'X' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('Formulaire expiré');
  });
});
