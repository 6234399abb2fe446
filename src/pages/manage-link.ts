import type { AppConfig } from '../config/app-config';

/** The manage page of a registration: the address to keep, and its path on this site. */
export function manageLinkOf(config: Pick<AppConfig, 'publicBaseUrl'>, token: string): { path: string; url: string } {
  const path = `/inscription/${encodeURIComponent(token)}`;
  return { path, url: `${config.publicBaseUrl}${path}` };
}
