import request from 'supertest';
import { cookiesOf, formToken, signIn } from '../support/backoffice';
import { ORGANISER, startTestApp, TestApp } from '../support/test-app';

describe('back office: sign-in, session, sign-out', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends a signed-out visitor to the sign-in page, and back where they were after signing in', async () => {
    const res = await t.http.get('/gestion?x=1').expect(303);
    expect(res.headers.location).toBe('/gestion/connexion?suite=%2Fgestion%3Fx%3D1');
    const form = await t.http.get(res.headers.location).expect(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.text).toContain('name="suite" value="/gestion?x&#x3D;1"'); // Handlebars escapes "="
    const signed = await t.http
      .post('/gestion/connexion')
      .set('Cookie', cookiesOf(form).join('; '))
      .type('form')
      .send({ _csrf: formToken(form.text), email: ORGANISER.email.toUpperCase(), password: ORGANISER.password, suite: '/gestion?x=1' })
      .expect(303);
    expect(signed.headers.location).toBe('/gestion?x=1');
    const cookie = (signed.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('rencontres_gestion='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/gestion/);
    expect(cookie).not.toMatch(/Secure/i); // http:// base URL
  });

  it('never sends the browser off-site after signing in', async () => {
    for (const suite of ['//evil.example/gestion', 'https://evil.example/', '/gestion\\@evil', '/ailleurs']) {
      const form = await t.http.get(`/gestion/connexion?suite=${encodeURIComponent(suite)}`).expect(200);
      expect(form.text).toContain('name="suite" value=""');
    }
  });

  it('refuses a wrong password beside the form, keeping the email, and the page is no-store', async () => {
    const form = await t.http.get('/gestion/connexion').expect(200);
    const res = await t.http
      .post('/gestion/connexion')
      .set('Cookie', cookiesOf(form).join('; '))
      .type('form')
      .send({ _csrf: formToken(form.text), email: 'inconnu@occitanie.test', password: 'pas le bon' })
      .expect(401);
    expect(res.text).toContain('Adresse e-mail ou mot de passe incorrect.');
    expect(res.text).toContain('value="inconnu@occitanie.test"');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses the sign-in form without its token', async () => {
    await t.http.post('/gestion/connexion').type('form').send({ email: ORGANISER.email, password: ORGANISER.password }).expect(403);
  });

  it('opens the dashboard with a session, no-store; refuses forms without the session’s token or with another session’s', async () => {
    const a = await signIn(t);
    const b = await signIn(t);
    const page = await t.http.get('/gestion').set('Cookie', a.cookie).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('Se déconnecter');
    await t.http.post('/gestion/deconnexion').set('Cookie', a.cookie).type('form').send({}).expect(403);
    await t.http.post('/gestion/deconnexion').set('Cookie', a.cookie).type('form').send({ _csrf: b.csrf }).expect(403);
    // Still signed in after the refused forms.
    await t.http.get('/gestion').set('Cookie', a.cookie).expect(200);
    const out = await t.http.post('/gestion/deconnexion').set('Cookie', a.cookie).type('form').send({ _csrf: a.csrf }).expect(303);
    expect(out.headers.location).toBe('/gestion/connexion?deconnecte=1');
    await t.http.get('/gestion').set('Cookie', a.cookie).expect(303);
    // A form posted without a session goes to the sign-in page too, and does nothing.
    await t.http.post('/gestion/deconnexion').set('Cookie', a.cookie).type('form').send({ _csrf: a.csrf }).expect(303);
    await t.http.get('/gestion').set('Cookie', b.cookie).expect(200);
  });

  it('ends a session after 8 hours without use, and keeps it alive while used', async () => {
    const s = await signIn(t);
    t.clock.advance(7 * 3600_000);
    await t.http.get('/gestion').set('Cookie', s.cookie).expect(200);
    t.clock.advance(7 * 3600_000);
    await t.http.get('/gestion').set('Cookie', s.cookie).expect(200);
    t.clock.advance(8 * 3600_000 + 1000);
    await t.http.get('/gestion').set('Cookie', s.cookie).expect(303);
  });

  it('throttles sign-in with the API login’s own rule: failures on the page count for the API too', async () => {
    const email = 'cible@occitanie.test';
    for (let i = 0; i < 10; i++) {
      const form = await request(t.app.getHttpServer()).get('/gestion/connexion').expect(200);
      await t.http
        .post('/gestion/connexion')
        .set('Cookie', cookiesOf(form).join('; '))
        .type('form')
        .send({ _csrf: formToken(form.text), email, password: `faux-${i}` })
        .expect(401);
    }
    const form = await t.http.get('/gestion/connexion').expect(200);
    const page = await t.http
      .post('/gestion/connexion')
      .set('Cookie', cookiesOf(form).join('; '))
      .type('form')
      .send({ _csrf: formToken(form.text), email, password: 'encore' })
      .expect(429);
    expect(page.headers['retry-after']).toMatch(/^\d+$/);
    expect(page.text).toContain('Trop de tentatives de connexion');
    await t.http.post('/api/auth/login').send({ email, password: 'encore' }).expect(429);
  });
});
