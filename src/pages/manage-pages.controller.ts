import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { PublicRateLimitGuard } from '../common/public-rate-limit.guard';
import { EventQueryDto } from '../events/dto/event-query.dto';
import { EventsService } from '../events/events.service';
import { LinkRequestDto } from '../registrations/dto/register.dto';
import type { RegistrationDto } from '../registrations/dto/registration-response.dto';
import { UpdateRegistrationDto } from '../registrations/dto/update-registration.dto';
import { ManageLinkRequestService } from '../registrations/manage-link-request.service';
import { SelfServiceService } from '../registrations/self-service.service';
import { CsrfGuard } from './csrf.guard';
import { validateAs } from './dto-validation';
import { FormErrors, formErrors, NO_ERRORS, text } from './form-errors';
import { manageLinkOf } from '../notifications/manage-links';
import { toManagePage, valuesOf } from './manage-view';
import { PageRenderer } from './page-renderer';
import { ProgrammeReader } from './programme-reader';
import { chosenWorkshops, detailsFromForm, FormBody, FormValues, REGISTRATION_ANCHORS, REGISTRATION_ORDER, REGISTRATION_WORDING, valuesFromBody } from './registration-form';

const LOST_LINK_WORDING = { email: REGISTRATION_WORDING.email, event: 'Choisissez l’événement auquel vous êtes inscrit·e.' };
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The registrant's own pages: the manage page (the link in every email) and "I lost my link". */
@ApiExcludeController()
@Controller('inscription')
export class ManagePagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly programmes: ProgrammeReader,
    private readonly selfService: SelfServiceService,
    private readonly linkRequests: ManageLinkRequestService,
    private readonly clock: Clock,
  ) {}

  @Get('lien-perdu')
  async lostLink(@Query('evenement') slug: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.sendLostLink(req, res, { event: text(slug) }, NO_ERRORS);
  }

  @Post('lien-perdu')
  @UseGuards(CsrfGuard, PublicRateLimitGuard)
  async requestLink(@Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const slug = text(body.event);
    const errors: FormErrors = { fields: {}, summary: [] };
    let email = '';
    try {
      email = (await validateAs(LinkRequestDto, { email: text(body.email) })).email;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors.fields.email = LOST_LINK_WORDING.email;
    }
    const event = slug ? await this.events.get(slug).catch(() => null) : null;
    if (!event) errors.fields.event = LOST_LINK_WORDING.event;
    if (!event || errors.fields.email) {
      errors.summary = (['event', 'email'] as const).filter((f) => errors.fields[f]).map((f) => ({ href: `#${f}`, message: errors.fields[f] }));
      return this.sendLostLink(req, res, { event: slug, email: text(body.email) }, errors, 422);
    }
    await this.linkRequests.request(event.id, email);
    this.pages.send(
      res,
      'lost-link-sent',
      { title: 'Lien envoyé', breadcrumb: [{ label: 'Retrouver mon inscription', href: '/inscription/lien-perdu' }] },
      { email, event: { title: event.title, slug: event.slug } },
    );
  }

  @Get(':token')
  async manage(@Param('token') token: string, @Query('modifie') changed: string | undefined, @Res() res: Response): Promise<void> {
    const registration = await this.selfService.get(token);
    await this.sendManage(res, token, registration, valuesOf(registration), NO_ERRORS, 200, changed === '1');
  }

  @Post(':token')
  @UseGuards(CsrfGuard)
  async change(@Param('token') token: string, @Body() body: FormBody, @Res() res: Response): Promise<void> {
    const current = await this.selfService.get(token);
    const event = await this.events.get(current.event.id);
    const chosen = chosenWorkshops(body);
    const workshopsShown = text(body.ateliers) === '1';
    const changes = {
      ...detailsFromForm(body, event),
      ...(workshopsShown &&
      !sameSet(
        chosen,
        current.sessions.map((s) => s.sessionId),
      )
        ? { sessionIds: chosen }
        : {}),
    };
    try {
      await this.selfService.update(token, await validateAs(UpdateRegistrationDto, changes));
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500 || error.status === 401) throw error;
      const errors = formErrors(error, REGISTRATION_WORDING, REGISTRATION_ORDER, REGISTRATION_ANCHORS);
      const values: FormValues = { ...valuesFromBody(body), ...(workshopsShown ? {} : { sessionIds: current.sessions.map((s) => s.sessionId) }) };
      return this.sendManage(res, token, await this.selfService.get(token), values, errors, error.status);
    }
    // Post/redirect/get: reloading the page does not send the form again.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.redirect(303, `${manageLinkOf(this.pages.config, token).path}?modifie=1`);
  }

  @Get(':token/annulation')
  async confirmCancel(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const registration = await this.selfService.get(token);
    this.pages.send(
      res,
      'manage-cancel',
      { title: 'Annuler mon inscription', breadcrumb: [{ label: 'Mon inscription', href: manageLinkOf(this.pages.config, token).path }] },
      { token, csrf: this.pages.csrfToken(req, res), cancelled: registration.status === 'cancelled', event: { title: registration.event.title } },
      { personal: true },
    );
  }

  @Post(':token/annulation')
  @UseGuards(CsrfGuard)
  async cancel(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const before = await this.selfService.get(token);
    const registration = before.status === 'cancelled' ? before : await this.selfService.cancel(token);
    const event = await this.events.get(registration.event.id);
    this.pages.send(
      res,
      'manage-cancelled',
      { title: 'Inscription annulée', breadcrumb: [{ label: 'Mon inscription', href: manageLinkOf(this.pages.config, token).path }] },
      { event: { title: event.title, slug: event.slug }, email: registration.email, open: event.registrationOpen },
      { personal: true },
    );
  }

  private async sendManage(res: Response, token: string, registration: RegistrationDto, values: FormValues, errors: FormErrors, status = 200, changed = false): Promise<void> {
    const event = await this.events.get(registration.event.id);
    const programme = await this.programmes.read(event.id);
    const view = toManagePage(registration, event, programme, token, values, errors, this.clock.now());
    const req = res.req;
    this.pages.send(
      res,
      'manage',
      { title: `Mon inscription — ${event.title}`, invalid: errors.summary.length > 0 },
      { ...view, changed, csrf: this.pages.csrfToken(req, res) },
      { status, personal: true },
    );
  }

  private async sendLostLink(req: Request, res: Response, values: Record<string, string>, errors: FormErrors, status = 200): Promise<void> {
    const { items } = await this.events.list(await validateAs(EventQueryDto, { limit: '100' }));
    this.pages.send(
      res,
      'lost-link',
      { title: `Retrouver mon inscription`, invalid: errors.summary.length > 0 },
      {
        csrf: this.pages.csrfToken(req, res),
        errors: errors.summary,
        errorsPlural: errors.summary.length > 1,
        event: {
          id: 'event',
          name: 'event',
          label: 'Événement',
          required: true,
          error: errors.fields.event,
          placeholder: 'Choisissez l’événement',
          options: items.map((e) => ({ code: e.slug, label: e.title, selected: e.slug === values.event })),
        },
        email: {
          id: 'email',
          name: 'email',
          label: 'Adresse électronique utilisée pour l’inscription',
          type: 'email',
          autocomplete: 'email',
          required: true,
          value: values.email ?? '',
          error: errors.fields.email,
        },
      },
      { status },
    );
  }
}
