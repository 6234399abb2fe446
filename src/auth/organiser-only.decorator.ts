import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { OptionalOrganiserGuard, OrganiserGuard } from './organiser.guard';

/** An organiser endpoint (or controller): bearer token required, 401 documented. */
export const OrganiserOnly = () => applyDecorators(UseGuards(OrganiserGuard), ApiBearerAuth(), ApiUnauthorizedResponse({ description: 'No valid organiser token (problem+json)' }));

/**
 * A public endpoint that shows organisers more (drafts, online links): anonymous or bearer, as
 * the document says with the empty requirement beside `bearer`; a token sent that is not valid
 * answers 401 rather than being ignored.
 */
export const OrganiserOptional = () =>
  applyDecorators(
    UseGuards(OptionalOrganiserGuard),
    ApiSecurity({}),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'An organiser token was sent and is not valid (problem+json)' }),
  );
