import { randomUUID } from 'node:crypto';
import { createEvent } from '../support/factories';
import { SeededRegistration, seedRegistration, seedWorkshop } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

describe('organisers: registrations list and detail', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let event: Record<string, any>;
  let other: Record<string, any>;
  let w1: string;
  let w2: string;
  const r: Record<string, SeededRegistration> = {};

  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.auth();
    event = await createEvent(t);
    other = await createEvent(t, { title: 'Journée d’étude santé' });
    const start = new Date(event.startsAt).getTime();
    ({ id: w1 } = await seedWorkshop(t, event, {
      title: 'Atelier : accès aux droits',
      startsAt: new Date(start + 3600e3),
      endsAt: new Date(start + 2 * 3600e3),
      capacity: 30,
      themes: ['sante'],
    }));
    ({ id: w2 } = await seedWorkshop(t, event, {
      title: 'Atelier : insertion',
      startsAt: new Date(start + 3 * 3600e3),
      endsAt: new Date(start + 4 * 3600e3),
      capacity: 1,
    }));
    r.helene = await seedRegistration(t, event.id, {
      firstName: 'Hélène',
      lastName: 'Martínez',
      email: 'helene.martinez@caf34.test',
      organisation: 'CAF de l’Hérault',
      organisationType: 'service_public',
      department: '34',
      photoConsent: true,
      sessions: [{ id: w1 }],
    });
    r.jean = await seedRegistration(t, event.id, { firstName: 'Jean', lastName: 'Dupont', organisationType: 'association', department: '31', status: 'waitlisted' });
    r.zoe = await seedRegistration(t, event.id, {
      firstName: 'Zoé',
      lastName: 'Abadie',
      organisationType: 'entreprise',
      status: 'cancelled',
      sessions: [{ id: w1, status: 'cancelled' }],
    });
    r.eric = await seedRegistration(t, event.id, { firstName: 'Éric', lastName: 'Dupont', organisationType: 'association', status: 'waitlisted' });
    r.online = await seedRegistration(t, event.id, { firstName: 'Ines', lastName: 'Roux', organisationType: 'citoyen', attendanceMode: 'online', status: 'waitlisted' });
    r.fatou = await seedRegistration(t, event.id, { firstName: 'Fatou', lastName: 'Sy', sessions: [{ id: w1 }, { id: w2, status: 'waitlisted' }] });
    r.elsewhere = await seedRegistration(t, other.id, { firstName: 'Hélène', lastName: 'Ailleurs' });
  });
  afterAll(() => t.close());

  const list = (query = '') => t.http.get(`/api/events/${event.id}/registrations${query}`).set(auth);
  const names = (body: { items: Array<{ firstName: string; lastName: string }> }) => body.items.map((i) => `${i.firstName} ${i.lastName}`);

  it('lists every registration of the event, cancelled included, by last then first name', async () => {
    const res = await list().expect(200);
    expect(res.body.total).toBe(6);
    expect(names(res.body)).toEqual(['Zoé Abadie', 'Éric Dupont', 'Jean Dupont', 'Hélène Martínez', 'Ines Roux', 'Fatou Sy']);
    const helene = res.body.items[3];
    expect(helene).toMatchObject({
      id: r.helene.id,
      eventId: event.id,
      email: 'helene.martinez@caf34.test',
      organisation: 'CAF de l’Hérault',
      organisationType: 'service_public',
      department: '34',
      attendanceMode: 'onsite',
      status: 'confirmed',
      waitlistPosition: null,
      checkInCode: r.helene.checkInCode,
      sessions: [{ sessionId: w1, title: 'Atelier : accès aux droits', status: 'confirmed' }],
    });
    expect(helene).not.toHaveProperty('manageTokenHash');
  });

  it('filters by status, organisation type, département, workshop and text', async () => {
    expect(names((await list('?status=cancelled').expect(200)).body)).toEqual(['Zoé Abadie']);
    const waitlisted = (await list('?status=waitlisted').expect(200)).body;
    expect(waitlisted.total).toBe(3);
    expect(waitlisted.items.map((i: any) => i.waitlistPosition)).toEqual([2, 1, 1]); // Éric, Jean (onsite); Ines (online)
    expect(names((await list('?organisationType=association&status=waitlisted').expect(200)).body)).toEqual(['Éric Dupont', 'Jean Dupont']);
    expect(names((await list('?department=31').expect(200)).body)).toEqual(['Jean Dupont']);
    // A cancelled choice is no longer a choice.
    expect(names((await list(`?sessionId=${w1}`).expect(200)).body)).toEqual(['Hélène Martínez', 'Fatou Sy']);
    expect(names((await list(`?sessionId=${w2}`).expect(200)).body)).toEqual(['Fatou Sy']);
  });

  it('searches names, emails and organisations without regard to accents or case', async () => {
    expect(names((await list('?q=helene').expect(200)).body)).toEqual(['Hélène Martínez']);
    expect(names((await list('?q=MARTINEZ').expect(200)).body)).toEqual(['Hélène Martínez']);
    expect(names((await list('?q=' + encodeURIComponent('hélène mart')).expect(200)).body)).toEqual(['Hélène Martínez']);
    expect(names((await list('?q=caf34.test').expect(200)).body)).toEqual(['Hélène Martínez']);
    expect(names((await list('?q=' + encodeURIComponent('de l’hérault')).expect(200)).body)).toEqual(['Hélène Martínez']);
    expect(names((await list('?q=dupont').expect(200)).body)).toEqual(['Éric Dupont', 'Jean Dupont']);
    expect((await list('?q=eric').expect(200)).body.total).toBe(1);
    // LIKE wildcards typed by a user are plain characters.
    expect((await list('?q=%25').expect(200)).body.total).toBe(0);
    expect((await list('?q=_').expect(200)).body.total).toBe(0);
  });

  it('paginates with a total, and rejects limits outside 1–500', async () => {
    const first = (await list('?limit=2').expect(200)).body;
    expect(first.total).toBe(6);
    expect(names(first)).toEqual(['Zoé Abadie', 'Éric Dupont']);
    expect(names((await list('?limit=2&offset=4').expect(200)).body)).toEqual(['Ines Roux', 'Fatou Sy']);
    expect((await list('?offset=10').expect(200)).body).toEqual({ items: [], total: 6 });
    expect((await list('?limit=500').expect(200)).body.items).toHaveLength(6);
    for (const bad of ['?limit=0', '?limit=501', '?offset=-1', '?limit=abc', '?status=pending', '?organisationType=club', '?department=99', '?sessionId=nope', '?colour=red']) {
      const res = await list(bad).expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('shows one registration with its code, workshops, consents and waiting-list rank', async () => {
    const helene = (await t.http.get(`/api/events/${event.id}/registrations/${r.helene.id}`).set(auth).expect(200)).body;
    expect(helene).toMatchObject({
      id: r.helene.id,
      firstName: 'Hélène',
      checkInCode: r.helene.checkInCode,
      photoConsent: true,
      checkedInAt: null,
      waitlistPosition: null,
    });
    // Timestamps carry the event's offset (Europe/Paris in November: +01:00).
    expect(helene.consentAt).toMatch(/^2026-11-01T10:00:\d\d\+01:00$/);
    expect(helene.photoConsentAt).toBe(helene.consentAt);

    const fatou = (await t.http.get(`/api/events/${event.id}/registrations/${r.fatou.id}`).set(auth).expect(200)).body;
    expect(fatou.sessions).toEqual([
      { sessionId: w1, title: 'Atelier : accès aux droits', status: 'confirmed' },
      { sessionId: w2, title: 'Atelier : insertion', status: 'waitlisted' },
    ]);

    const get = (id: string) => t.http.get(`/api/events/${event.id}/registrations/${id}`).set(auth).expect(200);
    expect((await get(r.jean.id)).body.waitlistPosition).toBe(1);
    expect((await get(r.eric.id)).body.waitlistPosition).toBe(2);
    expect((await get(r.online.id)).body.waitlistPosition).toBe(1);
    // Ranks stay contiguous when someone ahead leaves the list.
    await t.dataSource.query(`UPDATE registration SET status = 'cancelled', waitlist_seq = NULL WHERE id = $1`, [r.jean.id]);
    expect((await get(r.eric.id)).body.waitlistPosition).toBe(1);
    expect((await get(r.jean.id)).body.waitlistPosition).toBeNull();
    await t.dataSource.query(`UPDATE registration SET status = 'waitlisted', waitlist_seq = 0 WHERE id = $1`, [r.jean.id]);
  });

  it('answers 404 for an unknown event or registration, or one of another event', async () => {
    const get = (path: string) => t.http.get(path).set(auth).expect(404);
    await get(`/api/events/${randomUUID()}/registrations`);
    await get(`/api/events/not-a-uuid/registrations`);
    await get(`/api/events/${randomUUID()}/registrations/${r.helene.id}`);
    await get(`/api/events/${event.id}/registrations/${randomUUID()}`);
    await get(`/api/events/${event.id}/registrations/not-a-uuid`);
    const res = await get(`/api/events/${event.id}/registrations/${r.elsewhere.id}`);
    expect(res.body).toMatchObject({ status: 404, detail: 'Inscription introuvable.' });
  });

  it('is for organisers only', async () => {
    await t.http.get(`/api/events/${event.id}/registrations`).expect(401);
    await t.http.get(`/api/events/${event.id}/registrations/${r.helene.id}`).expect(401);
    await t.http.get(`/api/events/${event.id}/registrations`).set('Authorization', 'Bearer forged').expect(401);
  });

  it('documents its endpoints in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths['/api/events/{id}/registrations'])).toContain('get');
    expect(Object.keys(doc.paths['/api/events/{id}/registrations/{registrationId}'])).toContain('get');
    expect(doc.paths['/api/events/{id}/registrations.csv'].get.responses['200'].content).toHaveProperty(['text/csv']);
    expect(doc.paths['/api/events/{id}/check-in'].post.responses).toHaveProperty('409');
    expect(doc.paths['/api/events/{id}/stats'].get.responses['200'].content['application/json'].schema.$ref).toMatch(/EventStatsDto$/);
  });
});
