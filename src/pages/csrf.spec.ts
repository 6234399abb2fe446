import type { Request, Response } from 'express';
import { Csrf, CSRF_COOKIE, readCookie } from './csrf';

function request(cookie?: string, body: Record<string, unknown> = {}): Request {
  return { headers: cookie ? { cookie } : {}, body } as unknown as Request;
}

function response(): Response & { set: Array<[string, string, Record<string, unknown>]> } {
  const set: Array<[string, string, Record<string, unknown>]> = [];
  return { set, cookie: (name: string, value: string, options: Record<string, unknown>) => set.push([name, value, options]) } as never;
}

describe('Csrf (double submit, HMAC of the cookie)', () => {
  const csrf = new Csrf('a-server-key-that-is-long-enough-for-tests', false);

  it('sets an HttpOnly SameSite cookie once and signs it into forms', () => {
    const req = request();
    const res = response();
    const token = csrf.tokenFor(req, res);
    expect(res.set).toHaveLength(1);
    expect(res.set[0][2]).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    // The same request renders the same token; the same browser later too, without a new cookie.
    expect(csrf.tokenFor(req, res)).toBe(token);
    const later = response();
    expect(csrf.tokenFor(request(`${CSRF_COOKIE}=${res.set[0][1]}`), later)).toBe(token);
    expect(later.set).toHaveLength(0);
  });

  it('accepts the form token only with the cookie it was made from', () => {
    const res = response();
    const token = csrf.tokenFor(request(), res);
    const cookie = `other=1; ${CSRF_COOKIE}=${res.set[0][1]}`;
    expect(csrf.verify(request(cookie, { _csrf: token }))).toBe(true);
    expect(csrf.verify(request(cookie, {}))).toBe(false);
    expect(csrf.verify(request(cookie, { _csrf: token.slice(1) }))).toBe(false);
    expect(csrf.verify(request(undefined, { _csrf: token }))).toBe(false);
    expect(csrf.verify(request(`${CSRF_COOKIE}=${'B'.repeat(32)}`, { _csrf: token }))).toBe(false);
    expect(new Csrf('another-key-another-key-another-key', false).verify(request(cookie, { _csrf: token }))).toBe(false);
  });

  it('reads one cookie among several', () => {
    expect(readCookie(request('a=1; rencontres_csrf=xyz; b=2'), CSRF_COOKIE)).toBe('xyz');
    expect(readCookie(request('a=1'), CSRF_COOKIE)).toBeUndefined();
  });
});
