import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The registrant's manage token, from the `X-Registration-Token` header or `?token=` (the link in
 * every email). The header wins when both are sent.
 */
export const RegistrationToken = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const request = context.switchToHttp().getRequest<Request>();
  const header = request.headers['x-registration-token'];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const query = request.query.token;
  return typeof query === 'string' && query.trim() ? query.trim() : undefined;
});
