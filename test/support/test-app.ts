import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { OutboxWorker } from '../../src/notifications/delivery/outbox.worker';
import { createTestDatabase } from './database';
import { MailSink, startMailSink } from './mail-sink';
import { ApiContract } from './openapi-contract';
import { TestClock } from './test-clock';

export const ORGANISER = { email: 'organisatrice@occitanie.test', password: 'un-mot-de-passe-solide' };

export interface TestApp {
  app: NestExpressApplication;
  /** supertest bound to the app: `t.http.get('/health')`; every answer is checked against the OpenAPI document. */
  http: ReturnType<typeof request>;
  clock: TestClock;
  config: AppConfig;
  dataSource: DataSource;
  databaseUrl: string;
  /** A bearer token for the configured organiser (cached). */
  token(): Promise<string>;
  /** With `mail: true`: the SMTP server the app delivers to (the worker is running). */
  mail: MailSink;
  /** The outbox worker (running only with `mail: true`; tests may drain it themselves). */
  worker: OutboxWorker;
  /** `Authorization` header for the organiser. */
  auth(): Promise<{ Authorization: string }>;
  /** With `logs: true`: every JSON log line the app wrote, parsed, in order. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Reuse a database (e.g. a second instance on the same data). */
  databaseUrl?: string;
  /**
   * Deliver mail to an in-process SMTP server: `true` with the outbox worker running (woken by
   * commits), `'manual'` with the worker stopped (the test calls `t.worker.drain()` / `tick()`).
   */
  mail?: boolean | 'manual';
  /** Capture the app's log lines (level info) in `t.logs` instead of silencing them. */
  logs?: boolean;
}

/** A real application on its own real PostgreSQL database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const varDir = mkdtempSync(join(tmpdir(), 'rencontres-var-'));
  const mail = options.mail ? await startMailSink() : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    // Shared by every instance of a test, so links derived by one open on another.
    TOKEN_SECRET: 'test-token-secret-long-enough-for-hmac-sha256',
    ORGANISER_EMAIL: ORGANISER.email,
    ORGANISER_PASSWORD: ORGANISER.password,
    PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    VAR_DIR: varDir,
    ...(mail ? { SMTP_URL: mail.url } : {}),
    ...options.env,
  });
  const clock = new TestClock();
  const logs: Array<Record<string, unknown>> = [];
  const capture = { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) };
  const app = await createApp(config, database.url, options.logs ? { clock, logger: ['log', 'warn', 'error'], logDestination: capture } : { clock, logger: ['error'] });
  // Every answer the test reads through `http` is checked against the document /docs-json serves.
  const contract = new ApiContract((await request(app.getHttpServer()).get('/docs-json').expect(200)).body);
  const http = contract.watch(request(app.getHttpServer()));
  const worker = app.get(OutboxWorker);
  if (options.mail === true) await worker.start();
  let cachedToken: string | null = null;
  const token = async () => {
    if (!cachedToken) {
      const res = await request(app.getHttpServer()).post('/api/auth/login').send(ORGANISER).expect(200);
      cachedToken = res.body.accessToken as string;
    }
    return cachedToken;
  };
  return {
    app,
    http,
    clock,
    config,
    dataSource: app.get(DataSource),
    databaseUrl: database.url,
    get mail(): MailSink {
      if (!mail) throw new Error('start the test app with { mail: true } to receive mail');
      return mail;
    },
    worker,
    token,
    auth: async () => ({ Authorization: `Bearer ${await token()}` }),
    logs,
    close: async () => {
      await app.close();
      await mail?.close();
      await database.drop();
    },
  };
}
