import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { deriveManageToken, hashManageToken } from '../registrations/manage-token';

/** A registration's manage page (`/inscription/{token}`): its path on this site and the address to keep. */
export function manageLinkOf(config: Pick<AppConfig, 'publicBaseUrl'>, token: string): { path: string; url: string } {
  const path = `/inscription/${encodeURIComponent(token)}`;
  return { path, url: `${config.publicBaseUrl}${path}` };
}

/** The registrant's manage token and link, derived from the server key whenever they are needed. */
@Injectable()
export class ManageLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  tokenFor(registration: { id: string; tokenVersion: number }): string {
    return deriveManageToken(this.config.tokenSecret, registration.id, registration.tokenVersion);
  }

  hashFor(registration: { id: string; tokenVersion: number }): string {
    return hashManageToken(this.tokenFor(registration));
  }

  /** The link in every message and in the registration's answer: the manage page. */
  urlFor(token: string): string {
    return manageLinkOf(this.config, token).url;
  }
}
