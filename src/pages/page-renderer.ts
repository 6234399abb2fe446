import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Csrf } from './csrf';
import { PageFrame, PageViews } from './page-views';
import { PageHeaderOptions, setPageHeaders } from './page-security';

export interface SendOptions extends PageHeaderOptions {
  status?: number;
  /** The body's ETag when it is known already (else Express computes one). */
  etag?: string;
  /** The body gzipped already, sent instead when the browser accepts it (`acceptsGzip`). */
  gzipped?: Buffer;
  acceptsGzip?: boolean;
}

/** Renders a view into the layout and sends it with the pages' headers. */
@Injectable()
export class PageRenderer {
  readonly views: PageViews;
  readonly csrf: Csrf;

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    this.views = new PageViews({ operatorName: config.operatorName, operatorLines: logoLines(config.operatorName), siteName: 'Rencontres' });
    // Its own label under the key manage tokens use: a form token can never be a manage token.
    this.csrf = new Csrf(config.tokenSecret, config.publicBaseUrl.startsWith('https:'));
  }

  send(res: Response, view: string, frame: PageFrame, model: object = {}, options: SendOptions = {}): void {
    this.sendHtml(res, this.views.render(view, frame, model), options);
  }

  sendHtml(res: Response, html: string | Buffer, options: SendOptions = {}): void {
    setPageHeaders(res, options);
    let body = html;
    let etag = options.etag;
    if (options.gzipped) {
      res.setHeader('Vary', 'Accept-Encoding');
      if (options.acceptsGzip) {
        res.setHeader('Content-Encoding', 'gzip');
        body = options.gzipped;
        // Another representation, another ETag (RFC 9110 §8.8.3).
        if (etag) etag = etag.replace(/"$/, '-gzip"');
      }
    }
    if (etag) res.setHeader('ETag', etag);
    res
      .status(options.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(body);
  }

  csrfToken(req: Request, res: Response): string {
    return this.csrf.tokenFor(req, res);
  }
}

/** The brand block's lines: "Préfet / de la région / Occitanie" (first word, middle, last word). */
export function logoLines(name: string): string[] {
  const words = name.split(/\s+/);
  if (words.length < 3) return [name];
  return [words[0], words.slice(1, -1).join(' '), words[words.length - 1]];
}
