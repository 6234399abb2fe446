import { createEvent, registrationInput } from '../support/factories';
import { ORGANISER, startTestApp, TestApp } from '../support/test-app';

describe('security headers', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let event: Record<string, any>;
  let registration: Record<string, any>;
  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.auth();
    event = await createEvent(t);
    registration = (await t.http.post(`/api/events/${event.id}/registrations`).send(registrationInput()).expect(201)).body;
  });
  afterAll(() => t.close());

  const helmetHeaders = (res: { headers: Record<string, string> }, what: string) => {
    expect({ what, referrer: res.headers['referrer-policy'] }).toEqual({ what, referrer: 'no-referrer' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  };

  it('sends helmet’s headers and no referrer on every kind of answer', async () => {
    const answers = await Promise.all([
      t.http.get('/health'),
      t.http.get('/api/events'),
      t.http.get(`/api/events/${event.id}/programme`),
      t.http.get('/api/nowhere'),
      t.http.post('/api/events').set(auth).set('Content-Type', 'application/json').send('{"broken"'),
      t.http.post('/api/events').send({}),
      t.http.get('/docs-json'),
      t.http.get('/docs/'),
    ]);
    answers.forEach((res, i) => helmetHeaders(res, `answer ${i} (${res.status})`));
  });

  it('keeps Swagger UI working under the CSP: its scripts come from our origin, none inline', async () => {
    const page = await t.http.get('/docs/').expect(200);
    const csp = page.headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self'/);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe('');
      const src = /src=["']([^"']+)["']/.exec(attributes)![1];
      expect(src).not.toMatch(/^(https?:)?\/\//);
      await t.http.get(new URL(src, 'http://x/docs/').pathname).expect(200);
    }
    for (const [, href] of page.text.matchAll(/<link[^>]+href=["']([^"']+)["']/g)) expect(href).not.toMatch(/^(https?:)?\/\//);
  });

  it('forbids caching answers that carry personal data or a secret', async () => {
    const token = { 'X-Registration-Token': registration.manageToken };
    const personal = await Promise.all([
      t.http.post('/api/auth/login').send(ORGANISER).expect(200),
      t.http.post(`/api/events/${event.id}/registrations`).send(registrationInput()).expect(201),
      t.http.get('/api/registrations/me').set(token).expect(200),
      t.http.get('/api/registrations/me/export').set(token).expect(200),
      t.http.patch('/api/registrations/me').set(token).send({ jobTitle: 'Conseillère' }).expect(200),
      t.http.get(`/api/events/${event.id}/registrations`).set(auth).expect(200),
      t.http.get(`/api/events/${event.id}/registrations/${registration.id}`).set(auth).expect(200),
      t.http.get(`/api/events/${event.id}/registrations.csv`).set(auth).expect(200),
    ]);
    personal.forEach((res, i) => expect({ i, cache: res.headers['cache-control'] }).toEqual({ i, cache: 'no-store' }));
    // Public, shared answers stay cacheable.
    expect((await t.http.get('/api/reference').expect(200)).headers['cache-control']).toBe('public, max-age=3600');
  });
});
