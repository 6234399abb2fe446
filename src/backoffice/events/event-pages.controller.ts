import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/domain-error';
import { UuidPipe } from '../../common/uuid.pipe';
import { CancelEventDto, CreateEventDto, UpdateEventDto } from '../../events/dto/event-input.dto';
import type { EventResponseDto } from '../../events/dto/event-response.dto';
import { EventsService } from '../../events/events.service';
import { validateAs } from '../../pages/dto-validation';
import { FormErrors, formErrors, NO_ERRORS, text } from '../../pages/form-errors';
import type { FormBody } from '../../pages/registration-form';
import { EventStatsService } from '../../registrations/admin/event-stats.service';
import { BackofficePages } from '../backoffice-pages';
import { BackofficePage, currentOrganiser } from '../backoffice.guard';
import { dashboardRow } from './event-dashboard.view';
import { EVENT_FIELD_ANCHORS, EVENT_FIELD_ORDER, eventFormView, eventInputFromForm, eventWording, formFromEvent, toFormFields } from './event-form';

/** A path id that is not a UUID names nothing: the 404 page. */
const ID = new UuidPipe('Page');

const refusable = (error: unknown): error is DomainError => error instanceof DomainError && error.status < 500 && error.status !== 429 && error.status !== 404;

/** Create, edit, publish and cancel an event: every rule is EventsService's (the API's). */
@BackofficePage()
@Controller('gestion/evenements')
export class EventPagesController {
  constructor(
    private readonly pages: BackofficePages,
    private readonly events: EventsService,
    private readonly stats: EventStatsService,
  ) {}

  @Get('nouveau')
  newForm(@Req() req: Request, @Res() res: Response): void {
    this.sendForm(req, res, null, { kind: 'conference', format: 'onsite' }, NO_ERRORS);
  }

  @Post()
  async create(@Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const event = await this.events.create(await validateAs(CreateEventDto, eventInputFromForm(body)));
      res.redirect(303, `/gestion/evenements/${event.id}?cree=1`);
    } catch (error) {
      if (!refusable(error)) throw error;
      this.sendForm(req, res, null, body, this.errorsOf(error), error.status);
    }
  }

  @Get(':id')
  async overview(@Param('id', ID) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.get(req, id);
    const stats = await this.stats.forEvent(id);
    this.pages.send(req, res, 'gestion/event', this.frame(event, event.title, false), {
      event: { ...dashboardRow(event, stats), draft: event.status === 'draft', cancelled: event.status === 'cancelled', cancelReason: event.cancelReason },
      created: req.query.cree === '1',
      published: req.query.publie === '1',
    });
  }

  @Get(':id/modifier')
  async editForm(@Param('id', ID) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.get(req, id);
    this.sendForm(req, res, event, formFromEvent(event), NO_ERRORS);
  }

  @Post(':id/modifier')
  async edit(@Param('id', ID) id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.get(req, id);
    try {
      await this.events.update(id, await validateAs(UpdateEventDto, eventInputFromForm(body, event.timezone)));
      res.redirect(303, `/gestion/evenements/${id}`);
    } catch (error) {
      if (!refusable(error)) throw error;
      this.sendForm(req, res, event, body, this.errorsOf(error), error.status);
    }
  }

  @Get(':id/publication')
  async publishConfirm(@Param('id', ID) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.get(req, id);
    this.pages.send(req, res, 'gestion/event-publish', this.frame(event, 'Publier l’événement'), { event: { id, title: event.title, draft: event.status === 'draft' } });
  }

  @Post(':id/publication')
  async publish(@Param('id', ID) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.get(req, id);
    try {
      await this.events.publish(id);
      res.redirect(303, `/gestion/evenements/${id}?publie=1`);
    } catch (error) {
      if (!refusable(error)) throw error;
      this.pages.send(
        req,
        res,
        'gestion/event-publish',
        this.frame(event, 'Publier l’événement', true),
        { event: { id, title: event.title }, errors: [{ href: null, message: error.detail }] },
        error.status,
      );
    }
  }

  @Get(':id/annulation')
  async cancelConfirm(@Param('id', ID) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.sendCancel(req, res, await this.get(req, id), '', NO_ERRORS);
  }

  @Post(':id/annulation')
  async cancel(@Param('id', ID) id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.get(req, id);
    try {
      const { reason } = await validateAs(CancelEventDto, { reason: text(body.reason).trim() });
      await this.events.cancel(id, reason);
      res.redirect(303, `/gestion/evenements/${id}`);
    } catch (error) {
      if (!refusable(error)) throw error;
      const errors = formErrors(error, { reason: 'Expliquez la raison de l’annulation (de 3 à 2 000 caractères) : elle est écrite aux inscrits.' }, ['reason']);
      await this.sendCancel(req, res, event, text(body.reason), errors, error.status);
    }
  }

  private async sendCancel(req: Request, res: Response, event: EventResponseDto, reason: string, errors: FormErrors, status = 200): Promise<void> {
    const stats = await this.stats.forEvent(event.id);
    const emailed = stats.registrations.confirmed + stats.registrations.waitlisted;
    this.pages.send(
      req,
      res,
      'gestion/event-cancel',
      this.frame(event, 'Annuler l’événement', errors.summary.length > 0),
      {
        event: { id: event.id, title: event.title, cancelled: event.status === 'cancelled' },
        emailed,
        emailedText:
          emailed === 0
            ? 'Personne n’est inscrit : aucun courriel ne partira.'
            : emailed === 1
              ? '1 personne inscrite (confirmée ou en liste d’attente) recevra un courriel d’annulation.'
              : `${emailed} personnes inscrites (confirmées ou en liste d’attente) recevront un courriel d’annulation.`,
        errors: errors.summary,
        reason: {
          id: 'reason',
          name: 'reason',
          label: 'Raison de l’annulation',
          multiline: true,
          required: true,
          hint: 'Elle figure dans le courriel envoyé aux inscrits.',
          value: reason,
          error: errors.fields.reason,
        },
      },
      status,
    );
  }

  private errorsOf(error: DomainError): FormErrors {
    const named = toFormFields(error);
    return formErrors(named, eventWording(named), EVENT_FIELD_ORDER, EVENT_FIELD_ANCHORS);
  }

  private sendForm(req: Request, res: Response, event: EventResponseDto | null, body: FormBody, errors: FormErrors, status = 200): void {
    const title = event ? 'Modifier l’événement' : 'Créer un événement';
    const frame = event ? this.frame(event, title, errors.summary.length > 0) : { title, invalid: errors.summary.length > 0, section: 'events' as const };
    this.pages.send(
      req,
      res,
      'gestion/event-form',
      frame,
      {
        heading: title,
        action: event ? `/gestion/evenements/${event.id}/modifier` : '/gestion/evenements',
        submit: event ? 'Enregistrer les modifications' : 'Créer l’événement (brouillon)',
        cancelHref: event ? `/gestion/evenements/${event.id}` : '/gestion',
        errors: errors.summary,
        errorsPlural: errors.summary.length > 1,
        form: eventFormView(body, errors.fields),
      },
      status,
    );
  }

  private frame(event: EventResponseDto, title: string, invalid = false) {
    const breadcrumb = title === event.title ? [] : [{ label: event.title, href: `/gestion/evenements/${event.id}` }];
    return { title, invalid, breadcrumb, section: 'events' as const };
  }

  private get(req: Request, id: string): Promise<EventResponseDto> {
    return this.events.get(id, currentOrganiser(req).organiser);
  }
}
