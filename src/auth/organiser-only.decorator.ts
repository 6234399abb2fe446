import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { OrganiserGuard } from './organiser.guard';

/** An organiser endpoint (or controller): bearer token required, 401 documented. */
export const OrganiserOnly = () =>
  applyDecorators(
    UseGuards(OrganiserGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid organiser token (problem+json)' }),
  );
