import type { Page } from 'playwright-core';
import { ORGANISER } from '../support/test-app';

/** Signs in through /gestion/connexion as an organiser would, landing on `path`. */
export async function signInPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Adresse électronique').fill(ORGANISER.email);
  await page.getByLabel('Mot de passe').fill(ORGANISER.password);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Se connecter' }).click()]);
}
