import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { PageFrame } from '../pages/page-views';
import { PageRenderer } from '../pages/page-renderer';
import { currentOrganiser } from './backoffice.guard';

export type BackofficeSection = 'events' | 'organisers';

/**
 * Renders a back-office page: the pages' layout with the back office's header (who is signed in,
 * sign-out), the form token bound to the session as `csrf` in the model, and never cached
 * (`Cache-Control: no-store`, no referrer).
 */
@Injectable()
export class BackofficePages {
  constructor(readonly pages: PageRenderer) {}

  send(req: Request, res: Response, view: string, frame: PageFrame & { section?: BackofficeSection }, model: object = {}, status = 200): void {
    const csrf = this.csrfToken(req);
    const { organiser } = currentOrganiser(req);
    this.pages.send(res, view, { ...frame, backoffice: { organiser, csrf, section: frame.section } }, { ...model, csrf }, { status, personal: true });
  }

  /** The token every back-office form carries (`_csrf`), bound to this session. */
  csrfToken(req: Request): string {
    return this.pages.csrf.tokenBoundTo(currentOrganiser(req).sessionId);
  }
}
