import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import { PageRenderer } from './page-renderer';

/** Every form POST carries the token of the form it came from (see Csrf). */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly pages: PageRenderer) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.pages.csrf.verify(context.switchToHttp().getRequest<Request>())) return true;
    throw new DomainError(403, 'csrf', 'Forbidden', 'Le jeton du formulaire est absent ou invalide.');
  }
}
