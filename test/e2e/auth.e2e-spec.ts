import { ORGANISER, startTestApp, TestApp } from '../support/test-app';

describe('organiser authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates the first organiser from the configuration and logs in', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: ORGANISER.email.toUpperCase(), password: ORGANISER.password }).expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 28800 });
    await t.http
      .post('/api/events')
      .set({ Authorization: `Bearer ${res.body.accessToken}` })
      .send({})
      .expect(422);
    const [row] = await t.dataSource.query(`SELECT password_hash FROM organiser WHERE email = $1`, [ORGANISER.email]);
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(ORGANISER.password);
  });

  it('answers 401 with a problem for a wrong password, an unknown email or a bad token', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ email: ORGANISER.email, password: 'pas le bon mot de passe' }).expect(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    await t.http.post('/api/auth/login').send({ email: 'personne@example.org', password: 'peu importe' }).expect(401);
    await t.http.post('/api/auth/login').send({ email: 'pas-un-email', password: 'x' }).expect(422);
    await t.http.post('/api/events').set({ Authorization: 'Bearer abc.def.ghi' }).send({}).expect(401);
    await t.http.post('/api/events').set({ Authorization: 'Basic dXNlcjpwYXNz' }).send({}).expect(401);
  });

  it('rejects a token signed with another secret or expired', async () => {
    const other = await startTestApp({ env: { JWT_SECRET: 'another-secret-another-secret-another-secret' }, databaseUrl: t.databaseUrl });
    try {
      const token = await other.token();
      await t.http
        .post('/api/events')
        .set({ Authorization: `Bearer ${token}` })
        .send({})
        .expect(401);
    } finally {
      await other.app.close();
    }
  });

  it('limits repeated failures for one email from one address (429 with Retry-After)', async () => {
    const email = 'cible@example.org';
    await t.dataSource.query(`DELETE FROM login_failure`);
    for (let i = 0; i < 10; i++) {
      await t.http
        .post('/api/auth/login')
        .send({ email, password: `essai-${i}` })
        .expect(401);
    }
    const limited = await t.http.post('/api/auth/login').send({ email, password: 'encore' }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Another email from the same address is not affected.
    await t.http.post('/api/auth/login').send(ORGANISER).expect(200);
    // After 15 minutes the window has passed.
    t.clock.set(new Date(Date.now() + 16 * 60 * 1000));
    try {
      await t.http.post('/api/auth/login').send({ email, password: 'encore' }).expect(401);
    } finally {
      t.clock.reset();
    }
  });
});
