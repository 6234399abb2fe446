import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { compileServer, COMPILED } from '../support/compiled-app';
import { createTestDatabase } from '../support/database';
import { eventInput } from '../support/factories';
import { parsePdf } from '../support/pdf';

const ORGANISER = { email: 'organisatrice@occitanie.test', password: 'un-mot-de-passe-solide' };
const PEOPLE = 300;

/*
 * The organisers' print runs through the compiled application, whose render pool has its worker
 * thread (the sources the other tests run draw in their own thread): the sheet is drawn in the
 * worker from the database cursor and streamed back over HTTP.
 */
describe('print runs drawn in the render worker (compiled application)', () => {
  let app: NestExpressApplication;
  let base: string;
  let database: { url: string; drop(): Promise<void> };
  let headers: Record<string, string>;
  let eventId: string;

  beforeAll(async () => {
    compileServer();
    database = await createTestDatabase();
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { loadConfig } = require(join(COMPILED, 'src', 'config', 'app-config.js')) as typeof import('../../src/config/app-config');
    const { createApp } = require(join(COMPILED, 'src', 'app.factory.js')) as typeof import('../../src/app.factory');
    const { RenderPool } = require(join(COMPILED, 'src', 'documents', 'render', 'render-pool.js')) as typeof import('../../src/documents/render/render-pool');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const config = loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
      TOKEN_SECRET: 'test-token-secret-long-enough-for-hmac-sha256',
      ORGANISER_EMAIL: ORGANISER.email,
      ORGANISER_PASSWORD: ORGANISER.password,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
      VAR_DIR: mkdtempSync(join(tmpdir(), 'rencontres-var-')),
    });
    app = await createApp(config, database.url, { logger: ['error'] });
    expect(app.get(RenderPool).threaded).toBe(true);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ORGANISER) });
    headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    const created = await fetch(`${base}/api/events`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(eventInput({ format: 'onsite', capacity: 1000 })),
    });
    expect(created.status).toBe(201);
    eventId = ((await created.json()) as { id: string }).id;
    const db = new Client({ connectionString: database.url });
    await db.connect();
    await db.query(
      `INSERT INTO registration (event_id, first_name, last_name, email, organisation, organisation_type, attendance_mode, consent_at,
         photo_consent, status, manage_token_hash, check_in_code, confirmed_at, created_at, updated_at)
       SELECT $1, 'Élodie', 'Nom ' || lpad(n::text, 4, '0'), 'p' || n || '@exemple.test', 'Association « Solidarités Occitanie »', 'association',
         'onsite', now(), false, 'confirmed', md5(random()::text || n), 'K7QM' || lpad(n::text, 8, '0'), now(), now(), now()
       FROM generate_series(1, $2::int) AS n`,
      [eventId, PEOPLE],
    );
    await db.end();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const download = (path: string, init: RequestInit = {}) => fetch(`${base}/api/events/${eventId}/${path}`, { headers, ...init });

  it('streams every badge, 8 per page, in name order', async () => {
    const res = await download('badges.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    const pdf = await parsePdf(Buffer.from(await res.arrayBuffer()));
    expect(pdf.numPages).toBe(Math.ceil(PEOPLE / 8));
    expect(pdf.pages[0]).toContain('Nom 0001');
    expect(pdf.pages[pdf.numPages - 1]).toContain(`Nom ${String(PEOPLE).padStart(4, '0')}`);
  }, 60_000);

  it('a download cut short leaves the worker and the database free for the next one', async () => {
    const abort = new AbortController();
    const res = await download('badges.pdf', { signal: abort.signal });
    const reader = res.body!.getReader();
    await reader.read();
    abort.abort();
    await reader.read().catch(() => undefined);
    const again = await download('badges.pdf');
    expect((await parsePdf(Buffer.from(await again.arrayBuffer()))).numPages).toBe(Math.ceil(PEOPLE / 8));
  }, 60_000);

  it('the programme and the bilan are drawn in the worker too, the programme the same bytes each time (its ETag)', async () => {
    const programme = await download('programme.pdf');
    expect(programme.status).toBe(200);
    const body = Buffer.from(await programme.arrayBuffer());
    expect((await parsePdf(body)).text).toContain('Rencontre régionale de la lutte contre la pauvreté');
    const again = await download('programme.pdf', { headers: { ...headers, 'if-none-match': programme.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const report = await download('report.pdf');
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('application/pdf');
    expect((await parsePdf(Buffer.from(await report.arrayBuffer()))).text).toContain(String(PEOPLE));
  }, 60_000);

  it('certificates.pdf with nobody checked in, and a problem answer for an unknown event', async () => {
    const res = await download('certificates.pdf');
    expect(res.status).toBe(200);
    expect((await parsePdf(Buffer.from(await res.arrayBuffer()))).text).toContain('Aucune personne');
    const missing = await fetch(`${base}/api/events/00000000-0000-4000-8000-000000000000/badges.pdf`, { headers });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  }, 60_000);
});
