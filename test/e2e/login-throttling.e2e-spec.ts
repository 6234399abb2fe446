import { ORGANISER, startTestApp, TestApp } from '../support/test-app';

// Login guessing limits, counted atomically in PostgreSQL (see AuthService and OrganisersRepository).
describe('login throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.dataSource.query(`DELETE FROM login_failure`);
    await t.dataSource.query(`DELETE FROM rate_window`);
  });

  const login = (email: string, password: string, from: string) => t.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  it('counts a burst of concurrent wrong passwords one by one: exactly 10 are checked, the rest get 429', async () => {
    const burst = await Promise.all(Array.from({ length: 18 }, (_v, i) => login(ORGANISER.email, `mauvais-${i}`, '198.51.100.20')));
    const statuses = burst.map((res) => res.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
    for (const res of burst.filter((r) => r.status === 429)) {
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(900);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM login_failure`);
    expect(count).toBe(10);
    // Even the right password waits now, from that address; another address is not blocked.
    await login(ORGANISER.email, ORGANISER.password, '198.51.100.20').expect(429);
    await login(ORGANISER.email, ORGANISER.password, '198.51.100.21').expect(200);
  });

  it('groups IPv6 addresses by /64', async () => {
    for (let i = 0; i < 10; i++) await login('cible@example.org', 'essai', `2001:db8:5:6::${i + 1}`).expect(401);
    await login('cible@example.org', 'essai', '2001:db8:5:6:aaaa::1').expect(429);
    await login('cible@example.org', 'essai', '2001:db8:5:7::1').expect(401);
  });

  it('limits failures per account across addresses (50 in 15 minutes)', async () => {
    for (let i = 0; i < 50; i++) await login('compte@example.org', 'essai', `203.0.113.${i + 1}`).expect(401);
    const limited = await login('compte@example.org', 'essai', '203.0.113.200').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    // Other accounts are not affected; 15 minutes later the account may be tried again.
    await login(ORGANISER.email, ORGANISER.password, '203.0.113.200').expect(200);
    t.clock.set(new Date(Date.now() + 16 * 60 * 1000));
    try {
      await login('compte@example.org', 'essai', '203.0.113.201').expect(401);
    } finally {
      t.clock.reset();
    }
  });

  it('limits login attempts per address whatever the email (20 a minute), unknown emails included', async () => {
    // Inside one fixed one-minute window, whatever the real clock says.
    t.clock.set(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000 + 5_000));
    try {
      for (let i = 0; i < 20; i++) await login(`inconnu-${i}@example.org`, 'essai', '192.0.2.50').expect(401);
      const limited = await login('encore-un@example.org', 'essai', '192.0.2.50').expect(429);
      expect(Number(limited.headers['retry-after'])).toBe(55);
      await login(ORGANISER.email, ORGANISER.password, '192.0.2.50').expect(429);
      await login(ORGANISER.email, ORGANISER.password, '192.0.2.51').expect(200);
      t.clock.advance(55_000);
      await login(ORGANISER.email, ORGANISER.password, '192.0.2.50').expect(200);
    } finally {
      t.clock.reset();
    }
  });

  it('treats an unknown email like a known one: same answer, failure recorded and throttled alike', async () => {
    const unknown = await login('personne@example.org', 'essai', '192.0.2.60').expect(401);
    const known = await login(ORGANISER.email, 'essai', '192.0.2.61').expect(401);
    expect(unknown.body).toEqual(known.body);
    for (let i = 0; i < 9; i++) await login('personne@example.org', 'essai', '192.0.2.60').expect(401);
    await login('personne@example.org', 'essai', '192.0.2.60').expect(429);
  });
});
