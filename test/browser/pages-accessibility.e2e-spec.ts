import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { register } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { DESKTOP, launchBrowser, listen, newContext, PHONE, SCREENSHOTS, screenshotPath } from './browser';
import { createConference } from './fixtures';

jest.setTimeout(180_000);

/** `npm run screenshots` refreshes docs/screenshots/ (and the axe results); `npm test` only checks. */
const SAVE = process.env.SCREENSHOTS === '1';

interface Visit {
  name: string;
  path: string;
  /** Something to do on the page before checking it (e.g. submit a form to see its errors). */
  act?: (page: Page) => Promise<void>;
}

/**
 * axe-core on every page at desktop and phone widths: no serious or critical violation. With
 * SCREENSHOTS=1 each page is also photographed at both widths into docs/screenshots/ (the README names them).
 */
describe('accessibility of every page (axe-core) and screenshots', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const visits: Visit[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp();
    base = await listen(t);
    const { event, workshops } = await createConference(t);
    const token = (await register(t, event.id, { sessionIds: [workshops.a1.id, workshops.b2.id] }).expect(201)).body.manageToken as string;
    const full = await createConference(
      t,
      { title: 'Webinaire complet : la participation', kind: 'webinar', format: 'online', onlineUrl: 'https://visio.example.org/rencontre', venue: undefined, capacity: 1 },
      null,
    );
    await register(t, full.event.id).expect(201);
    const submit = (label: string) => async (page: Page) => {
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label }).click()]);
    };
    visits.push(
      { name: 'accueil', path: '/' },
      { name: 'accueil-filtre', path: '/?type=conference&theme=participation&departement=34' },
      { name: 'evenement', path: `/evenements/${event.slug}` },
      { name: 'evenement-complet', path: `/evenements/${full.event.slug}` },
      { name: 'inscription', path: `/evenements/${event.slug}/inscription` },
      { name: 'inscription-erreurs', path: `/evenements/${event.slug}/inscription`, act: submit('M’inscrire') },
      {
        name: 'inscription-confirmee',
        path: `/evenements/${event.slug}/inscription`,
        act: async (page) => {
          await page.locator('#firstName').fill('Aïcha');
          await page.locator('#lastName').fill('Benali');
          await page.locator('#email').fill(`aicha.benali.${Date.now()}.${Math.random().toString(36).slice(2)}@ccas-nimes.fr`);
          await page.locator('#organisationType').selectOption('collectivite');
          await page.locator('label', { hasText: 'Accès aux droits et non-recours' }).click();
          await page.locator('label', { hasText: 'J’accepte que mes données' }).click();
          await submit('M’inscrire')(page);
        },
      },
      { name: 'inscription-liste-attente', path: `/evenements/${full.event.slug}/inscription` },
      { name: 'mon-inscription', path: `/inscription/${token}` },
      { name: 'annulation', path: `/inscription/${token}/annulation` },
      { name: 'lien-perdu', path: '/inscription/lien-perdu' },
      { name: 'lien-perdu-erreurs', path: '/inscription/lien-perdu', act: submit('Recevoir mon lien') },
      { name: 'proposer-une-action', path: `/evenements/${event.slug}/proposer-une-action` },
      { name: 'proposer-une-action-erreurs', path: `/evenements/${event.slug}/proposer-une-action`, act: submit('Envoyer ma proposition') },
      { name: 'accessibilite', path: '/accessibilite' },
      { name: 'donnees-personnelles', path: '/donnees-personnelles' },
      { name: 'plan-du-site', path: '/plan-du-site' },
      { name: 'page-introuvable', path: '/cette-page-n-existe-pas' },
      { name: 'lien-invalide', path: '/inscription/un-lien-qui-ne-marche-pas' },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const [width, viewport] of [
    ['ordinateur', DESKTOP],
    ['telephone', PHONE],
  ] as const) {
    it(`no serious or critical violation, ${width} (${viewport.width} px)`, async () => {
      const { context, page, problems } = await newContext(browser, base, { viewport });
      const report: string[] = [];
      const summary: string[] = [`# axe-core ${width} (${viewport.width} px)`, '', '| page | rules passed | violations (impact) |', '|---|---|---|'];
      try {
        for (const visit of visits) {
          await page.goto(visit.path);
          if (visit.act) await visit.act(page);
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          const others = results.violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none';
          summary.push(`| ${visit.name} | ${results.passes.length} | ${others} |`);
          for (const v of results.violations) {
            if (v.impact === 'serious' || v.impact === 'critical')
              report.push(
                `${visit.name}: ${v.id} (${v.impact}) ${v.nodes
                  .map((n) => n.target.join(' '))
                  .slice(0, 3)
                  .join(' | ')}`,
              );
          }
          if (SAVE) await page.screenshot({ path: screenshotPath(`${visit.name}-${width}`), fullPage: true });
        }
      } finally {
        await context.close();
      }
      if (SAVE) writeFileSync(join(SCREENSHOTS, `axe-${width}.md`), summary.join('\n') + '\n');
      expect(report).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});
