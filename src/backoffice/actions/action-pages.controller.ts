import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ActionsService } from '../../actions/actions.service';
import { ActionQueryDto, UpdateActionDto } from '../../actions/dto/action-input.dto';
import type { ActionResponseDto } from '../../actions/dto/action-response.dto';
import { DomainError } from '../../common/domain-error';
import { UuidPipe } from '../../common/uuid.pipe';
import { EventsService } from '../../events/events.service';
import { validateAs } from '../../pages/dto-validation';
import { FormErrors, formErrors, list, NO_ERRORS, optionalText, text } from '../../pages/form-errors';
import type { FormBody } from '../../pages/registration-form';
import { SessionQueryDto } from '../../programme/sessions/dto/session-input.dto';
import { SessionsService } from '../../programme/sessions/sessions.service';
import { DEPARTMENTS, ORGANISATION_TYPES, THEMES } from '../../reference/reference.data';
import { BackofficePages } from '../backoffice-pages';
import { BackofficePage, currentOrganiser } from '../backoffice.guard';

const ID = new UuidPipe('Page');
const STATUS: Record<string, { label: string; badge: string }> = {
  proposed: { label: 'Proposée', badge: 'fr-badge--new' },
  selected: { label: 'Retenue', badge: 'fr-badge--success' },
  rejected: { label: 'Refusée', badge: 'fr-badge--error' },
};
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
const ORDER = Object.keys(WORDING);
const ALL = { limit: 500, offset: 0 };

/** Highlighted actions: proposals to select or reject, edit, and the sessions that show them (ActionsService decides). */
@BackofficePage()
@Controller('gestion/evenements/:id/actions')
export class ActionPagesController {
  constructor(
    private readonly pages: BackofficePages,
    private readonly events: EventsService,
    private readonly actions: ActionsService,
    private readonly sessions: SessionsService,
  ) {}

  @Get()
  async list(@Param('id', ID) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const organiser = currentOrganiser(req).organiser;
    const event = await this.events.get(id, organiser);
    const [actions, sessions] = await Promise.all([
      this.actions.list(id, Object.assign(new ActionQueryDto(), ALL), organiser),
      this.sessions.list(id, Object.assign(new SessionQueryDto(), ALL), organiser),
    ]);
    const order = { proposed: 0, selected: 1, rejected: 2 } as Record<string, number>;
    const items = [...actions.items]
      .sort((a, b) => order[a.status] - order[b.status] || a.title.localeCompare(b.title, 'fr'))
      .map((a) => ({
        ...a,
        statusView: STATUS[a.status],
        proposed: a.status === 'proposed',
        canSelect: a.status !== 'selected',
        canReject: a.status !== 'rejected',
        sessions: sessions.items.filter((s) => s.actionIds.includes(a.id)).map((s) => ({ id: s.id, title: s.title })),
      }));
    this.pages.send(
      req,
      res,
      'gestion/actions',
      { title: `Actions remarquables — ${event.title}`, breadcrumb: [{ label: event.title, href: `/gestion/evenements/${id}` }], section: 'events' },
      {
        event: { id, title: event.title, slug: event.slug },
        items,
        proposedCount: items.filter((a) => a.proposed).length,
        notice:
          req.query.statut === 'selected'
            ? 'L’action est retenue : elle apparaît sur la page publique.'
            : req.query.statut === 'rejected'
              ? 'L’action est refusée.'
              : req.query.modifiee === '1'
                ? 'L’action est modifiée.'
                : null,
      },
    );
  }

  @Post(':actionId/statut')
  async moderate(@Param('id', ID) id: string, @Param('actionId', ID) actionId: string, @Body() body: FormBody, @Res() res: Response): Promise<void> {
    const input = await validateAs(UpdateActionDto, { status: text(body.status) });
    await this.actions.update(id, actionId, input);
    res.redirect(303, `/gestion/evenements/${id}/actions?statut=${input.status}`);
  }

  @Get(':actionId')
  async editForm(@Param('id', ID) id: string, @Param('actionId', ID) actionId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const action = await this.actions.get(id, actionId, currentOrganiser(req).organiser);
    await this.sendForm(req, res, id, action, { ...action, contactName: action.contactName ?? '', contactEmail: action.contactEmail ?? '', url: action.url ?? '' }, NO_ERRORS);
  }

  @Post(':actionId')
  async edit(@Param('id', ID) id: string, @Param('actionId', ID) actionId: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const action = await this.actions.get(id, actionId, currentOrganiser(req).organiser);
    const input = {
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
      await this.actions.update(id, actionId, await validateAs(UpdateActionDto, input));
      res.redirect(303, `/gestion/evenements/${id}/actions?modifiee=1`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500 || error.status === 404) throw error;
      await this.sendForm(req, res, id, action, body, formErrors(error, WORDING, ORDER, { departments: 'departments-0', themes: 'themes-0' }), error.status);
    }
  }

  private async sendForm(req: Request, res: Response, eventId: string, action: ActionResponseDto, body: FormBody, errors: FormErrors, status = 200): Promise<void> {
    const event = await this.events.get(eventId, currentOrganiser(req).organiser);
    const value = (k: string) => text(body[k]);
    const field = (k: string, label: string, extra: Record<string, unknown> = {}) => ({ id: k, name: k, label, value: value(k), error: errors.fields[k], ...extra });
    const checks = (k: string, legend: string, items: Array<{ code: string; label: string }>) => ({
      id: k,
      name: k,
      legend,
      multiple: true,
      small: true,
      error: errors.fields[k],
      options: items.map((i) => ({ ...i, selected: list(body[k]).includes(i.code) })),
    });
    this.pages.send(
      req,
      res,
      'gestion/action-form',
      {
        title: `Modifier l’action « ${action.title} »`,
        invalid: errors.summary.length > 0,
        breadcrumb: [
          { label: event.title, href: `/gestion/evenements/${eventId}` },
          { label: 'Actions remarquables', href: `/gestion/evenements/${eventId}/actions` },
        ],
        section: 'events',
      },
      {
        action: { id: action.id, title: action.title, eventId },
        errors: errors.summary,
        errorsPlural: errors.summary.length > 1,
        fields: [
          field('title', 'Titre', { required: true }),
          field('summary', 'Description', { required: true, multiline: true }),
          field('organisation', 'Organisation', { required: true }),
        ],
        organisationType: {
          ...field('organisationType', 'Type d’organisation', { required: true }),
          options: ORGANISATION_TYPES.map((t) => ({ ...t, selected: t.code === value('organisationType') })),
        },
        departments: checks(
          'departments',
          'Départements',
          DEPARTMENTS.slice(0, 13).map((d) => ({ code: d.code, label: `${d.label} (${d.code})` })),
        ),
        themes: checks('themes', 'Groupes de travail', THEMES),
        contact: [
          field('contactName', 'Nom du contact'),
          field('contactEmail', 'Adresse électronique du contact', { type: 'email', hint: 'Jamais publiée.' }),
          field('url', 'Site web', { type: 'url' }),
        ],
      },
      status,
    );
  }
}
