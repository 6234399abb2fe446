import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { MAX_JSON_DEPTH } from '../common/json-depth';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** What src/common/problem.ts sends, exactly (RFC 9457 with our `errors[]`). */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details. `type` ends with a stable code; `detail` is a sentence for people (French).',
  required: ['type', 'title', 'status', 'detail'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://rencontres.example/problems/validation' },
    title: { type: 'string', example: 'Unprocessable request' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 422 },
    detail: { type: 'string', example: 'Un ou plusieurs champs sont invalides.' },
    errors: {
      type: 'array',
      description: 'One entry per refused field',
      minItems: 1,
      items: {
        type: 'object',
        required: ['field', 'message'],
        additionalProperties: false,
        properties: { field: { type: 'string', example: 'email' }, message: { type: 'string', example: 'Adresse e-mail invalide.' } },
      },
    },
  },
};

const DESCRIPTIONS: Record<string, string> = {
  '400': 'Malformed request: a body that is not valid JSON, or a path that is not valid percent-encoding',
  '401': 'Missing or invalid credentials',
  '403': 'Forbidden',
  '404': 'Not found',
  '409': 'Conflict with the current state',
  '413': 'Body larger than 1 MB',
  '422': `Invalid input: \`errors[]\` names each field (control characters, line breaks in one-line fields, impossible dates, JSON nested beyond ${MAX_JSON_DEPTH} levels…)`,
  '429': 'Too many requests: wait for `Retry-After` seconds',
  '503': 'The database is busy or unreachable: retry after `Retry-After` seconds',
};

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } } };

/**
 * The error answers every operation can give by its shape, decided here once: a body can be
 * malformed (400), too large (413) or invalid (422); a query invalid (422); a path id
 * undecodable (400) or unknown (404); a secured operation refused (401); any operation may meet a busy database (503).
 * Operations add their own (409, 429…) with Nest's decorators; this gives every error answer
 * the problem+json body.
 */
export function declareProblemResponses(document: OpenAPIObject): void {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA as never } };
  for (const item of Object.values(document.paths)) {
    for (const operation of operations(item)) {
      const parameters = operation.parameters ?? [];
      const located = (where: string) => parameters.some((p) => 'in' in p && p.in === where);
      const statuses = new Set(Object.keys(operation.responses));
      if (operation.requestBody) ['400', '413', '422'].forEach((s) => statuses.add(s));
      if (located('query')) statuses.add('422');
      if (located('path')) ['400', '404'].forEach((s) => statuses.add(s));
      if (operation.security?.some((requirement) => Object.keys(requirement).length > 0)) statuses.add('401');
      statuses.add('503');
      const responses = operation.responses as Record<string, ResponseObject>;
      for (const status of [...statuses].sort()) {
        if (Number(status) < 400) continue;
        const declared = responses[status];
        if (declared?.content) continue; // an error answer with a body of its own (/health's 503)
        responses[status] = {
          ...declared,
          description: declared?.description || DESCRIPTIONS[status] || 'Error',
          content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
          ...(status === '429' || status === '503' ? { headers: { ...declared?.headers, ...RETRY_AFTER } } : {}),
        };
      }
    }
  }
}

export function operations(item: object): OperationObject[] {
  return ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']
    .map((method) => (item as Record<string, OperationObject | undefined>)[method])
    .filter((operation): operation is OperationObject => !!operation);
}
