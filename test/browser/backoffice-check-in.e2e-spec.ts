import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { seedRegistration } from '../support/seeds';
import { createEvent } from '../support/factories';
import { binary } from '../support/pdf';
import { startTestApp, TestApp } from '../support/test-app';
import { signInPage } from './backoffice-signed-in';
import { CHROMIUM, launchBrowser, listen, newContext, PHONE, screenshotPath } from './browser';
import { pdfPageToGrey, y4mOf } from './camera-video';

/** `npm run screenshots` refreshes docs/screenshots/ (and the axe results); `npm test` only checks. */
const SAVE = process.env.SCREENSHOTS === '1';

jest.setTimeout(120_000);

/**
 * The welcome desk on a phone: Chromium's fake camera films a badge (the registrant's real badge
 * PDF, rendered to pixels), the page's script reads its QR code and checks the person in.
 */
describe('back office welcome desk in a real browser', () => {
  let t: TestApp;
  let base: string;
  let camera: Browser;
  let plain: Browser;
  let dir: string;
  let event: Record<string, any>;
  let amelie: Awaited<ReturnType<typeof seedRegistration>>;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    event = await createEvent(t, { title: 'Journée d’étude : accès aux droits' });
    amelie = await seedRegistration(t, event.id, { firstName: 'Amélie', lastName: 'Nguyen', organisation: 'CCAS de Montpellier' });
    await seedRegistration(t, event.id, { firstName: 'Hélène', lastName: 'Martínez', organisation: 'Secours populaire' });
    const badge = await t.http.get('/api/registrations/me/badge.pdf').set('X-Registration-Token', amelie.manageToken).buffer(true).parse(binary).expect(200);
    dir = mkdtempSync(join(tmpdir(), 'fake-camera-'));
    writeFileSync(join(dir, 'badge.y4m'), y4mOf(pdfPageToGrey(badge.body, 600)));
    plain = await launchBrowser();
    camera = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${join(dir, 'badge.y4m')}`,
      ],
    });
  });
  afterAll(async () => {
    await camera?.close();
    await plain?.close();
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('checks a person in from their badge through the camera; a second scan says "déjà enregistré"', async () => {
    const { context, page, problems } = await newContext(camera, base, { viewport: PHONE });
    await context.grantPermissions(['camera'], { origin: base });
    await signInPage(page, `/gestion/evenements/${event.id}/accueil`);
    expect(await page.locator('h1').innerText()).toBe('Accueil des participants');
    expect(await page.locator('#arrivees').innerText()).toBe('0 arrivée sur 2 attendues');
    await page.getByRole('button', { name: 'Activer la caméra' }).click();

    const answer = page.locator('#reponse');
    await page.locator('#reponse.rencontres-answer--arrived').waitFor();
    expect(await answer.locator('[data-answer="name"]').innerText()).toBe('Amélie Nguyen');
    expect(await answer.locator('[data-answer="organisation"]').innerText()).toBe('CCAS de Montpellier');
    expect(await page.locator('#arrivees').innerText()).toBe('1 arrivée sur 2 attendues');
    const decoder = await page.locator('#camera').getAttribute('data-decoder');
    const scanMs = Number(await answer.getAttribute('data-scan-ms'));
    const decodeMs = Number(await answer.getAttribute('data-decode-ms'));
    console.log(`welcome desk: scan to answer ${scanMs} ms (QR decode ${decodeMs} ms with ${decoder}; loaded machine)`);
    expect(scanMs).toBeLessThan(500);
    if (SAVE) await page.screenshot({ path: screenshotPath('gestion-accueil-vert-telephone'), fullPage: false });

    await page.getByRole('button', { name: 'Scanner à nouveau ce badge' }).click();
    await page.locator('#reponse.rencontres-answer--already').waitFor();
    expect(await answer.locator('[data-answer="headline"]').innerText()).toMatch(/^Déjà enregistré à \d{1,2} h \d{2}$/);
    expect(await page.locator('#arrivees').innerText()).toBe('1 arrivée sur 2 attendues');
    if (SAVE) await page.screenshot({ path: screenshotPath('gestion-accueil-orange-telephone'), fullPage: false });

    const checked = await t.http
      .get(`/api/events/${event.id}/registrations/${amelie.id}`)
      .set(await t.auth())
      .expect(200);
    expect(checked.body.checkedInAt).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds a person by name and checks them in without a camera or JavaScript', async () => {
    const { context, page } = await newContext(plain, base, { viewport: PHONE, javaScriptEnabled: false });
    await signInPage(page, `/gestion/evenements/${event.id}/accueil`);
    expect(await page.locator('#camera').isVisible()).toBe(false);
    await page.getByLabel('Nom, organisation ou code du badge').fill('martinez');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Rechercher' }).click()]);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Enregistrer l’arrivée de Hélène Martínez' }).click()]);
    expect(await page.locator('#reponse').getAttribute('class')).toContain('rencontres-answer--arrived');
    expect(await page.locator('[data-answer="name"]').innerText()).toBe('Hélène Martínez');
    expect(await page.locator('#arrivees').innerText()).toBe('2 arrivées sur 2 attendues');
    await context.close();
  });

  it('has no serious or critical axe-core violation, at phone and desktop widths', async () => {
    for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
      const { context, page } = await newContext(plain, base, { viewport });
      await signInPage(page, `/gestion/evenements/${event.id}/accueil`);
      const results = await new AxeBuilder({ page: page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad).toEqual([]);
      if (SAVE && viewport === PHONE) await page.screenshot({ path: screenshotPath('gestion-accueil-telephone'), fullPage: true });
      await context.close();
    }
  });
});
