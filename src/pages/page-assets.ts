import { dirname, join } from 'node:path';
import express from 'express';
import type { Express } from 'express';
import { DEFAULT_PAGE_VIEWS_DIR } from './page-views';

/** The DSFR's built files, served by the app itself (the network may be closed: no CDN). */
export const DSFR_DIST = join(dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');

/** Files the pages may load: styles, the module script, fonts, icons and favicons; nothing else from the package. */
const SERVED = /\.(css|js|woff2?|svg|png|ico|webmanifest)$/;

/** Mounts /dsfr/* (long-cached: the path changes with the package version only through a deploy). */
export function mountPageAssets(app: Express): void {
  mountSiteAssets(app);
  const files = express.static(DSFR_DIST, { index: false, fallthrough: true, maxAge: '7d', immutable: false });
  app.use('/dsfr', (req, res, next) => (SERVED.test(req.path) ? files(req, res, next) : next()));
}

/** The site's own few styles (templates/pages/assets). */
export function mountSiteAssets(app: Express): void {
  app.use('/assets', express.static(join(DEFAULT_PAGE_VIEWS_DIR, 'assets'), { index: false, maxAge: '1h' }));
}
