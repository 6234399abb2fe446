import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/app-config';
import { createApiDocument } from './api-document';

/**
 * The document of an application built in Nest's preview mode: the modules and controllers are
 * read, nothing is instantiated, so no database is opened and no port is listened on.
 */
export async function createOfflineApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot(config, 'postgres://offline.invalid/rencontres'), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return createApiDocument(app, config);
  } finally {
    await app.close();
  }
}
