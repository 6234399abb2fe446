import type { Response } from 'express';
import type { AppConfig } from '../../config/app-config';

/** The back office's cookie: sent to /gestion only, never readable by scripts. */
export const SESSION_COOKIE = 'rencontres_gestion';
export const BACKOFFICE_PATH = '/gestion';

const options = (config: Pick<AppConfig, 'publicBaseUrl'>) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: config.publicBaseUrl.startsWith('https:'),
  path: BACKOFFICE_PATH,
});

export function setSessionCookie(res: Response, config: Pick<AppConfig, 'publicBaseUrl'>, token: string): void {
  // A browser-session cookie: the server decides expiry (idle time), the row is the truth.
  res.cookie(SESSION_COOKIE, token, options(config));
}

export function clearSessionCookie(res: Response, config: Pick<AppConfig, 'publicBaseUrl'>): void {
  res.clearCookie(SESSION_COOKIE, options(config));
}
