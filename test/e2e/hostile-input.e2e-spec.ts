import { Logger } from '@nestjs/common';
import { actionInput, createAction, createEvent, createRoom, createSession, createSpeaker, eventInput, registrationInput, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

// Every endpoint that takes a body or a query gets every hostile input; none may answer a 5xx,
// and each answer is a problem. The table is checked against the OpenAPI document, so a new
// endpoint without a row here fails the test.

type Json = Record<string, unknown>;
type Who = 'organiser' | 'registrant' | 'public';

interface BodyEndpoint {
  method: 'post' | 'patch';
  /** OpenAPI path template, e.g. `/api/events/{id}/rooms`. */
  template: string;
  who: Who;
  body: () => Json;
}

interface QueryEndpoint {
  template: string;
  who: Who;
}

const DEEP = 5_000;
const deepJson = (key: string) => `{"${key}":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`;

/** Every string, number and timestamp leaf of a body, with its dotted path. */
function leaves(value: unknown, path = ''): Array<{ path: string; value: unknown }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key));
  }
  return [{ path, value }];
}

function withLeaf(body: Json, path: string, replacement: unknown): Json {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node: any = copy;
  for (const key of keys.slice(0, -1)) node = node[key];
  node[keys[keys.length - 1]] = replacement;
  return copy;
}

/** The field a validation error names for a leaf: array items are reported on their array. */
const fieldOf = (path: string) => path.replace(/\.\d+$/, '');

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T/;
const MULTI_LINE = new Set(['description', 'summary', 'bio', 'reason', 'accessibilityNeeds', 'dietaryRequirements', 'password', 'body']);

describe('hostile input never gets a 500', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  const ids: Record<string, string> = {};
  let manageToken = '';
  let event: Json;
  let logged: jest.SpyInstance;

  beforeAll(async () => {
    // Client errors are answered, not logged: any error log (with its stack) fails the last test.
    logged = jest.spyOn(Logger.prototype, 'error');
    t = await startTestApp();
    auth = await t.auth();
    event = await createEvent(t);
    ids.id = event.id as string;
    ids.roomId = (await createRoom(t, ids.id)).id;
    ids.speakerId = (await createSpeaker(t, ids.id)).id;
    ids.sessionId = (await createSession(t, ids.id, { ...slot(event, 1, 2), capacity: 20 })).id;
    ids.actionId = (await createAction(t, ids.id)).id;
    const registered = await t.http.post(`/api/events/${ids.id}/registrations`).send(registrationInput()).expect(201);
    manageToken = registered.body.manageToken;
    ids.regId = registered.body.id;
  });
  afterAll(async () => {
    logged.mockRestore();
    await t.close();
  });

  const BODIES: BodyEndpoint[] = [
    { method: 'post', template: '/api/auth/login', who: 'public', body: () => ({ email: 'quelqu.un@example.org', password: 'un mot de passe faux' }) },
    {
      method: 'post',
      template: '/api/events',
      who: 'organiser',
      body: () =>
        eventInput({
          description: 'Deux journées.',
          registrationClosesAt: eventInput().startsAt,
          workshopAllocation: 'preferences',
          preferencesCloseAt: eventInput({}, 20).startsAt,
        }),
    },
    { method: 'patch', template: '/api/events/{id}', who: 'organiser', body: () => ({ title: 'Rencontre régionale', description: 'Texte.', venue: eventInput().venue }) },
    { method: 'post', template: '/api/events/{id}/cancel', who: 'organiser', body: () => ({ reason: 'Alerte météo : reportée.' }) },
    { method: 'post', template: '/api/events/{id}/rooms', who: 'organiser', body: () => ({ name: 'Salle Pasteur', capacity: 40 }) },
    { method: 'patch', template: '/api/events/{id}/rooms/{roomId}', who: 'organiser', body: () => ({ name: 'Salle Curie', capacity: 30 }) },
    {
      method: 'post',
      template: '/api/events/{id}/speakers',
      who: 'organiser',
      body: () => ({ fullName: 'Claire Fabre', jobTitle: 'Directrice', organisation: 'CD34', bio: 'Vingt ans.', email: 'claire@example.org' }),
    },
    { method: 'patch', template: '/api/events/{id}/speakers/{speakerId}', who: 'organiser', body: () => ({ fullName: 'Claire Fabre', bio: 'Trente ans.' }) },
    {
      method: 'post',
      template: '/api/events/{id}/sessions',
      who: 'organiser',
      body: () => ({ title: 'Atelier', type: 'workshop', ...slot(event, 3, 4), capacity: 10, description: 'Échanges.' }),
    },
    { method: 'patch', template: '/api/events/{id}/sessions/{sessionId}', who: 'organiser', body: () => ({ title: 'Atelier déplacé', ...slot(event, 1, 2) }) },
    { method: 'post', template: '/api/events/{id}/actions', who: 'organiser', body: () => actionInput() },
    { method: 'post', template: '/api/events/{id}/actions/proposals', who: 'public', body: () => actionInput() },
    {
      method: 'patch',
      template: '/api/events/{id}/actions/{actionId}',
      who: 'organiser',
      body: () => ({ title: 'Le bus des droits', summary: 'Un bus itinérant qui va de village en village.' }),
    },
    {
      method: 'post',
      template: '/api/events/{id}/registrations',
      who: 'public',
      body: () => registrationInput({ jobTitle: 'Conseillère', accessibilityNeeds: 'Boucle magnétique' }),
    },
    { method: 'patch', template: '/api/registrations/me', who: 'registrant', body: () => ({ firstName: 'Camille', organisation: 'CAF', dietaryRequirements: 'Végétarien' }) },
    { method: 'post', template: '/api/events/{id}/check-in', who: 'organiser', body: () => ({ code: 'ABCDEFGH' }) },
    { method: 'post', template: '/api/events/{id}/registrations/link', who: 'public', body: () => ({ email: 'camille@example.org' }) },
    { method: 'post', template: '/api/events/{id}/messages', who: 'organiser', body: () => ({ subject: 'Infos pratiques', body: 'Le déjeuner\nest offert.', audience: 'all' }) },
    { method: 'post', template: '/api/events/{id}/allocation', who: 'organiser', body: () => ({ seed: 'audit-1' }) },
  ];

  const QUERIES: QueryEndpoint[] = [
    { template: '/api/events', who: 'organiser' },
    { template: '/api/events/{id}/rooms', who: 'public' },
    { template: '/api/events/{id}/speakers', who: 'organiser' },
    { template: '/api/events/{id}/sessions', who: 'public' },
    { template: '/api/events/{id}/actions', who: 'organiser' },
    { template: '/api/events/{id}/registrations', who: 'organiser' },
    { template: '/api/registrations/me', who: 'registrant' },
    { template: '/api/registrations/me/export', who: 'registrant' },
    { template: '/api/events/{id}/messages', who: 'organiser' },
    { template: '/api/events/{id}/allocation/preview', who: 'organiser' },
    { template: '/api/events/{id}/badges.pdf', who: 'organiser' },
    { template: '/api/events/{id}/sign-in-sheets.pdf', who: 'organiser' },
    { template: '/api/registrations/me/badge.pdf', who: 'registrant' },
    { template: '/api/registrations/me/agenda.pdf', who: 'registrant' },
    { template: '/api/registrations/me/agenda.ics', who: 'registrant' },
    { template: '/api/registrations/me/certificate.pdf', who: 'registrant' },
  ];

  const url = (template: string) => template.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name]);
  const headers = (who: Who): Record<string, string> => (who === 'organiser' ? auth : who === 'registrant' ? { 'X-Registration-Token': manageToken } : {});

  const expectProblem = (res: { status: number; headers: Record<string, string>; text: string }, what: string) => {
    if (res.status < 400 || res.status >= 500) throw new Error(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  };

  const expectFieldError = (res: { status: number; body: any; text: string }, field: string, what: string) => {
    if (res.status === 429) return; // the login limit may answer first: still a 4xx problem
    if (res.status !== 422) throw new Error(`${what}: expected 422, got ${res.status} ${res.text.slice(0, 300)}`);
    const fields = (res.body.errors ?? []).map((e: { field: string }) => e.field);
    if (!fields.includes(field)) throw new Error(`${what}: expected an error on ${field}, got ${JSON.stringify(res.body.errors)}`);
  };

  it('covers every operation of the OpenAPI document that takes a body or a query', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const withBody: string[] = [];
    const withQuery: string[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (op.requestBody) withBody.push(`${method} ${path}`);
        // A query parameter, or the manage token accepted as `?token=` (a security scheme in the query).
        const queried = (op.parameters ?? []).some((p: { in: string }) => p.in === 'query') || (op.security ?? []).some((r: object) => 'registration-token-query' in r);
        if (queried && method === 'get') withQuery.push(path);
      }
    }
    const normalise = (s: string) => s.replace(/\{\w+\}/g, '{}');
    expect(withBody.map(normalise).sort()).toEqual(BODIES.map((b) => normalise(`${b.method} ${b.template}`)).sort());
    expect(withQuery.map(normalise).sort()).toEqual(QUERIES.map((q) => normalise(q.template)).sort());
  });

  it('refuses control characters in every text field, naming the field', async () => {
    for (const endpoint of BODIES) {
      for (const leaf of leaves(endpoint.body()).filter((l) => typeof l.value === 'string')) {
        for (const bad of ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085']) {
          const body = withLeaf(endpoint.body(), leaf.path, `${String(leaf.value).slice(0, 4)}${bad}x`);
          const what = `${endpoint.method} ${endpoint.template} ${leaf.path}=${JSON.stringify(bad)}`;
          const res = await t.http[endpoint.method](url(endpoint.template)).set(headers(endpoint.who)).send(body);
          expectProblem(res, what);
          expectFieldError(res, fieldOf(leaf.path), what);
        }
      }
    }
  });

  it('refuses line breaks in one-line fields', async () => {
    for (const endpoint of BODIES) {
      for (const leaf of leaves(endpoint.body()).filter((l) => typeof l.value === 'string' && !MULTI_LINE.has(l.path))) {
        for (const bad of ['\n', '\r\n', '\u2028']) {
          const body = withLeaf(endpoint.body(), leaf.path, `${String(leaf.value).slice(0, 4)}${bad}Bcc: x@example.org`);
          const what = `${endpoint.method} ${endpoint.template} ${leaf.path}=${JSON.stringify(bad)}`;
          const res = await t.http[endpoint.method](url(endpoint.template)).set(headers(endpoint.who)).send(body);
          expectProblem(res, what);
          expectFieldError(res, fieldOf(leaf.path), what);
        }
      }
    }
  });

  it('keeps line breaks in multi-line fields', async () => {
    const res = await t.http.post(`/api/events/${ids.id}/speakers`).set(auth).send({ fullName: 'Lou Marti', bio: 'Première ligne.\nSeconde ligne.' }).expect(201);
    expect(res.body.bio).toBe('Première ligne.\nSeconde ligne.');
  });

  it('refuses impossible dates, huge numbers and deep nesting in bodies', async () => {
    for (const endpoint of BODIES) {
      const base = endpoint.body();
      const variants: Array<{ what: string; send: () => Promise<any>; field?: string }> = [];
      for (const leaf of leaves(base)) {
        if (typeof leaf.value === 'string' && TIMESTAMP.test(leaf.value)) {
          for (const bad of ['2027-02-30T09:00:00+01:00', '2027-04-31T09:00:00Z', '2027-01-01T24:30:00Z', '2027-01-01T09:00:00+25:00', '10000-01-01T00:00:00Z']) {
            variants.push({
              what: `${leaf.path}=${bad}`,
              field: fieldOf(leaf.path),
              send: () =>
                t.http[endpoint.method](url(endpoint.template))
                  .set(headers(endpoint.who))
                  .send(withLeaf(base, leaf.path, bad)),
            });
          }
        }
        if (typeof leaf.value === 'number') {
          for (const bad of [1e19, -1e19, 1.5, Number.MAX_SAFE_INTEGER + 2]) {
            variants.push({
              what: `${leaf.path}=${bad}`,
              field: fieldOf(leaf.path),
              send: () =>
                t.http[endpoint.method](url(endpoint.template))
                  .set(headers(endpoint.who))
                  .send(withLeaf(base, leaf.path, bad)),
            });
          }
        }
      }
      const firstKey = Object.keys(base)[0];
      variants.push({
        what: 'deeply nested JSON',
        send: () => t.http[endpoint.method](url(endpoint.template)).set(headers(endpoint.who)).set('Content-Type', 'application/json').send(deepJson(firstKey)),
      });
      variants.push({
        what: 'a NUL in a key',
        send: () =>
          t.http[endpoint.method](url(endpoint.template))
            .set(headers(endpoint.who))
            .send({ ...base, 'ti\u0000tle': 'x' }),
      });
      for (const variant of variants) {
        const res = await variant.send();
        const what = `${endpoint.method} ${endpoint.template} ${variant.what}`;
        expectProblem(res, what);
        if (variant.field) expectFieldError(res, variant.field, what);
      }
    }
  });

  it('answers 4xx problems to hostile queries on every list and read', async () => {
    const hostile = [
      'offset=1e19',
      'offset=1e7',
      'offset=-1',
      'offset=abc',
      'offset=0x10',
      'limit=1e19',
      'limit=0',
      'limit=%00',
      'q=%00',
      'q=a%0Ab',
      'q=%1B',
      'q[]=a&q[]=b',
      'status=%00',
      'from=2027-02-30T00:00:00Z',
      'to=%00',
      'theme=%00',
      'department=%00',
      'sessionId=%00',
      'roomId=%00',
      'kind=%00',
      'organisationType=%00',
      'token=%00',
    ];
    for (const endpoint of QUERIES) {
      for (const query of hostile) {
        const target = `${url(endpoint.template)}?${query}`;
        const res = await t.http.get(target).set(headers(endpoint.who));
        // An unknown or ignored parameter may still answer 200; a hostile one must never be a 5xx.
        if (res.status >= 500) throw new Error(`GET ${target}: ${res.status} ${res.text.slice(0, 300)}`);
        if (res.status >= 400) expectProblem(res, `GET ${target}`);
      }
      for (const query of ['offset=1e19', 'offset=1000001', 'q=%00', 'limit=1e19']) {
        if (endpoint.template.startsWith('/api/registrations/me') || /\.(pdf|ics)$/.test(endpoint.template)) continue;
        if (query.startsWith('q=') && !['/api/events', '/api/events/{id}/registrations'].includes(endpoint.template)) continue;
        const res = await t.http.get(`${url(endpoint.template)}?${query}`).set(headers(endpoint.who));
        expectProblem(res, `GET ${endpoint.template}?${query}`);
        expect(res.status).toBe(422);
      }
    }
  });

  it('answers 4xx problems to hostile paths', async () => {
    const paths = [
      '/api/events/%00',
      '/api/events/%00/programme',
      '/api/events/%00/programme.ics',
      '/api/events/%E0%A4%A',
      '/api/events/a%0Ab',
      `/api/events/${ids.id}/sessions/%00`,
      `/api/events/${ids.id}/rooms/%00`,
      '/api/events/%00/rooms',
      `/api/events/${'x'.repeat(5000)}`,
      '/api/registrations/me?token=%00',
    ];
    for (const path of paths) {
      const res = await t.http.get(path).set(auth);
      expectProblem(res, `GET ${path}`);
    }
  });

  it('logged no error for any of it', () => {
    expect(logged.mock.calls.map((call) => String(call[0]))).toEqual([]);
  });
});
