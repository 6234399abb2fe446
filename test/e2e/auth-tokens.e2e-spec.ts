import { JwtService } from '@nestjs/jwt';
import { hashPassword, RECOMMENDED_SCRYPT } from '../../src/auth/password';
import { ORGANISER, startTestApp, TestApp } from '../support/test-app';

describe('organiser tokens and password hashes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const call = (token: string) =>
    t.http
      .post('/api/events')
      .set({ Authorization: `Bearer ${token}` })
      .send({});

  it('signs HS256 tokens naming this deployment as issuer and its API as audience', async () => {
    const token = await t.token();
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ iss: t.config.publicBaseUrl, aud: `${t.config.publicBaseUrl}/api`, sub: expect.any(String) });
    await call(token).expect(422);
  });

  it('refuses tokens of another algorithm, issuer or audience, even signed with our secret', async () => {
    const secret = t.config.jwtSecret;
    const jwt = new JwtService({ secret });
    const sub = JSON.parse(Buffer.from((await t.token()).split('.')[1], 'base64url').toString()).sub;
    const iss = t.config.publicBaseUrl;
    const aud = `${iss}/api`;
    const forged = [
      jwt.sign({ sub }, { algorithm: 'HS512', issuer: iss, audience: aud }),
      jwt.sign({ sub }, { algorithm: 'HS384', issuer: iss, audience: aud }),
      jwt.sign({ sub }, { algorithm: 'HS256' }),
      jwt.sign({ sub }, { algorithm: 'HS256', issuer: 'https://ailleurs.example', audience: aud }),
      jwt.sign({ sub }, { algorithm: 'HS256', issuer: iss, audience: 'https://ailleurs.example/api' }),
      jwt.sign({ sub }, { algorithm: 'HS256', issuer: iss, audience: aud, expiresIn: -10 }),
      // alg "none", unsigned
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub, iss, aud })).toString('base64url')}.`,
    ];
    for (const token of forged) await call(token).expect(401);
    await call(jwt.sign({ sub }, { algorithm: 'HS256', issuer: iss, audience: aud })).expect(422);
  });

  it('hashes at OWASP’s scrypt cost and upgrades an older hash at the next successful login', async () => {
    expect(RECOMMENDED_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    // Outside NODE_ENV=test the application uses the recommended cost.
    const production = await startTestApp({ env: { NODE_ENV: 'development' }, databaseUrl: t.databaseUrl });
    try {
      expect(production.config.scryptN).toBe(2 ** 17);
      const old = await hashPassword(ORGANISER.password, { N: 2 ** 15, r: 8, p: 1 });
      await t.dataSource.query(`UPDATE organiser SET password_hash = $1 WHERE email = $2`, [old, ORGANISER.email]);
      await production.http.post('/api/auth/login').send({ email: ORGANISER.email, password: 'pas le bon' }).expect(401);
      let [row] = await t.dataSource.query(`SELECT password_hash FROM organiser WHERE email = $1`, [ORGANISER.email]);
      expect(row.password_hash).toBe(old);
      await production.http.post('/api/auth/login').send(ORGANISER).expect(200);
      [row] = await t.dataSource.query(`SELECT password_hash FROM organiser WHERE email = $1`, [ORGANISER.email]);
      expect(row.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
      await production.http.post('/api/auth/login').send(ORGANISER).expect(200);

      // An unknown email costs a full verification too.
      const timed = async (email: string) => {
        const started = process.hrtime.bigint();
        await production.http.post('/api/auth/login').send({ email, password: 'pas le bon mot de passe' }).expect(401);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const known = await timed(ORGANISER.email);
      const unknown = await timed('personne@example.org');
      expect(unknown).toBeGreaterThan(known * 0.5);
    } finally {
      await production.app.close();
    }
  });
});
