import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
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
import { Metrics } from './observability/metrics';
import { createRootLogger, loggingOptions, PinoNestLogger, requestLogging } from './observability/logging';
import type { Logger as RootLogger, DestinationStream } from 'pino';

export interface AppOverrides {
  /** Tests pass a clock they can move. */
  clock?: Clock;
  /** Tests and benchmarks: only these levels (false: none) instead of LOG_LEVEL. */
  logger?: false | ('log' | 'error' | 'warn')[];
  /** Tests: where the JSON log lines go, instead of stdout. */
  logDestination?: DestinationStream;
  /** The server: the process's logger, already made by main.ts. */
  rootLogger?: RootLogger;
}

function levelOf(levels: false | ('log' | 'error' | 'warn')[]): 'silent' | 'error' | 'warn' | 'info' {
  if (levels === false || levels.length === 0) return 'silent';
  return levels.includes('log') ? 'info' : levels.includes('warn') ? 'warn' : 'error';
}

/** The HTTP application, configured identically for the server, the tests and the benchmarks. */
export async function createApp(config: AppConfig, databaseUrl: string, overrides: AppOverrides = {}): Promise<NestExpressApplication> {
  const root =
    overrides.rootLogger ??
    createRootLogger({
      ...loggingOptions(config),
      ...(overrides.logger !== undefined ? { level: levelOf(overrides.logger) } : {}),
      ...(overrides.logDestination ? { destination: overrides.logDestination, pretty: false } : {}),
    });
  const nestLogger = new PinoNestLogger(root);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, overrides.clock), {
    bodyParser: false,
    logger: nestLogger,
    abortOnError: false,
  });
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  express.set('trust proxy', config.trustProxy);
  express.use(requestLogging(root));
  express.use(app.get(Metrics).middleware);
  installSecurityHeaders(express);
  express.use(app.get(RequestActivity).middleware);
  installBodyParsing(express);
  mountPageAssets(express);
  // Problem details for the API; the 404 and error pages for the public pages.
  app.useGlobalFilters(new PageErrorFilter(app.get(PageRenderer)));
  app.useGlobalPipes(createValidationPipe());
  // No enableShutdownHooks(): main.ts owns the signals and closes the app once. With both, a
  // SIGTERM ran the shutdown hooks twice and ended the pool twice.

  // Built at the first /docs or /docs-json request, once, rather than on every start.
  let document: OpenAPIObject | null = null;
  const apiDocument = () => (document ??= createApiDocument(app, config));
  SwaggerModule.setup('docs', app, apiDocument, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Rencontres API' });

  await app.init();
  return app;
}
