import { awaitsAllocation } from '../events/event-rules';
import { Body, Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { PublicRateLimitGuard } from '../common/public-rate-limit.guard';
import type { EventResponseDto } from '../events/dto/event-response.dto';
import { EventsService } from '../events/events.service';
import type { ProgrammeDto } from '../programme/programme-view/programme.dto';
import { RegisterDto } from '../registrations/dto/register.dto';
import type { RegistrationCreatedDto } from '../registrations/dto/registration-response.dto';
import { RegisterService } from '../registrations/register.service';
import { CsrfGuard } from './csrf.guard';
import { validateAs } from './dto-validation';
import { availabilityOf } from './event-view';
import { FormErrors, formErrors, NO_ERRORS } from './form-errors';
import { manageLinkOf } from '../notifications/manage-links';
import { PageRenderer } from './page-renderer';
import { ProgrammeReader } from './programme-reader';
import {
  chosenWorkshops,
  detailFields,
  FormBody,
  FormValues,
  REGISTRATION_ANCHORS,
  REGISTRATION_ORDER,
  REGISTRATION_WORDING,
  registrationFromForm,
  sessionIndex,
  valuesFromBody,
  workshopGroups,
  rankGroups,
} from './registration-form';

/** The registration form: it posts to the same RegisterService as POST /api/events/{id}/registrations. */
@ApiExcludeController()
@Controller('evenements/:slug/inscription')
export class RegistrationPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly programmes: ProgrammeReader,
    private readonly registrations: RegisterService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async form(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.events.get(slug);
    const programme = await this.programmes.read(event.id);
    this.sendForm(req, res, event, programme, {}, NO_ERRORS);
  }

  @Post()
  @UseGuards(CsrfGuard, PublicRateLimitGuard)
  async submit(@Param('slug') slug: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    // The programme names the event (id, format, title) and the chosen workshops: one recent read serves both.
    const programme = await this.programmes.readRecent(slug);
    const event = programme.event;
    let created: RegistrationCreatedDto;
    try {
      const input = await validateAs(RegisterDto, registrationFromForm(body, event));
      created = await this.registrations.register(event.id, input);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500 || error.status === 429) throw error;
      const errors = formErrors(error, REGISTRATION_WORDING, REGISTRATION_ORDER, REGISTRATION_ANCHORS);
      // The event may have closed or filled since the form was shown: show it as it is now.
      const fresh = await this.events.get(slug);
      return this.sendForm(req, res, fresh, await this.programmes.read(event.id), valuesFromBody(body), errors, error.status);
    }
    const sessions = sessionIndex(
      programme,
      created.sessions.map((c) => c.sessionId),
    );
    this.pages.send(
      res,
      'registration-done',
      {
        title: created.status === 'confirmed' ? 'Inscription confirmée' : 'Inscription sur liste d’attente',
        breadcrumb: [{ label: event.title, href: `/evenements/${event.slug}` }],
      },
      {
        event: { title: event.title, slug: event.slug },
        confirmed: created.status === 'confirmed',
        // The badge is for those who come in person (the documents module's rule, worded here only).
        onsite: event.format === 'onsite' || (event.format === 'hybrid' && text(body.attendanceMode) === 'onsite'),
        waitlistPosition: created.waitlistPosition,
        email: text(body.email).trim().toLowerCase(),
        workshops: created.sessions.map((c) => ({ ...(sessions.get(c.sessionId) ?? { title: 'Atelier', when: '' }), confirmed: c.status === 'confirmed' })),
        manage: manageLinkOf(this.pages.config, created.manageToken),
      },
      { status: 201, personal: true },
    );
  }

  private sendForm(req: Request, res: Response, event: EventResponseDto, programme: ProgrammeDto, values: FormValues, errors: FormErrors, status = 200): void {
    const availability = availabilityOf(event, this.clock.now());
    this.pages.send(
      res,
      'registration-form',
      { title: `Inscription — ${event.title}`, invalid: errors.summary.length > 0, breadcrumb: [{ label: event.title, href: `/evenements/${event.slug}` }] },
      {
        event: { title: event.title, slug: event.slug },
        availability,
        csrf: this.pages.csrfToken(req, res),
        errors: errors.summary,
        errorsPlural: errors.summary.length > 1,
        ...detailFields(values, errors, event),
        workshops: awaitsAllocation(event) ? [] : workshopGroups(programme, chosenWorkshops(values).length ? (values.sessionIds as string[]) : [], errors.fields.sessionIds),
        rankGroups: awaitsAllocation(event) ? rankGroups(programme, values) : [],
        workshopsError: errors.fields.sessionIds ?? errors.fields.preferences,
        consent: { checked: values.consent === 'true', error: errors.fields.consent },
      },
      { status },
    );
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
