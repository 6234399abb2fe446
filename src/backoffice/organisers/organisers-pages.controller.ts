import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/domain-error';
import { formatFrenchAt } from '../../common/time';
import { UuidPipe } from '../../common/uuid.pipe';
import { validateAs } from '../../pages/dto-validation';
import { FormErrors, formErrors, NO_ERRORS, text } from '../../pages/form-errors';
import type { FormBody } from '../../pages/registration-form';
import { BackofficePages } from '../backoffice-pages';
import { BackofficePage, currentOrganiser } from '../backoffice.guard';
import { InviteOrganiserDto } from './organiser-account.dto';
import { OrganiserAccountsService } from './organiser-accounts.service';

const ID = new UuidPipe('Organiser');
const WORDING = { email: 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.', name: 'Indiquez le prénom et le nom (200 caractères au plus).' };

/** `/gestion/organisateurs`: who may use the back office; invite, deactivate. */
@BackofficePage()
@Controller('gestion/organisateurs')
export class OrganisersPagesController {
  constructor(
    private readonly pages: BackofficePages,
    private readonly accounts: OrganiserAccountsService,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(req, res, {}, NO_ERRORS);
  }

  @Post()
  async invite(@Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      await this.accounts.invite(await validateAs(InviteOrganiserDto, { email: text(body.email).trim(), name: text(body.name).trim() }), currentOrganiser(req).organiser);
      res.redirect(303, '/gestion/organisateurs?invite=1');
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      const errors =
        error.code === 'organiser-exists'
          ? { fields: { email: error.detail }, summary: [{ href: '#email', message: error.detail }] }
          : formErrors(error, WORDING, ['name', 'email']);
      await this.send(req, res, body, errors, error.status);
    }
  }

  @Post(':organiserId/desactivation')
  async deactivate(@Param('organiserId', ID) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      await this.accounts.deactivate(id, currentOrganiser(req).organiser);
      res.redirect(303, '/gestion/organisateurs?desactive=1');
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      await this.send(req, res, {}, { fields: {}, summary: [{ href: null, message: error.detail }] }, error.status, 'Désactivation impossible');
    }
  }

  private async send(req: Request, res: Response, body: FormBody, errors: FormErrors, status = 200, errorsTitle?: string): Promise<void> {
    const me = currentOrganiser(req).organiser;
    const organisers = (await this.accounts.list()).map((o) => ({
      id: o.id,
      name: o.name ?? '—',
      email: o.email,
      me: o.id === me.id,
      active: !o.deactivatedAt,
      status: o.deactivatedAt
        ? { label: 'Désactivé', badge: 'fr-badge--error' }
        : o.hasPassword
          ? { label: 'Actif', badge: 'fr-badge--success' }
          : {
              label: o.invitationExpiresAt ? `Invité (lien valable jusqu’au ${formatFrenchAt(new Date(o.invitationExpiresAt), 'Europe/Paris')})` : 'Invité (lien expiré)',
              badge: 'fr-badge--info',
            },
    }));
    this.pages.send(
      req,
      res,
      'gestion/organisers',
      { title: 'Organisateurs', invalid: errors.summary.length > 0, section: 'organisers' },
      {
        organisers,
        invited: req.query.invite === '1',
        deactivated: req.query.desactive === '1',
        errors: errors.summary,
        errorsTitle,
        fields: [
          { id: 'name', name: 'name', label: 'Prénom et nom', required: true, autocomplete: 'off', value: text(body.name), error: errors.fields.name },
          {
            id: 'email',
            name: 'email',
            label: 'Adresse électronique',
            type: 'email',
            required: true,
            autocomplete: 'off',
            value: text(body.email),
            error: errors.fields.email,
            hint: 'Le lien pour choisir le mot de passe y est envoyé ; il expire après 48 heures.',
          },
        ],
      },
      status,
    );
  }
}
