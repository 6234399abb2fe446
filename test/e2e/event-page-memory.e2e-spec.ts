import { get, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { EVENT_PAGE_FRESH_MS } from '../../src/pages/event-page';
import { eventually } from '../support/eventually';
import { createEvent, createSession, register, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

// The event page kept in memory (src/pages/event-page.ts): sent with no query while nothing it shows
// has changed, dropped by the programme's notifications, its event seats at most a second old.
describe('the event page from memory', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b.app.close();
    await a.close();
  });

  const page = (t: TestApp, slug: string) => t.http.get(`/evenements/${slug}`).expect(200);
  /** The bytes as sent (supertest and fetch would unzip them). */
  const rawGet = (t: TestApp, path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const server: Server = t.app.getHttpServer();
      if (!server.listening) return server.listen(0, '127.0.0.1', () => resolve(rawGet(t, path, headers)));
      const { port } = server.address() as AddressInfo;
      get({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
  const countQueries = async (work: () => Promise<unknown>) => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      await work();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  };

  it('sends a warm page with no query, gzipped to a browser that accepts it, and 304 on its ETag', async () => {
    const event = await createEvent(a, { title: 'Journée gardée en mémoire', capacity: 50 });
    await createSession(a, event.id, { ...slot(event, 1, 2), title: 'Plénière d’ouverture' });
    const cold = await eventually(
      () => page(b, event.slug),
      (res) => res.text.includes('Plénière d’ouverture'),
    );
    expect(cold.text).toContain('Plénière d’ouverture');
    let gzipped: Buffer = Buffer.alloc(0);
    const queries = await countQueries(async () => {
      expect((await page(b, event.slug)).text).toBe(cold.text);
      const zipped = await rawGet(b, `/evenements/${event.slug}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect(zipped.status).toBe(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toBe('Accept-Encoding');
      const plain = await rawGet(b, `/evenements/${event.slug}`, {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(cold.text);
      expect(zipped.headers.etag).not.toBe(plain.headers.etag);
      gzipped = zipped.body;
      await b.http.get(`/evenements/${event.slug}`).set('If-None-Match', cold.headers.etag).expect(304);
    });
    expect(queries).toBe(0);
    expect(gunzipSync(gzipped).toString()).toBe(cold.text);
  });

  it('shows at once a programme change and a workshop seat taken through another instance', async () => {
    const event = await createEvent(a, { title: 'Journée à deux instances (page)', capacity: 50 });
    const workshop = await createSession(a, event.id, { ...slot(event, 1, 2), type: 'workshop', title: 'Atelier logement', capacity: 12 });
    await register(a, event.id).expect(201);
    expect((await page(b, event.slug)).text).toContain('12 places restantes');
    await register(a, event.id, { sessionIds: [workshop.id] }).expect(201);
    const seated = await eventually(
      () => page(b, event.slug),
      (res) => res.text.includes('11 places restantes'),
    );
    expect(seated.text).toContain('11 places restantes');
    await createSession(a, event.id, { ...slot(event, 3, 4), title: 'Table ronde du soir' });
    const changed = await eventually(
      () => page(b, event.slug),
      (res) => res.text.includes('Table ronde du soir'),
    );
    expect(changed.text).toContain('Table ronde du soir');
  });

  it('requests arriving together share one read', async () => {
    const event = await createEvent(a, { title: 'Journée très demandée', capacity: 30 });
    await page(b, event.slug);
    try {
      b.clock.advance(EVENT_PAGE_FRESH_MS);
      const one = await countQueries(() => page(b, event.slug));
      expect(one).toBeGreaterThan(0);
      b.clock.advance(EVENT_PAGE_FRESH_MS);
      const together = await countQueries(() => Promise.all(Array.from({ length: 10 }, () => page(b, event.slug))));
      // Ten separate reads would make ten times as many (a little slack for the other instance's own work).
      expect(together).toBeLessThan(2 * one);
    } finally {
      b.clock.reset();
    }
  });

  it('reads the event’s own seats again once the page is a second old', async () => {
    const event = await createEvent(a, { title: 'Journée aux places comptées', capacity: 40 });
    await register(a, event.id).expect(201);
    // The first registration changes the programme (seats are shown from then on): let its notification land.
    await eventually(
      () => page(b, event.slug),
      (res) => res.text.includes('39 places restantes'),
    );
    await register(a, event.id).expect(201);
    try {
      b.clock.advance(EVENT_PAGE_FRESH_MS);
      expect((await page(b, event.slug)).text).toContain('38 places restantes');
    } finally {
      b.clock.reset();
    }
  });
});
