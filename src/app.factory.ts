import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { installBodyParsing } from './common/body-parsing';
import { RequestActivity } from './common/request-activity';
import { Clock } from './common/clock';
import { installSecurityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { createApiDocument } from './openapi/api-document';
import { mountPageAssets } from './pages/page-assets';
import { PageErrorFilter } from './pages/page-error.filter';
import { PageRenderer } from './pages/page-renderer';

export interface AppOverrides {
  /** Tests pass a clock they can move. */
  clock?: Clock;
  logger?: false | ('log' | 'error' | 'warn')[];
}

/** The HTTP application, configured identically for the server, the tests and the benchmarks. */
export async function createApp(config: AppConfig, databaseUrl: string, overrides: AppOverrides = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, overrides.clock), {
    bodyParser: false,
    logger: overrides.logger ?? ['log', 'error', 'warn'],
    abortOnError: false,
  });
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  express.set('trust proxy', config.trustProxy);
  installSecurityHeaders(express);
  express.use(app.get(RequestActivity).middleware);
  installBodyParsing(express);
  mountPageAssets(express);
  // Problem details for the API; the 404 and error pages for the public pages.
  app.useGlobalFilters(new PageErrorFilter(app.get(PageRenderer)));
  app.useGlobalPipes(createValidationPipe());
  // No enableShutdownHooks(): main.ts owns the signals and closes the app once. With both, a
  // SIGTERM ran the shutdown hooks twice and ended the pool twice.

  const document = createApiDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Rencontres API' });

  await app.init();
  return app;
}
