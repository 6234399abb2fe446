import { Controller, Get, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/domain-error';
import { UuidPipe } from '../../common/uuid.pipe';
import { EventsRepository } from '../../events/events.repository';
import { validateAs } from '../../pages/dto-validation';
import { DEPARTMENTS, ORGANISATION_TYPES } from '../../reference/reference.data';
import { AdminRegistrationsService } from '../../registrations/admin/admin-registrations.service';
import { RegistrationQueryDto } from '../../registrations/admin/dto/registration-query.dto';
import { EventStatsService } from '../../registrations/admin/event-stats.service';
import { RegistrationsExportService } from '../../registrations/admin/registrations-export.service';
import { requireEvent } from '../../registrations/admin/require-event';
import { SelfServiceService } from '../../registrations/self-service.service';
import { BackofficePages } from '../backoffice-pages';
import { BackofficePage } from '../backoffice.guard';
import { eventOfficeFrame } from '../event-office-frame';
import { isoLabel, MESSAGE_STATUS_LABELS, reasonLabel, registrationRow, STATUS_LABELS } from './registration-labels';
import { RegistrationOfficeService } from './registration-office.service';

const eventId = new UuidPipe('Event');
const registrationId = new UuidPipe('Registration');
const PAGE_SIZE = 50;
const FILTERS = ['status', 'organisationType', 'department', 'sessionId', 'q'] as const;

/** `/gestion/evenements/{id}/inscriptions`: the registrations table (the API's filters), one registration, cancelling on someone's behalf, the CSV. */
@BackofficePage()
@Controller('gestion/evenements/:id')
export class RegistrationsPagesController {
  constructor(
    private readonly pages: BackofficePages,
    private readonly events: EventsRepository,
    private readonly registrations: AdminRegistrationsService,
    private readonly office: RegistrationOfficeService,
    private readonly selfService: SelfServiceService,
    private readonly stats: EventStatsService,
    private readonly exports: RegistrationsExportService,
  ) {}

  @Get('inscriptions')
  async list(@Param('id', eventId) id: string, @Query() raw: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await requireEvent(this.events, id);
    const filter: Record<string, string> = {};
    for (const key of FILTERS) if (typeof raw[key] === 'string' && raw[key]) filter[key] = raw[key].slice(0, 200);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(typeof raw.page === 'string' ? raw.page : '1', 10) || 1));
    let query: RegistrationQueryDto;
    let invalid: string | null = null;
    try {
      query = await validateAs(RegistrationQueryDto, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      invalid = 'Un des filtres n’est pas valable : la liste complète est affichée.';
      query = await validateAs(RegistrationQueryDto, { limit: PAGE_SIZE, offset: 0 });
    }
    const [{ items, total }, needs] = await Promise.all([this.registrations.list(event.id, query), this.stats.needs(event.id)]);
    const params = new URLSearchParams(invalid ? {} : filter);
    const link = (p: number) => `/gestion/evenements/${event.id}/inscriptions?${new URLSearchParams({ ...Object.fromEntries(params), page: String(p) }).toString()}`;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const selected = (value: string | undefined) => (current: string) => value === current;
    this.pages.send(req, res, 'gestion/registrations', eventOfficeFrame(event, 'Inscriptions'), {
      event: { id: event.id, title: event.title },
      invalid,
      rows: items.map(registrationRow),
      total,
      filter,
      statuses: Object.entries(STATUS_LABELS).map(([code, s]) => ({ code, label: s.label, selected: selected(filter.status)(code) })),
      organisationTypes: ORGANISATION_TYPES.map((t) => ({ ...t, selected: selected(filter.organisationType)(t.code) })),
      departments: DEPARTMENTS.map((d) => ({ ...d, selected: selected(filter.department)(d.code) })),
      workshops: needs.sessions.map((s) => ({ code: s.sessionId, label: s.title, selected: selected(filter.sessionId)(s.sessionId) })),
      pagination: pages > 1 ? { page, pages, previous: page > 1 ? link(page - 1) : null, next: page < pages ? link(page + 1) : null } : null,
      needs: {
        accessibility: needs.event.filter((n) => n.kind === 'accessibility'),
        dietary: needs.event.filter((n) => n.kind === 'dietary'),
        sessions: needs.sessions,
      },
    });
  }

  @Get('inscriptions.csv')
  async csv(@Param('id', eventId) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { filename, stream } = await this.exports.exportCsv(id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });
  }

  @Get('inscriptions/:regId')
  async detail(
    @Param('id', eventId) id: string,
    @Param('regId', registrationId) regId: string,
    @Query('annulee') cancelled: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { event, registration: r, messages } = await this.office.detail(id, regId);
    const row = registrationRow(r);
    this.pages.send(
      req,
      res,
      'gestion/registration',
      {
        ...eventOfficeFrame(event, row.fullName),
        breadcrumb: [
          { label: event.title, href: `/gestion/evenements/${event.id}` },
          { label: 'Inscriptions', href: `/gestion/evenements/${event.id}/inscriptions` },
        ],
      },
      {
        event: { id: event.id, title: event.title },
        r,
        row,
        justCancelled: cancelled === '1',
        consentAt: isoLabel(r.consentAt),
        photoConsentAt: isoLabel(r.photoConsentAt),
        createdAt: isoLabel(r.createdAt),
        sessions: r.sessions.map((s) => ({ ...s, status: STATUS_LABELS[s.status]?.label ?? s.status })),
        messages: messages.map((m) => ({
          reason: reasonLabel(m.reason),
          status: MESSAGE_STATUS_LABELS[m.status] ?? m.status,
          createdAt: isoLabel(m.createdAt),
          sentAt: isoLabel(m.sentAt),
        })),
        cancellable: r.status !== 'cancelled',
      },
    );
  }

  @Get('inscriptions/:regId/annuler')
  async confirmCancel(@Param('id', eventId) id: string, @Param('regId', registrationId) regId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { event, registration: r } = await this.office.detail(id, regId);
    const row = registrationRow(r);
    if (r.status === 'cancelled') return res.redirect(303, `/gestion/evenements/${event.id}/inscriptions/${r.id}`);
    this.pages.send(req, res, 'gestion/registration-cancel', eventOfficeFrame(event, `Annuler l’inscription de ${row.fullName}`), {
      event: { id: event.id, title: event.title },
      r,
      row,
      confirmed: r.status === 'confirmed',
    });
  }

  @Post('inscriptions/:regId/annuler')
  async cancel(@Param('id', eventId) id: string, @Param('regId', registrationId) regId: string, @Res() res: Response): Promise<void> {
    await this.selfService.cancelByOrganiser(id, regId);
    res.redirect(303, `/gestion/evenements/${id}/inscriptions/${regId}?annulee=1`);
  }
}
