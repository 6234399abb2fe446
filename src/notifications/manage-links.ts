import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { deriveManageToken, hashManageToken } from '../registrations/manage-token';

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

  urlFor(token: string): string {
    return `${this.config.publicBaseUrl}/api/registrations/me?token=${encodeURIComponent(token)}`;
  }
}
