import { eventually } from '../support/eventually';
import { createEvent, register } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

const TOKEN = 'scrape-token-0123456789abcdef';

/** The value of one sample of the Prometheus text, whatever the order of its labels; null when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return null;
}

describe('GET /metrics and the outbox in /health', () => {
  let t: TestApp;
  let closed: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ mail: 'manual', env: { METRICS_TOKEN: TOKEN } });
    closed = await startTestApp({ databaseUrl: t.databaseUrl });
  });
  afterAll(async () => {
    await closed.close();
    await t.close();
  });

  const scrape = async () => (await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;

  it('does not exist without METRICS_TOKEN, and refuses a missing or wrong token with 401', async () => {
    const none = await closed.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(404);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const header of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const req = t.http.get('/metrics');
      const res = await (header ? req.set('Authorization', header) : req).expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.text).not.toContain('http_request_duration_seconds');
    }
    const ok = await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(doc.paths['/metrics']).toBeUndefined();
  });

  it('counts registrations by outcome, HTTP answers by route pattern and status, mail by result, job runs', async () => {
    const event = await createEvent(t, { capacity: 1 });
    await register(t, event.id, { email: 'premiere@exemple.test' }).expect(201);
    await register(t, event.id, { email: 'seconde@exemple.test' }).expect(201);
    await register(t, event.id, { email: 'seconde@exemple.test' }).expect(409);
    let text = await scrape();
    expect(sample(text, 'rencontres_registrations_total', { outcome: 'registered', status: 'confirmed' })).toBe(1);
    expect(sample(text, 'rencontres_registrations_total', { outcome: 'registered', status: 'waitlisted' })).toBe(1);
    expect(sample(text, 'rencontres_registrations_total', { outcome: 'already_registered', status: 'none' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/events/:id/registrations', status: '201' })).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/events/:id/registrations', status: '409' })).toBe(1);
    expect(sample(text, 'rencontres_outbox_messages', { status: 'pending' })).toBe(2);
    expect(sample(text, 'rencontres_outbox_messages', { status: 'dead' })).toBe(0);
    expect(text).not.toContain('premiere@exemple.test');
    expect(sample(text, 'rencontres_mail_deliveries_total', { result: 'sent' })).toBeNull();

    await t.worker.tick();
    text = await scrape();
    expect(sample(text, 'rencontres_job_runs_total', { job: 'scheduler_tick', result: 'ok' })).toBe(1);
    expect(sample(text, 'rencontres_job_runs_total', { job: 'reminders', result: 'ok' })).toBe(1);
    expect(sample(text, 'rencontres_mail_deliveries_total', { result: 'sent' })).toBe(2);
    expect(sample(text, 'rencontres_outbox_messages', { status: 'pending' })).toBe(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('/health tells how many messages wait and how long the oldest due one has waited, so a stuck worker shows', async () => {
    await eventually(
      async () => (await t.http.get('/health').expect(200)).body.outbox,
      (outbox) => outbox.depth === 0,
    );
    expect((await t.http.get('/health').expect(200)).body.outbox).toEqual({ depth: 0, oldestPendingAgeSeconds: null });
    const event = await createEvent(t, { capacity: 10 });
    await register(t, event.id).expect(201);
    await register(t, event.id).expect(201);
    // Nobody delivers (the worker is stopped): ten minutes later they still wait.
    t.clock.set(new Date(Date.now() + 600_000));
    const outbox = await eventually(
      async () => (await t.http.get('/health').expect(200)).body.outbox,
      (o) => o.depth === 2,
    );
    expect(outbox.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(599);
    expect(outbox.oldestPendingAgeSeconds).toBeLessThan(620);
    const text = await scrape();
    expect(sample(text, 'rencontres_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(599);
  });
});
