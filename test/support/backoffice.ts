import type { Response } from 'supertest';
import { ORGANISER, TestApp } from './test-app';

/** The `_csrf` value of the first form of a page. */
export function formToken(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no _csrf field in the page');
  return match[1];
}

/** `name=value` of the cookies a response sets, for the next request's Cookie header. */
export function cookiesOf(res: Response): string[] {
  const set = res.headers['set-cookie'] as unknown as string[] | undefined;
  return (set ?? []).map((c) => c.split(';')[0]).filter((c) => !c.endsWith('='));
}

export interface Signed {
  /** Cookie header of the signed-in browser (session + public CSRF nonce). */
  cookie: string;
  /** A form token bound to this session (read from the dashboard's sign-out form). */
  csrf: string;
}

/** Signs in through the page, as a browser would: GET the form, POST it with its token. */
export async function signIn(t: TestApp, credentials: { email: string; password: string } = ORGANISER): Promise<Signed> {
  const form = await t.http.get('/gestion/connexion').expect(200);
  const nonce = cookiesOf(form);
  const res = await t.http
    .post('/gestion/connexion')
    .set('Cookie', nonce.join('; '))
    .type('form')
    .send({ _csrf: formToken(form.text), email: credentials.email, password: credentials.password })
    .expect(303);
  const cookie = [...nonce, ...cookiesOf(res)].join('; ');
  const page = await t.http.get('/gestion').set('Cookie', cookie).expect(200);
  return { cookie, csrf: formToken(page.text) };
}
