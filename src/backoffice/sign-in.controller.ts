import { Body, Controller, Get, Inject, Ip, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LoginDto } from '../auth/dto/login.dto';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CsrfGuard } from '../pages/csrf.guard';
import { readCookie } from '../pages/csrf';
import { validateAs } from '../pages/dto-validation';
import { FormErrors, formErrors, NO_ERRORS, text } from '../pages/form-errors';
import { PageRenderer } from '../pages/page-renderer';
import type { FormBody } from '../pages/registration-form';
import { BackofficeGuard, safeReturnPath, SignedIn, SignInRedirectFilter } from './backoffice.guard';
import { BackofficeSessionsService, BackofficeSignedIn } from './sessions/backoffice-sessions.service';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './sessions/session-cookie';

const WORDING = {
  email: 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.',
  password: 'Saisissez votre mot de passe.',
};

/** Signing in to the back office (email + password, the API's own check) and out. */
@ApiExcludeController()
@Controller('gestion')
export class SignInController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: BackofficeSessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('connexion')
  async form(@Query('suite') suite: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (await this.sessions.resolve(readCookie(req, SESSION_COOKIE))) return res.redirect(303, safeReturnPath(suite) ?? '/gestion');
    this.sendForm(req, res, { suite: safeReturnPath(suite) ?? '' }, NO_ERRORS);
  }

  @Post('connexion')
  @UseGuards(CsrfGuard)
  async signIn(@Body() body: FormBody, @Ip() address: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const returnTo = safeReturnPath(text(body.suite)) ?? '/gestion';
    try {
      const input = await validateAs(LoginDto, { email: text(body.email).trim(), password: text(body.password) });
      const { token } = await this.sessions.signIn(input.email, input.password, address);
      setSessionCookie(res, this.config, token);
      res.setHeader('Cache-Control', 'no-store');
      return res.redirect(303, returnTo);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      const errors = error.code === 'validation' ? formErrors(error, WORDING, ['email', 'password']) : { fields: {}, summary: [{ href: null, message: error.detail }] };
      this.sendForm(req, res, { email: text(body.email), suite: returnTo }, errors, error.status);
    }
  }

  @Post('deconnexion')
  @UseGuards(BackofficeGuard)
  @UseFilters(SignInRedirectFilter)
  async signOut(@SignedIn() who: BackofficeSignedIn, @Res() res: Response): Promise<void> {
    await this.sessions.signOut(who.sessionId);
    clearSessionCookie(res, this.config);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, '/gestion/connexion?deconnecte=1');
  }

  private sendForm(req: Request, res: Response, values: { email?: string; suite: string }, errors: FormErrors, status = 200): void {
    this.pages.send(
      res,
      'gestion/sign-in',
      { title: 'Connexion à la gestion', invalid: errors.summary.length > 0, breadcrumb: [] },
      {
        csrf: this.pages.csrfToken(req, res),
        suite: values.suite,
        signedOut: req.query.deconnecte === '1' && status === 200,
        passwordSet: req.query['mot-de-passe'] === '1' && status === 200,
        errors: errors.summary,
        errorsTitle: errors.summary.length && !Object.keys(errors.fields).length ? 'Connexion impossible' : undefined,
        email: {
          id: 'email',
          name: 'email',
          label: 'Adresse électronique',
          type: 'email',
          autocomplete: 'username',
          required: true,
          value: values.email ?? '',
          error: errors.fields.email,
        },
        password: {
          id: 'password',
          name: 'password',
          label: 'Mot de passe',
          type: 'password',
          autocomplete: 'current-password',
          required: true,
          value: '',
          error: errors.fields.password,
        },
      },
      { status, personal: true },
    );
  }
}
