import { applyDecorators, ArgumentsHost, CanActivate, Catch, createParamDecorator, ExceptionFilter, ExecutionContext, Injectable, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { readCookie } from '../pages/csrf';
import { PageRenderer } from '../pages/page-renderer';
import { BackofficeSessionsService, BackofficeSignedIn } from './sessions/backoffice-sessions.service';
import { SESSION_COOKIE } from './sessions/session-cookie';

type WithBackoffice = Request & { backoffice?: BackofficeSignedIn };

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** No live session: pages send the browser to the sign-in page, which brings it back here after. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string | null) {
    super('Sign-in required');
  }
}

/** Where the sign-in page may send the browser back to: a back-office path of this site only. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  return /^\/gestion(\/[^\\]*|\?[^\\]*)?$/.test(value) && !value.startsWith('//') ? value : null;
}

export function signInUrl(returnTo: string | null): string {
  return returnTo && returnTo !== '/gestion' ? `/gestion/connexion?suite=${encodeURIComponent(returnTo)}` : '/gestion/connexion';
}

@Catch(SignInRequired)
export class SignInRedirectFilter implements ExceptionFilter {
  catch(exception: SignInRequired, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, signInUrl(exception.returnTo));
  }
}

/**
 * Every /gestion page and form: a live session (else to the sign-in page, 303), and for every
 * form (any method but GET/HEAD) the form token bound to that session (else 403). One guard for
 * both, so a back-office form cannot be left without its CSRF check.
 */
@Injectable()
export class BackofficeGuard implements CanActivate {
  constructor(
    private readonly sessions: BackofficeSessionsService,
    private readonly pages: PageRenderer,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<WithBackoffice>();
    const signedIn = await this.sessions.resolve(readCookie(req, SESSION_COOKIE));
    const safe = SAFE_METHODS.has(req.method);
    if (!signedIn) throw new SignInRequired(safe ? safeReturnPath(req.originalUrl) : null);
    if (!safe && !this.pages.csrf.verifyBoundTo(req, signedIn.sessionId)) {
      throw new DomainError(403, 'csrf', 'Forbidden', 'Le jeton du formulaire est absent ou invalide.');
    }
    req.backoffice = signedIn;
    return true;
  }
}

/** A back-office controller: signed-in organisers only, CSRF on its forms, kept out of the API's OpenAPI. */
export const BackofficePage = () => applyDecorators(ApiExcludeController(), UseGuards(BackofficeGuard), UseFilters(SignInRedirectFilter));

/** The signed-in organiser and session of a request that passed BackofficeGuard. */
export function currentOrganiser(req: Request): BackofficeSignedIn {
  const signedIn = (req as WithBackoffice).backoffice;
  if (!signedIn) throw new Error('currentOrganiser() outside BackofficeGuard');
  return signedIn;
}

/** `@SignedIn() who: BackofficeSignedIn` in a back-office handler. */
export const SignedIn = createParamDecorator((_data: unknown, context: ExecutionContext): BackofficeSignedIn => currentOrganiser(context.switchToHttp().getRequest<Request>()));
