import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createOfflineApiDocument } from '../../src/openapi/offline-document';
import { createEvent } from '../support/factories';
import { ApiContract } from '../support/openapi-contract';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

/** Redocly's recommended rules (redocly.yaml, as `npm run lint:openapi` runs them) on a document. */
function lint(document: unknown): { errors: number; warnings: number; problems: { ruleId: string; message: string; severity: string }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'rencontres-openapi-lint-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format=json'],
      { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    );
    const json = run.stdout.slice(run.stdout.indexOf('{'));
    const report = JSON.parse(json) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; severity: string }[] };
    return { ...report.totals, problems: report.problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let served: any;

  beforeAll(async () => {
    t = await startTestApp();
    served = (await t.http.get('/docs-json').expect(200).expect('Content-Type', /json/)).body;
  });
  afterAll(() => t.close());

  it('served at /docs-json is the one `npm run lint:openapi` writes without a database or a port', async () => {
    expect(served).toEqual(await createOfflineApiDocument(t.config));
  });

  it('passes Redocly’s recommended rules with zero errors', () => {
    const report = lint(served);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.errors).toBe(0);
  });

  it('is OpenAPI 3.1 with a real server, and every operation has a summary, an operationId and its security said', () => {
    expect(served.openapi).toBe('3.1.0');
    expect(served.servers).toEqual([{ url: t.config.publicBaseUrl, description: expect.any(String) }]);
    const ids = new Set<string>();
    for (const [path, item] of Object.entries<any>(served.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect([where, typeof op.summary === 'string' && op.summary.length > 0]).toEqual([where, true]);
        expect([where, ids.has(op.operationId)]).toEqual([where, false]);
        ids.add(op.operationId);
        expect([where, Array.isArray(op.security)]).toEqual([where, true]);
        for (const [status, response] of Object.entries<any>(op.responses)) {
          if (Number(status) >= 400 && path !== '/health') {
            expect([where, status, Object.keys(response.content ?? {})]).toEqual([where, status, ['application/problem+json']]);
          }
        }
      }
    }
    expect(served.paths['/api/events']?.post?.security).toEqual([{ bearer: [] }]);
    expect(served.paths['/api/events/{id}/registrations']?.post?.security).toEqual([]);
    expect(served.paths['/api/events/{id}']?.get?.security).toEqual(expect.arrayContaining([{}, { bearer: [] }]));
  });

  it('names each path segment once ({id} for the event, {registrationId} for a registration)', () => {
    const byShape = new Map<string, string>();
    for (const path of Object.keys(served.paths)) {
      const shape = path.replace(/\{[^}]+\}/g, '{}');
      expect([shape, byShape.get(shape) ?? path]).toEqual([shape, path]);
      byShape.set(shape, path);
    }
    expect(served.paths['/api/events/{id}/registrations/{registrationId}']).toHaveProperty('get');
    expect(served.paths['/api/events/{id}/registrations/{registrationId}']).toHaveProperty('delete');
  });

  it('types what the API really answers: reminders as objects, nullable nested objects, integer paging', () => {
    const schemas = served.components.schemas;
    expect(schemas.EventResponseDto.properties.reminders.items).toEqual({ $ref: '#/components/schemas/ReminderDto' });
    expect(schemas.EventResponseDto.properties.venue.anyOf).toEqual([{ $ref: '#/components/schemas/VenueDto' }, { type: 'null' }]);
    const limit = served.paths['/api/events'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    expect(limit.schema.type).toBe('integer');
    expect(schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail']);
  });

  it('fails an answer that breaks its schema, naming the operation, the status and the pointer', async () => {
    const contract = new ApiContract(served);
    const real = await t.http
      .get(`/api/events/${(await createEvent(t)).id}`)
      .set(await t.auth())
      .expect(200);
    const answer = (body: unknown) => ({ status: 200, headers: real.headers, body, text: JSON.stringify(body) }) as never;
    expect(contract.check('GET', 'http://127.0.0.1/api/events/abc', answer(real.body))).toBeNull();
    // The answers the outside check found broken: reminders as strings, a webinar's null venue.
    expect(contract.check('GET', 'http://127.0.0.1/api/events/abc', answer({ ...real.body, venue: null }))).toBeNull();
    const message = contract.check('GET', 'http://127.0.0.1/api/events/abc', answer({ ...real.body, reminders: ['P1D'] }));
    expect(message).toContain('GET /api/events/{id} (Events_get) 200');
    expect(message).toContain('at /reminders/0: must be object');
    const undeclared = contract.check('POST', 'http://127.0.0.1/api/reference', { status: 201, headers: {}, body: {}, text: '' } as never);
    expect(undeclared).toContain('no such operation');
    expect(contract.check('GET', 'http://127.0.0.1/metrics', { status: 200, headers: { 'content-type': 'text/plain' }, body: {}, text: 'x 1' } as never)).toBeNull();
    expect(contract.check('GET', 'http://127.0.0.1/gestion/anything', { status: 200, headers: { 'content-type': 'text/html' }, body: {}, text: '<p>' } as never)).toBeNull();
  });

  it('fails a request made through t.http whose status the document does not declare', async () => {
    const without404 = structuredClone(served);
    delete without404.paths['/api/events/{id}'].get.responses['404'];
    const http = new ApiContract(without404).watch(request(t.app.getHttpServer()));
    await expect(http.get(`/api/events/${randomUUID()}`).then((res) => res.status)).rejects.toThrow(
      'OpenAPI contract: GET /api/events/{id} (Events_get) answered 404, which the document does not declare',
    );
    await expect(t.http.get(`/api/events/${randomUUID()}`).then((res) => res.status)).resolves.toBe(404);
  });
});
