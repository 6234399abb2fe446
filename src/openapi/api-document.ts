import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../config/app-config';
import { toOpenApi31 } from './openapi-31';
import { declareProblemResponses, operations } from './problem-responses';

const API_DESCRIPTION = `Rencontres: events, programmes, highlighted actions and registrations for the regional
network against poverty. Errors are RFC 9457 problem details (application/problem+json).
Organiser endpoints need \`Authorization: Bearer <token>\` from POST /api/auth/login.
Registrants use their secret manage token (header \`X-Registration-Token\` or \`?token=\`).`;

const SUCCESS_DESCRIPTIONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'Done, no content',
  '304': 'Not modified (If-None-Match matched the ETag)',
};

/** `EventsController.create` → `Events_create`: unique, stable, and readable in generated clients. */
const operationId = (controllerKey: string, methodKey: string) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`;

/**
 * The API's OpenAPI 3.1 document, as served at /docs-json and linted by `npm run lint:openapi`.
 * Only the application's controllers and this function shape it, so the document linted and the
 * one served are the same.
 */
export function createApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const generated = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rencontres API')
      .setDescription(API_DESCRIPTION)
      .setVersion('1')
      .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
      .addServer(config.publicBaseUrl, 'This deployment (PUBLIC_BASE_URL)')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'From POST /api/auth/login' }, 'bearer')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Registration-Token', description: 'The manage token from the registration answer or its email' }, 'registration-token')
      .addApiKey({ type: 'apiKey', in: 'query', name: 'token', description: 'The manage token, as the links in emails carry it' }, 'registration-token-query')
      .build(),
    { operationIdFactory: operationId },
  );
  const document = toOpenApi31(generated);
  for (const item of Object.values(document.paths)) {
    for (const operation of operations(item)) {
      // No global requirement: an operation without one is public, and says so.
      operation.security ??= [];
      for (const [status, response] of Object.entries(operation.responses)) {
        if (response && 'description' in response && !response.description) response.description = SUCCESS_DESCRIPTIONS[status] ?? 'Answer';
      }
    }
  }
  declareProblemResponses(document);
  return document;
}
