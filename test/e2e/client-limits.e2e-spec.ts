import { actionInput, createEvent } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

// The public write limit behind proxies (TRUST_PROXY) and across instances (counted in PostgreSQL).
describe('client address and the public write limit', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps.slice(1).reverse()) await app.app.close();
    await apps[0]?.close();
  });

  const start = async (env: Record<string, string>, databaseUrl?: string) => {
    const t = await startTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3', ...env }, databaseUrl });
    apps.push(t);
    return t;
  };
  const propose = (t: TestApp, eventId: string, forwardedFor?: string) => {
    const req = t.http.post(`/api/events/${eventId}/actions/proposals`);
    if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
    return req.send(actionInput());
  };

  it('with TRUST_PROXY=1, limits two clients behind the proxy separately, by the address the proxy saw', async () => {
    const t = await start({ TRUST_PROXY: '1' });
    // Start each test of this file in its own window, away from a minute's turn.
    t.clock.set(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000 + 5_000));
    const event = await createEvent(t);
    for (let i = 0; i < 3; i++) await propose(t, event.id, '198.51.100.1').expect(201);
    const limited = await propose(t, event.id, '198.51.100.1').expect(429);
    expect(Number(limited.headers['retry-after'])).toBe(55);
    // A forged left-hand entry does not help: the proxy appends the address it saw.
    await propose(t, event.id, '203.0.113.9, 198.51.100.1').expect(429);
    for (let i = 0; i < 3; i++) await propose(t, event.id, '198.51.100.2').expect(201);
    await propose(t, event.id, '198.51.100.2').expect(429);
    // IPv6: one /64 is one client.
    for (let i = 0; i < 3; i++) await propose(t, event.id, `2001:db8:1:2::${i + 1}`).expect(201);
    await propose(t, event.id, '2001:db8:1:2:ffff::1').expect(429);
    await propose(t, event.id, '2001:db8:1:3::1').expect(201);
    t.clock.advance(60_000);
    await propose(t, event.id, '198.51.100.1').expect(201);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const t = await start({ TRUST_PROXY: '10.0.0.0/8' });
    t.clock.set(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 3 * 60_000 + 5_000));
    const event = await createEvent(t);
    for (let i = 0; i < 3; i++) await propose(t, event.id, `198.51.100.${10 + i}`).expect(201);
    // All came from 127.0.0.1, which is not trusted here: one client.
    await propose(t, event.id, '198.51.100.99').expect(429);
  });

  it('counts one client’s requests on every instance together', async () => {
    const a = await start({});
    const b = await start({}, a.databaseUrl);
    const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 5 * 60_000 + 5_000);
    a.clock.set(at);
    b.clock.set(at);
    const event = await createEvent(a);
    await propose(a, event.id, '192.0.2.7').expect(201);
    await propose(b, event.id, '192.0.2.7').expect(201);
    await propose(a, event.id, '192.0.2.7').expect(201);
    await propose(b, event.id, '192.0.2.7').expect(429);
    await propose(a, event.id, '192.0.2.7').expect(429);
    // A burst racing on both instances lets exactly the limit through.
    a.clock.advance(60_000);
    b.clock.advance(60_000);
    const burst = await Promise.all(Array.from({ length: 12 }, (_v, i) => propose(i % 2 ? a : b, event.id, '192.0.2.8')));
    expect(burst.filter((res) => res.status === 201)).toHaveLength(3);
    expect(burst.filter((res) => res.status === 429)).toHaveLength(9);
  });
});
