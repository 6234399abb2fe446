import { Controller, Get, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { unprocessable } from '../../common/domain-error';
import { isUuid, UuidPipe } from '../../common/uuid.pipe';
import { EventsRepository } from '../../events/events.repository';
import { frenchDay, frenchTimeRange } from '../../documents/pdf/french';
import { fromLocal } from '../../common/time';
import { SessionsService } from '../../programme/sessions/sessions.service';
import { SessionQueryDto } from '../../programme/sessions/dto/session-input.dto';
import { SESSION_TYPE_LABELS, label } from '../../reference/labels';
import { eventDays } from '../../registrations/documents/registration-document-views';
import { EventDocumentsService, RenderedDocument } from '../../registrations/documents/event-documents.service';
import { requireEvent } from '../../registrations/admin/require-event';
import { BackofficePages } from '../backoffice-pages';
import { BackofficePage, currentOrganiser } from '../backoffice.guard';
import { eventOfficeFrame } from '../event-office-frame';

const eventId = new UuidPipe('Event');
const sessionId = new UuidPipe('Session');

function pdf(res: Response, rendered: RenderedDocument): StreamableFile {
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(rendered.pdf, { type: 'application/pdf', disposition: `attachment; filename="${rendered.filename}"` }).setErrorHandler((error, r) => {
    if (r.destroy) r.destroy(error);
    else r.end();
  });
}

/** The registration ids a form ticked (`registrationIds` repeated, or comma-separated); 422 for anything else. */
function idsOf(raw: unknown): string[] | null {
  if (raw === undefined) return null;
  const ids = (Array.isArray(raw) ? raw : [raw])
    .flatMap((v) => String(v).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0 || ids.length > 2000 || ids.some((id) => !isUuid(id))) {
    throw unprocessable('invalid-registration-ids', 'Cochez au moins une personne confirmée sur place pour imprimer ses badges.', [
      { field: 'registrationIds', message: 'liste de 1 à 2 000 identifiants' },
    ]);
  }
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** `/gestion/evenements/{id}/documents`: the print runs (the API's documents, behind the back office's session). */
@BackofficePage()
@Controller('gestion/evenements/:id/documents')
export class DocumentsPagesController {
  constructor(
    private readonly pages: BackofficePages,
    private readonly events: EventsRepository,
    private readonly sessions: SessionsService,
    private readonly documents: EventDocumentsService,
  ) {}

  @Get()
  async page(@Param('id', eventId) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await requireEvent(this.events, id);
    const query = Object.assign(new SessionQueryDto(), { limit: 500, offset: 0 });
    const { items } = await this.sessions.list(event.id, query, currentOrganiser(req).organiser);
    this.pages.send(req, res, 'gestion/documents', eventOfficeFrame(event, 'Documents'), {
      event: { id: event.id, title: event.title, published: event.status === 'published' },
      days: eventDays(event).map((date) => ({ date, label: frenchDay(fromLocal(`${date}T12:00`, event.timezone), event.timezone) })),
      sessions: items.map((s) => ({
        id: s.id,
        title: s.title,
        type: label(SESSION_TYPE_LABELS, s.type),
        when: `${frenchDay(new Date(s.startsAt), event.timezone)}, ${frenchTimeRange(new Date(s.startsAt), new Date(s.endsAt), event.timezone)}`,
      })),
    });
  }

  @Get('badges.pdf')
  async badges(@Param('id', eventId) id: string, @Query('registrationIds') ids: unknown, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return pdf(res, await this.documents.badgeSheets(id, idsOf(ids)));
  }

  @Get('emargement.pdf')
  async daySheets(@Param('id', eventId) id: string, @Query('date') date: unknown, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return pdf(res, await this.documents.daySignInSheets(id, typeof date === 'string' ? date : undefined));
  }

  @Get('sessions/:sessionId/emargement.pdf')
  async sessionSheet(@Param('id', eventId) id: string, @Param('sessionId', sessionId) session: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return pdf(res, await this.documents.sessionSignInSheet(id, session));
  }

  @Get('attestations.pdf')
  async certificates(@Param('id', eventId) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return pdf(res, await this.documents.certificates(id));
  }
}
