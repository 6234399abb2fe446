import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { EventQueryDto } from '../events/dto/event-query.dto';
import { EventsService } from '../events/events.service';
import { DEPARTMENTS, THEMES } from '../reference/reference.data';
import { validateAs } from './dto-validation';
import { toEventCard } from './event-view';
import { text } from './form-errors';
import { EVENT_KIND_LABELS } from '../reference/labels';

import { PageRenderer } from './page-renderer';

const FILTER_WORDING: Record<string, string> = {
  kind: 'Ce type d’événement n’existe pas.',
  theme: 'Ce groupe de travail n’existe pas.',
  department: 'Ce département n’existe pas.',
};

/** The home page (upcoming events) and the site's fixed pages. */
@ApiExcludeController()
@Controller()
export class PublicPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async home(@Query() raw: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const chosen = { kind: text(raw.type), theme: text(raw.theme), department: text(raw.departement) };
    const filters = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== ''));
    let errors: Array<{ href: string; message: string }> = [];
    let query: EventQueryDto;
    try {
      query = await validateAs(EventQueryDto, { ...filters, limit: '100' });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors = (error.errors ?? []).map((e) => ({ href: `#filtre-${e.field}`, message: FILTER_WORDING[e.field] ?? 'Filtre invalide.' }));
      query = await validateAs(EventQueryDto, { limit: '100' });
    }
    const { items, total } = await this.events.list(query);
    const now = this.clock.now();
    const pick = (items: Array<{ code: string; label: string }>, value: string) => items.map((i) => ({ ...i, selected: i.code === value }));
    this.pages.send(
      res,
      'home',
      { title: Object.keys(filters).length ? 'Événements à venir (filtrés)' : 'Événements à venir', home: true },
      {
        events: items.map((e) => toEventCard(e, now)),
        total,
        filtered: Object.keys(filters).length > 0,
        errors,
        errorsTitle: 'Un filtre n’est pas valide',
        kinds: pick(
          Object.entries(EVENT_KIND_LABELS).map(([code, label]) => ({ code, label })),
          chosen.kind,
        ),
        themes: pick(THEMES, chosen.theme),
        departments: pick(
          DEPARTMENTS.map((d) => ({ code: d.code, label: `${d.label} (${d.code})` })),
          chosen.department,
        ),
      },
    );
  }

  @Get('accessibilite')
  accessibility(@Res() res: Response): void {
    this.pages.send(res, 'accessibility', { title: 'Déclaration d’accessibilité' }, { contactEmail: this.pages.config.contactEmail });
  }

  @Get('donnees-personnelles')
  privacy(@Res() res: Response): void {
    const { retentionDays, contactEmail } = this.pages.config;
    this.pages.send(res, 'privacy', { title: 'Données personnelles' }, { retentionDays, contactEmail });
  }

  @Get('plan-du-site')
  async sitemap(@Res() res: Response): Promise<void> {
    const { items } = await this.events.list(await validateAs(EventQueryDto, { limit: '100' }));
    this.pages.send(res, 'sitemap', { title: 'Plan du site' }, { events: items.map((e) => ({ slug: e.slug, title: e.title })) });
  }
}
