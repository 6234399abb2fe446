import type { ApiParamOptions } from '@nestjs/swagger';

/**
 * The event segment of the paths that also take a slug. Every path names that segment `{id}`, so
 * a client sees one parameter per segment; these operations say they accept the slug too.
 */
export const EVENT_ID_OR_SLUG: ApiParamOptions = {
  name: 'id',
  description: 'The event’s id (UUID) or its slug',
  schema: { type: 'string' },
  example: 'rencontre-regionale-2027',
};
