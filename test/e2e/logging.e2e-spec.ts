import { createServer, RequestListener } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createEvent, register } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

type Line = Record<string, unknown>;

describe('log lines', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ logs: true });
  });
  afterAll(() => t.close());

  const requestLines = (id: string): Line[] => t.logs.filter((l) => l.requestId === id && l.msg === 'request');

  it('writes one JSON line per request (method, route pattern, status, duration) under the X-Request-Id it echoes', async () => {
    const event = await createEvent(t);
    const res = await t.http.get(`/api/events/${event.id}`).set('X-Request-Id', 'lb-7f3a.2_b').expect(200);
    expect(res.headers['x-request-id']).toBe('lb-7f3a.2_b');
    const lines = requestLines('lb-7f3a.2_b');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', method: 'GET', route: '/api/events/:id', status: 200 });
    expect(typeof lines[0].durationMs).toBe('number');
    expect(typeof lines[0].time).toBe('string');
    expect(JSON.stringify(lines[0])).not.toContain(event.id);
  });

  it('replaces an incoming request id that is not a plain token of at most 64 characters', async () => {
    for (const bad of ['a b', 'x'.repeat(65), '<script>', 'é']) {
      const res = await t.http.get('/health').set('X-Request-Id', bad).expect(200);
      const id = res.headers['x-request-id'];
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(requestLines(id)).toEqual([expect.objectContaining({ route: '/health', status: 200 })]);
    }
    const none = await t.http.get('/health').expect(200);
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs an error answer at its status and an unknown path as unmatched', async () => {
    const missing = await t.http.get('/api/events/00000000-0000-4000-8000-000000000000').expect(404);
    expect(requestLines(missing.headers['x-request-id'])).toEqual([expect.objectContaining({ status: 404, route: '/api/events/:id' })]);
    const nowhere = await t.http.get('/nulle-part/jean.dupont@example.org').expect(404);
    const [line] = requestLines(nowhere.headers['x-request-id']);
    expect(line).toMatchObject({ status: 404, route: 'unmatched' });
  });

  it('never writes a registrant’s email or manage token, whatever the path or query that carries them', async () => {
    const event = await createEvent(t);
    const email = 'noemie.secret-personne@caf34.fr';
    const created = await register(t, event.id, { email, firstName: 'Noémie', lastName: 'Confidentielle' }).expect(201);
    const token = created.body.manageToken as string;
    expect(token.length).toBeGreaterThan(20);
    const ids = [created.headers['x-request-id']];
    for (const res of [
      await t.http.get(`/api/registrations/me?token=${token}`).expect(200),
      await t.http.get('/api/registrations/me').set('X-Registration-Token', token).expect(200),
      await t.http.get(`/inscription/${token}`).expect(200),
      await t.http.get(`/api/registrations/me/agenda.ics?token=${token}`).expect(200),
      await t.http.post(`/api/events/${event.id}/registrations/link`).send({ email }).expect(202),
      await t.http
        .get(`/api/events/${event.id}/registrations?q=${encodeURIComponent(email)}`)
        .set(await t.auth())
        .expect(200),
    ]) {
      ids.push(res.headers['x-request-id']);
    }
    await t.http.get(`/inscription/${token}x`).expect(401);
    for (const id of ids) expect(requestLines(id)).toHaveLength(1);
    const everything = t.logs.map((l) => JSON.stringify(l)).join('\n');
    expect(everything).toContain('/inscription/:token');
    for (const secret of [email, token, 'Confidentielle', 'jean.dupont@example.org']) expect(everything).not.toContain(secret);
  });

  it('writes an unexpected error under the request id of its answer, with its stack, while the answer says nothing of it', async () => {
    const event = await createEvent(t);
    await t.dataSource.query('ALTER TABLE speaker RENAME TO speaker_hidden_by_test');
    let res: request.Response;
    try {
      // Plain supertest: a 500 is not in the contract, which is the point.
      res = await request(t.app.getHttpServer()).get(`/api/events/${event.id}/speakers`).set('X-Request-Id', 'broken-table-1');
    } finally {
      await t.dataSource.query('ALTER TABLE speaker_hidden_by_test RENAME TO speaker');
    }
    expect(res.status).toBe(500);
    expect(res.body).toEqual(expect.objectContaining({ status: 500, detail: 'Une erreur inattendue est survenue.' }));
    expect(JSON.stringify(res.body)).not.toMatch(/speaker|QueryFailed|at /);
    const lines = t.logs.filter((l) => l.requestId === 'broken-table-1');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        context: 'Errors',
        msg: expect.stringContaining('QueryFailedError') as string,
        stack: expect.stringContaining('QueryFailedError') as string,
      }),
      expect.objectContaining({ level: 'error', msg: 'request', status: 500, route: '/api/events/:id/speakers' }),
    ]);
  });

  it('writes one warning for a client that went away before its answer', async () => {
    // The same application on a port of its own, for a raw socket.
    const server = createServer(t.app.getHttpAdapter().getInstance() as RequestListener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const before = t.logs.length;
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        // A body announced and never sent: the server is still reading it when the client leaves.
        socket.write(
          'POST /api/events/00000000-0000-4000-8000-000000000000/registrations HTTP/1.1\r\nHost: x\r\nX-Request-Id: gone-away-1\r\n' +
            'Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{"firstName":',
        );
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    for (let waited = 0; waited < 2000 && !t.logs.slice(before).some((l) => l.requestId === 'gone-away-1'); waited += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    await new Promise((resolve) => server.close(resolve));
    expect(t.logs.filter((l) => l.requestId === 'gone-away-1')).toEqual([expect.objectContaining({ level: 'warn', msg: 'request', aborted: true, method: 'POST' })]);
  });
});
