import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/domain-error';
import { UuidPipe } from '../../common/uuid.pipe';
import { EventsRepository } from '../../events/events.repository';
import { BroadcastDto, MessageQueryDto } from '../../notifications/messages/dto/message.dto';
import { MessagesService } from '../../notifications/messages/messages.service';
import { validateAs } from '../../pages/dto-validation';
import { formErrors, FormErrors, NO_ERRORS, text } from '../../pages/form-errors';
import { EventStatsService } from '../../registrations/admin/event-stats.service';
import { requireEvent } from '../../registrations/admin/require-event';
import { BackofficePages } from '../backoffice-pages';
import { BackofficePage } from '../backoffice.guard';
import { eventOfficeFrame } from '../event-office-frame';
import { isoLabel, MESSAGE_STATUS_LABELS, reasonLabel } from '../registrations/registration-labels';

const eventId = new UuidPipe('Event');
const messageId = new UuidPipe('Message');
const PAGE_SIZE = 100;

const AUDIENCES = [
  { code: 'confirmed', label: 'Les inscrits confirmés' },
  { code: 'waitlisted', label: 'Les personnes en liste d’attente' },
  { code: 'all', label: 'Tout le monde (confirmés et liste d’attente)' },
  { code: 'session', label: 'Les participants d’un atelier' },
];
const WORDING = {
  subject: 'L’objet doit faire entre 3 et 200 caractères.',
  body: 'Le message doit faire entre 3 et 10 000 caractères.',
  audience: 'Choisissez à qui écrire.',
  sessionId: 'Choisissez l’atelier dont les participants recevront le message.',
};

type BroadcastForm = { subject: string; body: string; audience: string; sessionId: string };

/** `/gestion/evenements/{id}/messages`: the event's outbox, retrying a dead message, and writing to an audience after a preview. */
@BackofficePage()
@Controller('gestion/evenements/:id/messages')
export class MessagesPagesController {
  constructor(
    private readonly pages: BackofficePages,
    private readonly events: EventsRepository,
    private readonly messages: MessagesService,
    private readonly stats: EventStatsService,
  ) {}

  @Get()
  async outbox(
    @Param('id', eventId) id: string,
    @Query('status') status: unknown,
    @Query('envoye') queued: unknown,
    @Query('relance') retried: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const event = await requireEvent(this.events, id);
    const wanted = typeof status === 'string' && status in MESSAGE_STATUS_LABELS ? status : undefined;
    const query = await validateAs(MessageQueryDto, { status: wanted, limit: PAGE_SIZE, offset: 0 });
    const { items, total } = await this.messages.list(event.id, query);
    this.pages.send(req, res, 'gestion/messages', eventOfficeFrame(event, 'Messages'), {
      event: { id: event.id, title: event.title },
      total,
      shown: items.length,
      queued: typeof queued === 'string' && /^\d+$/.test(queued) ? Number(queued) : null,
      retried: retried === '1',
      statuses: Object.entries(MESSAGE_STATUS_LABELS).map(([code, label]) => ({ code, label, selected: code === wanted })),
      rows: items.map((m) => ({
        ...m,
        reason: reasonLabel(m.reason),
        statusLabel: MESSAGE_STATUS_LABELS[m.status] ?? m.status,
        dead: m.status === 'dead',
        sentAt: isoLabel(m.sentAt),
        createdAt: isoLabel(m.createdAt),
      })),
    });
  }

  @Post(':messageId/relancer')
  async retry(@Param('id', eventId) id: string, @Param('messageId', messageId) message: string, @Res() res: Response): Promise<void> {
    await this.messages.retry(id, message);
    res.redirect(303, `/gestion/evenements/${id}/messages?relance=1`);
  }

  @Get('nouveau')
  async form(@Param('id', eventId) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.renderForm(req, res, id, { subject: '', body: '', audience: 'confirmed', sessionId: '' }, NO_ERRORS);
  }

  /** Back from the preview to the form, with what was written. */
  @Post('nouveau')
  async edit(@Param('id', eventId) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.renderForm(req, res, id, formOf(rawForm(req)), NO_ERRORS);
  }

  /** The preview: the message as written and how many people it will reach; nothing is sent yet. */
  @Post('apercu')
  async preview(@Param('id', eventId) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = formOf(rawForm(req));
    try {
      const input = await validateAs(BroadcastDto, inputOf(form));
      const count = await this.messages.audienceSize(id, input.audience, input.audience === 'session' ? input.sessionId! : null);
      const event = await requireEvent(this.events, id);
      const sessions = (await this.stats.needs(event.id)).sessions;
      // The message as it will be received (its text version), from the same templates.
      const mail = this.messages.preview(event, input);
      this.pages.send(req, res, 'gestion/broadcast-preview', eventOfficeFrame(event, 'Aperçu du message'), {
        event: { id: event.id, title: event.title },
        form: { ...form, subject: input.subject, body: input.body },
        mail: {
          subject: mail.subject,
          paragraphs: mail.text
            .trim()
            .split(/\n{2,}/)
            .map((p) => p.split('\n')),
        },
        audienceLabel:
          input.audience === 'session'
            ? `Les participants de l’atelier « ${sessions.find((s) => s.sessionId === input.sessionId)?.title ?? ''} »`
            : AUDIENCES.find((a) => a.code === input.audience)!.label,
        count,
        nobody: count === 0,
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.status !== 422) throw error;
      await this.renderForm(req, res, id, form, formErrors(error, WORDING, ['subject', 'body', 'audience', 'sessionId']), 422);
    }
  }

  @Post()
  async send(@Param('id', eventId) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = formOf(rawForm(req));
    try {
      const { queued } = await this.messages.broadcast(id, await validateAs(BroadcastDto, inputOf(form)));
      res.redirect(303, `/gestion/evenements/${id}/messages?envoye=${queued}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status !== 422) throw error;
      await this.renderForm(req, res, id, form, formErrors(error, WORDING, ['subject', 'body', 'audience', 'sessionId']), 422);
    }
  }

  private async renderForm(req: Request, res: Response, id: string, form: BroadcastForm, errors: FormErrors, status = 200): Promise<void> {
    const event = await requireEvent(this.events, id);
    const workshops = (await this.stats.needs(event.id)).sessions;
    this.pages.send(
      req,
      res,
      'gestion/broadcast',
      { ...eventOfficeFrame(event, 'Écrire aux participants'), invalid: errors.summary.length > 0 },
      {
        event: { id: event.id, title: event.title },
        errors: errors.summary,
        errorsPlural: errors.summary.length > 1,
        subject: { id: 'subject', name: 'subject', label: 'Objet', required: true, value: form.subject, error: errors.fields.subject },
        body: {
          id: 'body',
          name: 'body',
          label: 'Message',
          hint: 'Texte simple ; une ligne vide sépare les paragraphes. Le lien de gestion de chaque personne est ajouté à la fin.',
          multiline: true,
          required: true,
          value: form.body,
          error: errors.fields.body,
        },
        audiences: AUDIENCES.map((a) => ({ ...a, checked: a.code === form.audience })),
        audienceError: errors.fields.audience,
        sessionError: errors.fields.sessionId,
        workshops: workshops.map((s) => ({ code: s.sessionId, label: s.title, selected: s.sessionId === form.sessionId })),
      },
      status,
    );
  }
}

const formOf = (body: Record<string, unknown>): BroadcastForm => ({
  subject: text(body.subject),
  body: text(body.body),
  audience: text(body.audience),
  sessionId: text(body.sessionId),
});

const inputOf = (form: BroadcastForm) => ({
  subject: form.subject,
  body: form.body,
  audience: form.audience,
  ...(form.audience === 'session' ? { sessionId: form.sessionId } : {}),
});

/**
 * The form as sent, read past the generic body pipe: a message spans lines, which only the DTO
 * (`BroadcastDto.body` is `@MultiLine()`) may allow; validateAs then applies every rule of the API.
 */
const rawForm = (req: Request): Record<string, unknown> => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});
