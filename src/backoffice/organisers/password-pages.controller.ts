import { Body, Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '../../common/domain-error';
import { CsrfGuard } from '../../pages/csrf.guard';
import { validateAs } from '../../pages/dto-validation';
import { FormErrors, formErrors, NO_ERRORS, text } from '../../pages/form-errors';
import { PageRenderer } from '../../pages/page-renderer';
import type { FormBody } from '../../pages/registration-form';
import { ChoosePasswordDto } from './organiser-account.dto';
import { OrganiserAccountsService } from './organiser-accounts.service';

const WORDING = { password: 'Choisissez un mot de passe d’au moins 12 caractères.', confirmation: 'Saisissez le même mot de passe une seconde fois.' };

/** The one-time link of an invitation: the new organiser chooses their password (no session yet). */
@ApiExcludeController()
@Controller('gestion/mot-de-passe/:token')
export class PasswordPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly accounts: OrganiserAccountsService,
  ) {}

  @Get()
  async form(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const invitation = await this.accounts.openInvitation(token);
    this.sendForm(req, res, token, invitation.email, NO_ERRORS);
  }

  @Post()
  @UseGuards(CsrfGuard)
  async choose(@Param('token') token: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const invitation = await this.accounts.openInvitation(token);
    try {
      await this.accounts.choosePassword(token, await validateAs(ChoosePasswordDto, { password: text(body.password), confirmation: text(body.confirmation) }));
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(303, '/gestion/connexion?mot-de-passe=1');
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500 || error.status === 404) throw error;
      this.sendForm(req, res, token, invitation.email, formErrors(error, WORDING, ['password', 'confirmation']), error.status);
    }
  }

  private sendForm(req: Request, res: Response, token: string, email: string, errors: FormErrors, status = 200): void {
    this.pages.send(
      res,
      'gestion/choose-password',
      { title: 'Choisir votre mot de passe', invalid: errors.summary.length > 0 },
      {
        csrf: this.pages.csrfToken(req, res),
        action: `/gestion/mot-de-passe/${encodeURIComponent(token)}`,
        email,
        errors: errors.summary,
        errorsPlural: errors.summary.length > 1,
        fields: [
          {
            id: 'password',
            name: 'password',
            label: 'Mot de passe',
            type: 'password',
            autocomplete: 'new-password',
            required: true,
            hint: 'Au moins 12 caractères. Une phrase de plusieurs mots est plus sûre et plus facile à retenir.',
            value: '',
            error: errors.fields.password,
          },
          {
            id: 'confirmation',
            name: 'confirmation',
            label: 'Le même mot de passe, une seconde fois',
            type: 'password',
            autocomplete: 'new-password',
            required: true,
            value: '',
            error: errors.fields.confirmation,
          },
        ],
      },
      { status, personal: true },
    );
  }
}
