import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { unauthorized } from '../common/domain-error';
import { AuthService, OrganiserPrincipal } from './auth.service';

type WithOrganiser = Request & { organiser?: OrganiserPrincipal };

function bearer(request: Request): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : '';
}

/** Organiser endpoints: 401 without a valid bearer token. */
@Injectable()
export class OrganiserGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WithOrganiser>();
    const token = bearer(request);
    const organiser = token ? await this.auth.verify(token) : null;
    if (!organiser) throw unauthorized();
    request.organiser = organiser;
    return true;
  }
}

/**
 * Public endpoints where organisers see more (drafts, proposals): an organiser is recognised
 * when a token is sent; a token that is sent but invalid is still a 401, never silently public.
 */
@Injectable()
export class OptionalOrganiserGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WithOrganiser>();
    const token = bearer(request);
    if (token === null) return true;
    const organiser = token ? await this.auth.verify(token) : null;
    if (!organiser) throw unauthorized();
    request.organiser = organiser;
    return true;
  }
}

/** The organiser behind the request, or undefined on a public call. */
export const CurrentOrganiser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): OrganiserPrincipal | undefined => context.switchToHttp().getRequest<WithOrganiser>().organiser,
);
