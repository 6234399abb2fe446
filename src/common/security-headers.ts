import type { Express } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers on every answer, errors and Swagger UI included. Its default CSP suits
 * Swagger UI as Nest serves it (scripts and styles from our origin, inline styles, data: images).
 * No referrer ever leaves: the manage link is a URL holding a secret.
 */
export function installSecurityHeaders(app: Express): void {
  app.use(helmet({ referrerPolicy: { policy: 'no-referrer' } }));
}
