import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

export const CSRF_COOKIE = 'rencontres_csrf';
export const CSRF_FIELD = '_csrf';

/** The cookies of a request, without a parser dependency (one header, `a=b; c=d`). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * Double-submit token: a random nonce in an HttpOnly SameSite cookie, and in each form its HMAC
 * under a server key. A forged cross-site form cannot read the cookie nor compute the HMAC.
 */
export class Csrf {
  constructor(
    private readonly key: string,
    private readonly secureCookie: boolean,
  ) {}

  /** The token to put in forms, setting the cookie when the browser has none yet. */
  tokenFor(req: Request, res: Response): string {
    let nonce = readCookie(req, CSRF_COOKIE);
    if (!nonce || !/^[A-Za-z0-9_-]{22,64}$/.test(nonce)) {
      nonce = randomBytes(24).toString('base64url');
      res.cookie(CSRF_COOKIE, nonce, { httpOnly: true, sameSite: 'lax', secure: this.secureCookie, path: '/' });
      // The same request may render a form right away.
      req.headers.cookie = `${CSRF_COOKIE}=${nonce}${req.headers.cookie ? `; ${req.headers.cookie}` : ''}`;
    }
    return this.sign(nonce);
  }

  /** Whether the form's token matches this browser's cookie. */
  verify(req: Request): boolean {
    const nonce = readCookie(req, CSRF_COOKIE);
    const sent = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (!nonce || typeof sent !== 'string') return false;
    const expected = Buffer.from(this.sign(nonce));
    const given = Buffer.from(sent);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /**
   * A form token bound to what the server already knows of this browser (the back office's
   * session id) instead of the nonce cookie: the same HMAC, so a token of one session is worthless
   * in another, and a public form's token is never a back-office one.
   */
  tokenBoundTo(binding: string): string {
    return this.sign(`bound:${binding}`);
  }

  verifyBoundTo(req: Request, binding: string): boolean {
    const sent = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (typeof sent !== 'string') return false;
    const expected = Buffer.from(this.tokenBoundTo(binding));
    const given = Buffer.from(sent);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(nonce: string): string {
    return createHmac('sha256', this.key).update(`csrf:v1:${nonce}`, 'utf8').digest('base64url');
  }
}
