import { Body, Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ActionsService } from '../actions/actions.service';
import { ProposeActionDto } from '../actions/dto/action-input.dto';
import { DomainError } from '../common/domain-error';
import { PublicRateLimitGuard } from '../common/public-rate-limit.guard';
import type { EventResponseDto } from '../events/dto/event-response.dto';
import { EventsService } from '../events/events.service';
import { DEPARTMENTS, ORGANISATION_TYPES, THEMES } from '../reference/reference.data';
import { CsrfGuard } from './csrf.guard';
import { validateAs } from './dto-validation';
import { FormErrors, formErrors, list, NO_ERRORS, optionalText, text } from './form-errors';
import { PageRenderer } from './page-renderer';
import type { FormBody } from './registration-form';

const WORDING: Record<string, string> = {
  title: 'Donnez un titre à l’action (de 3 à 200 caractères).',
  summary: 'Décrivez l’action en quelques phrases (de 10 à 2 000 caractères).',
  organisation: 'Indiquez l’organisation qui porte l’action (de 2 à 200 caractères).',
  organisationType: 'Choisissez le type de l’organisation.',
  departments: 'Choisissez les départements dans la liste.',
  themes: 'Choisissez les groupes de travail dans la liste.',
  contactName: 'Le nom du contact compte 200 caractères au plus.',
  contactEmail: 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.',
  url: 'Saisissez une adresse web complète, commençant par https://.',
};
const ORDER = ['title', 'summary', 'organisation', 'organisationType', 'departments', 'themes', 'contactName', 'contactEmail', 'url'];
const ANCHORS = { departments: 'departments-0', themes: 'themes-0' };
const OCCITANIE = DEPARTMENTS.slice(0, 13);

/** The call for highlighted actions: it posts to the same ActionsService as the API's proposals. */
@ApiExcludeController()
@Controller('evenements/:slug/proposer-une-action')
export class ActionPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly actions: ActionsService,
  ) {}

  @Get()
  async form(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.sendForm(req, res, await this.events.get(slug), {}, NO_ERRORS);
  }

  @Post()
  @UseGuards(CsrfGuard, PublicRateLimitGuard)
  async submit(@Param('slug') slug: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.events.get(slug);
    const proposal = {
      title: text(body.title).trim(),
      summary: text(body.summary).trim(),
      organisation: text(body.organisation).trim(),
      organisationType: text(body.organisationType),
      departments: list(body.departments),
      themes: list(body.themes),
      contactName: optionalText(body.contactName)?.trim() ?? null,
      contactEmail: optionalText(body.contactEmail)?.trim() ?? null,
      url: optionalText(body.url)?.trim() ?? null,
    };
    try {
      await this.actions.propose(event.id, await validateAs(ProposeActionDto, proposal));
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500 || error.status === 429) throw error;
      return this.sendForm(req, res, event, body, formErrors(error, WORDING, ORDER, ANCHORS), error.status);
    }
    this.pages.send(
      res,
      'action-proposed',
      { title: 'Proposition envoyée', breadcrumb: [{ label: event.title, href: `/evenements/${event.slug}` }] },
      { event: { title: event.title, slug: event.slug }, title: proposal.title },
      { status: 201 },
    );
  }

  private sendForm(req: Request, res: Response, event: EventResponseDto, body: FormBody, errors: FormErrors, status = 200): void {
    const value = (k: string) => text(body[k]);
    const field = (id: string, label: string, extra: Record<string, unknown> = {}) => ({ id, name: id, label, value: value(id), error: errors.fields[id], ...extra });
    const checks = (id: string, legend: string, items: Array<{ code: string; label: string }>, hint: string) => ({
      id,
      name: id,
      legend,
      hint,
      multiple: true,
      error: errors.fields[id],
      options: items.map((i) => ({ ...i, selected: list(body[id]).includes(i.code) })),
    });
    this.pages.send(
      res,
      'propose-action',
      { title: `Proposer une action — ${event.title}`, invalid: errors.summary.length > 0, breadcrumb: [{ label: event.title, href: `/evenements/${event.slug}` }] },
      {
        event: { title: event.title, slug: event.slug },
        closed: event.status !== 'published',
        csrf: this.pages.csrfToken(req, res),
        errors: errors.summary,
        errorsPlural: errors.summary.length > 1,
        fields: [
          field('title', 'Titre de l’action', { required: true }),
          field('summary', 'Description', { required: true, multiline: true, hint: 'Ce que fait l’action, pour qui, avec quels résultats (2 000 caractères au plus).' }),
          field('organisation', 'Organisation qui porte l’action', { required: true }),
        ],
        organisationType: {
          ...field('organisationType', 'Type d’organisation', { required: true }),
          options: ORGANISATION_TYPES.map((t) => ({ ...t, selected: t.code === value('organisationType') })),
        },
        departments: checks(
          'departments',
          'Départements où l’action est menée',
          OCCITANIE.map((d) => ({ code: d.code, label: `${d.label} (${d.code})` })),
          'Cochez un ou plusieurs départements.',
        ),
        themes: checks('themes', 'Groupes de travail concernés', THEMES, 'Cochez un ou plusieurs groupes de travail.'),
        contact: [
          field('contactName', 'Nom du contact', { autocomplete: 'name', hint: 'Facultatif.' }),
          field('contactEmail', 'Adresse électronique du contact', { type: 'email', autocomplete: 'email', hint: 'Facultatif. Elle n’est jamais publiée.' }),
          field('url', 'Site web de l’action', { type: 'url', hint: 'Facultatif. Adresse complète, par exemple https://www.exemple.fr/action.' }),
        ],
      },
      { status },
    );
  }
}
