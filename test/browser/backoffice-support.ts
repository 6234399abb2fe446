import type { Page } from 'playwright-core';
import { ORGANISER } from '../support/test-app';

/** Signs in through the page, as an organiser would (the browser keeps the session cookie). */
export async function signInThroughPage(page: Page, credentials: { email: string; password: string } = ORGANISER): Promise<void> {
  await page.goto('/gestion/connexion');
  await page.locator('#email').fill(credentials.email);
  await page.locator('#password').fill(credentials.password);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Se connecter' }).click()]);
}

export async function submit(page: Page, label: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label, exact: true }).click()]);
}
