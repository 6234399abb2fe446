import { startTestApp, TestApp } from '../support/test-app';

describe('errors are problem details', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.auth();
  });
  afterAll(() => t.close());

  const isProblem = (res: { headers: Record<string, string>; body: any }, status: number) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  };

  it('400 for malformed JSON', async () => {
    const res = await t.http.post('/api/events').set(auth).set('Content-Type', 'application/json').send('{"title": "Rencontre",');
    expect(res.status).toBe(400);
    isProblem(res, 400);
  });

  it('413 for a body over 1 MB', async () => {
    const res = await t.http
      .post('/api/events')
      .set(auth)
      .send({ title: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    isProblem(res, 413);
  });

  it('422 with field errors for a wrong type or an unknown field', async () => {
    const res = await t.http.post('/api/events').set(auth).send({ title: 42, surprise: 'oui' });
    expect(res.status).toBe(422);
    isProblem(res, 422);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'surprise', 'kind', 'startsAt']));
    expect(res.body.errors.find((e: { field: string }) => e.field === 'surprise').message).toBe('unknown field');
  });

  it('422 for a JSON body that is not an object', async () => {
    const res = await t.http.post('/api/events').set(auth).set('Content-Type', 'application/json').send('[1,2]');
    expect(res.status).toBe(422);
    isProblem(res, 422);
  });

  it('404 for unknown routes and ids that are not UUIDs', async () => {
    isProblem(await t.http.get('/api/nowhere').expect(404), 404);
    isProblem(await t.http.patch('/api/events/not-a-uuid').set(auth).send({}).expect(404), 404);
  });

  it('serves health, reference data and the OpenAPI document', async () => {
    await t.http.get('/health').expect(200, { status: 'ok', database: 'up', mail: 'up', outbox: { depth: 0, oldestPendingAgeSeconds: null } });
    const ref = await t.http.get('/api/reference').expect(200);
    expect(ref.body.themes.map((x: { code: string }) => x.code)).toEqual([
      'petite_enfance',
      'reussite_scolaire',
      'sante',
      'insertion_emploi',
      'participation',
      'entreprises',
      'ruralite',
      'connaissance_pauvrete',
      'travail_social',
      'aide_alimentaire',
      'bidonvilles',
    ]);
    expect(ref.body.organisationTypes.map((x: { code: string }) => x.code)).toEqual([
      'etat',
      'collectivite',
      'service_public',
      'association',
      'partenaire_social',
      'entreprise',
      'citoyen',
      'personne_concernee',
      'autre',
    ]);
    const codes = ref.body.departments.map((x: { code: string }) => x.code);
    expect(codes.slice(0, 13)).toEqual(['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82']);
    expect(codes).toHaveLength(101);
    expect(new Set(codes).size).toBe(101);
    expect(codes).toEqual(expect.arrayContaining(['2A', '2B', '75', '971', '976']));
    expect(ref.body.departments.find((d: { code: string }) => d.code === '34').label).toBe('Hérault');
    const doc = await t.http.get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/events', '/api/events/{id}/publish', '/api/auth/login', '/health']));
    const ui = await t.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('reports the database down as 503', async () => {
    const broken = await startTestApp({ databaseUrl: t.databaseUrl });
    await broken.dataSource.destroy();
    try {
      const res = await broken.http.get('/health').expect(503);
      expect(res.body).toMatchObject({ status: 'error', database: 'down' });
    } finally {
      await broken.app.close().catch(() => undefined);
    }
  });
});
