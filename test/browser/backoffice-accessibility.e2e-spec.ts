import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { recipientOf } from '../support/mail-sink';
import { actionInput, register } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { DESKTOP, launchBrowser, listen, newContext, PHONE, SCREENSHOTS, screenshotPath } from './browser';
import { signInThroughPage, submit } from './backoffice-support';
import { createConference } from './fixtures';

jest.setTimeout(240_000);

/** `npm run screenshots` refreshes docs/screenshots/gestion-* (and axe-gestion-*.md); `npm test` only checks. */
const SAVE = process.env.SCREENSHOTS === '1';

interface Visit {
  name: string;
  path: string;
  /** Signed out (the sign-in page, the password link). */
  public?: boolean;
  act?: (page: Page) => Promise<void>;
}

describe('accessibility of the back office (axe-core) and screenshots', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const visits: Visit[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp({ mail: true });
    base = await listen(t);
    const { event, workshops } = await createConference(t);
    await register(t, event.id, { sessionIds: [workshops.a1.id] }).expect(201);
    await t.http
      .post(`/api/events/${event.id}/actions/proposals`)
      .send(actionInput({ title: 'L’épicerie solidaire mobile' }))
      .expect(201);
    const headers = await t.auth();
    const draft = (
      await t.http
        .post('/api/events')
        .set(headers)
        .send({
          title: 'Webinaire : la participation des personnes concernées',
          kind: 'webinar',
          format: 'online',
          onlineUrl: 'https://visio.example.org/participation',
          startsAt: '2027-04-08T14:00:00+02:00',
          endsAt: '2027-04-08T16:00:00+02:00',
          capacity: null,
        })
        .expect(201)
    ).body;
    const actions = (await t.http.get(`/api/events/${event.id}/actions`).set(headers).expect(200)).body.items;
    const rooms = (await t.http.get(`/api/events/${event.id}/rooms`).set(headers).expect(200)).body.items;
    const clash = async (page: Page) => {
      await page.locator('#session-title').fill('Atelier en double');
      await page.locator('#session-start').fill('09:00');
      await page.locator('#session-end').fill('10:00');
      await page.locator('#session-roomId').selectOption({ label: 'Salle Pasteur' });
      await submit(page, 'Ajouter la session');
    };
    const id = event.id;
    visits.push(
      { name: 'gestion-connexion', path: '/gestion/connexion', public: true },
      {
        name: 'gestion-connexion-erreur',
        path: '/gestion/connexion',
        public: true,
        act: async (page) => {
          await page.locator('#email').fill('inconnu@occitanie.test');
          await page.locator('#password').fill('pas le bon mot de passe');
          await submit(page, 'Se connecter');
        },
      },
      { name: 'gestion-tableau-de-bord', path: '/gestion' },
      { name: 'gestion-evenement', path: `/gestion/evenements/${id}` },
      { name: 'gestion-evenement-nouveau', path: '/gestion/evenements/nouveau' },
      { name: 'gestion-evenement-erreurs', path: '/gestion/evenements/nouveau', act: (page) => submit(page, 'Créer l’événement (brouillon)') },
      { name: 'gestion-evenement-modifier', path: `/gestion/evenements/${id}/modifier` },
      { name: 'gestion-publication', path: `/gestion/evenements/${draft.id}/publication` },
      { name: 'gestion-annulation', path: `/gestion/evenements/${id}/annulation` },
      { name: 'gestion-programme', path: `/gestion/evenements/${id}/programme` },
      { name: 'gestion-programme-conflit', path: `/gestion/evenements/${id}/programme`, act: clash },
      { name: 'gestion-programme-session', path: `/gestion/evenements/${id}/programme?session=${workshops.a1.id}#formulaire-session` },
      { name: 'gestion-programme-salle', path: `/gestion/evenements/${id}/programme?salle=${rooms[0].id}#salles` },
      { name: 'gestion-actions', path: `/gestion/evenements/${id}/actions` },
      { name: 'gestion-action-modifier', path: `/gestion/evenements/${id}/actions/${actions[0].id}` },
      { name: 'gestion-organisateurs', path: '/gestion/organisateurs' },
      { name: 'gestion-organisateurs-erreurs', path: '/gestion/organisateurs', act: (page) => submit(page, 'Envoyer l’invitation') },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Invites someone through the page and returns the link of the email it sends. */
  async function invitationLink(page: Page, email: string): Promise<string> {
    await page.goto('/gestion/organisateurs');
    await page.locator('#name').fill('Camille Roux');
    await page.locator('#email').fill(email);
    await submit(page, 'Envoyer l’invitation');
    const [mail] = await t.mail.waitFor(1, (m) => recipientOf(m) === email);
    return new URL(/http:\/\/\S+\/gestion\/mot-de-passe\/\S+/.exec(mail.text ?? '')![0]).pathname;
  }

  for (const [width, viewport] of [
    ['ordinateur', DESKTOP],
    ['telephone', PHONE],
  ] as const) {
    it(`no serious or critical violation, ${width} (${viewport.width} px)`, async () => {
      const signedOut = await newContext(browser, base, { viewport });
      const { context, page, problems } = await newContext(browser, base, { viewport });
      const report: string[] = [];
      const summary: string[] = [`# axe-core, back office, ${width} (${viewport.width} px)`, '', '| page | rules passed | violations (impact) |', '|---|---|---|'];
      try {
        await signInThroughPage(page);
        const password = await invitationLink(page, `camille.${width}@occitanie.test`);
        for (const visit of [...visits, { name: 'gestion-mot-de-passe', path: password, public: true }]) {
          const on = visit.public ? signedOut.page : page;
          await on.goto(visit.path);
          if (visit.act) await visit.act(on);
          const results = await new AxeBuilder({ page: on }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          summary.push(`| ${visit.name} | ${results.passes.length} | ${results.violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none'} |`);
          for (const v of results.violations) {
            if (v.impact === 'serious' || v.impact === 'critical')
              report.push(
                `${visit.name}: ${v.id} (${v.impact}) ${v.nodes
                  .map((n) => n.target.join(' '))
                  .slice(0, 3)
                  .join(' | ')}`,
              );
          }
          if (SAVE) await on.screenshot({ path: screenshotPath(`${visit.name}-${width}`), fullPage: true });
        }
      } finally {
        await context.close();
        await signedOut.context.close();
      }
      if (SAVE) writeFileSync(join(SCREENSHOTS, `axe-gestion-${width}.md`), summary.join('\n') + '\n');
      expect(report).toEqual([]);
      expect([...problems, ...signedOut.problems]).toEqual([]);
    });
  }
});
