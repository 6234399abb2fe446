import { createEvent, eventInput } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;

describe('events', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.auth();
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>) => t.http.post('/api/events').set(auth).send(body);

  function expectFieldError(res: { status: number; body: any; headers: any }, field: string) {
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  }

  describe('create', () => {
    it('creates a draft with defaults, readable slug and seat figures', async () => {
      const res = await post(eventInput({ title: "Journée d'étude Santé", kind: 'study_day' })).expect(201);
      expect(res.body).toMatchObject({
        slug: 'journee-d-etude-sante',
        status: 'draft',
        timezone: 'Europe/Paris',
        seatsTaken: 0,
        seatsLeft: 400,
        waitlistLength: 0,
        reminders: [{ offsetMinutes: 10080 }, { offsetMinutes: 1440 }],
        registrationOpen: false,
      });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.startsAt).toMatch(/\+0[12]:00$/);
      expect(res.body.online).toBeUndefined();
    });

    it('suffixes the slug on collision', async () => {
      const a = await post(
        eventInput({ title: 'Webinaire Ruralité', kind: 'webinar', format: 'online', onlineUrl: 'https://visio.example.org/a', venue: undefined, capacity: null }),
      ).expect(201);
      const b = await post(
        eventInput({ title: 'Webinaire Ruralité', kind: 'webinar', format: 'online', onlineUrl: 'https://visio.example.org/b', venue: undefined, capacity: null }),
      ).expect(201);
      expect(a.body.slug).toBe('webinaire-ruralite');
      expect(b.body.slug).toBe('webinaire-ruralite-2');
      expect(a.body.reminders).toEqual([{ offsetMinutes: 1440 }, { offsetMinutes: 60 }]);
      expect(a.body.seatsLeft).toBeNull();
    });

    it('gives hybrid events an online figure', async () => {
      const res = await post(eventInput({ format: 'hybrid', onlineUrl: 'https://visio.example.org/h', onlineCapacity: 50 })).expect(201);
      expect(res.body.online).toEqual({ seatsTaken: 0, seatsLeft: 50, waitlistLength: 0 });
    });

    it.each([
      ['endsAt', { endsAt: new Date(Date.now() + 29 * DAY).toISOString() }],
      ['venue', { venue: undefined }],
      ['onlineUrl', { format: 'hybrid' }],
      ['capacity', { capacity: 0 }],
      ['capacity', { capacity: undefined }],
      ['onlineCapacity', { onlineCapacity: 20 }],
      ['themes', { themes: ['cuisine'] }],
      ['departments', { departments: ['99'] }],
      ['kind', { kind: 'party' }],
      ['format', { format: 'metaverse' }],
      ['startsAt', { startsAt: '2027-03-11 09:00' }],
      ['timezone', { timezone: 'Mars/Olympus' }],
      ['title', { title: '' }],
      ['registrationClosesAt', { registrationClosesAt: new Date(Date.now() + 90 * DAY).toISOString() }],
      ['registrationOpensAt', { registrationOpensAt: new Date(Date.now() + 90 * DAY).toISOString() }],
      ['reminders', { reminders: [{ offsetMinutes: 60 }, { offsetMinutes: 60 }] }],
      ['reminders.0.offsetMinutes', { reminders: [{ offsetMinutes: -5 }] }],
      ['venue.postalCode', { venue: { name: 'Salle', address: '1 rue', postalCode: 'abc', city: 'Albi' } }],
      ['unexpected', { unexpected: true }],
    ])('rejects a bad %s with 422', async (field, overrides) => {
      expectFieldError(await post(eventInput(overrides)), field);
    });

    it('rejects a registration window that closes before it opens', async () => {
      const res = await post(
        eventInput({
          registrationOpensAt: new Date(Date.now() + 10 * DAY).toISOString(),
          registrationClosesAt: new Date(Date.now() + 5 * DAY).toISOString(),
        }),
      );
      expectFieldError(res, 'registrationClosesAt');
    });

    it('needs an organiser', async () => {
      const res = await t.http.post('/api/events').send(eventInput()).expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      await t.http.post('/api/events').set({ Authorization: 'Bearer not-a-token' }).send(eventInput()).expect(401);
    });
  });

  describe('read and list', () => {
    it('hides drafts from the public but shows them to organisers', async () => {
      const draft = await createEvent(t, { title: 'Brouillon secret' }, { publish: false });
      await t.http.get(`/api/events/${draft.id}`).expect(404);
      await t.http.get(`/api/events/${draft.slug}`).expect(404);
      await t.http.get(`/api/events/${draft.id}`).set(auth).expect(200);
      const list = await t.http.get('/api/events').expect(200);
      expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(draft.id);
      const drafts = await t.http.get('/api/events?status=draft').set(auth).expect(200);
      expect(drafts.body.items.map((e: { id: string }) => e.id)).toContain(draft.id);
      await t.http.get('/api/events?status=draft').expect(401);
    });

    it('gets a published event by id and by slug, without the online link for the public', async () => {
      const event = await createEvent(t, { title: 'Rencontre hybride', format: 'hybrid', onlineUrl: 'https://visio.example.org/x' });
      const byId = await t.http.get(`/api/events/${event.id}`).expect(200);
      const bySlug = await t.http.get(`/api/events/${event.slug}`).expect(200);
      expect(bySlug.body.id).toBe(event.id);
      expect(byId.body.onlineUrl).toBeUndefined();
      const organiserView = await t.http.get(`/api/events/${event.id}`).set(auth).expect(200);
      expect(organiserView.body.onlineUrl).toBe('https://visio.example.org/x');
      expect(byId.body.registrationOpen).toBe(true);
    });

    it('lists upcoming published events soonest first, with filters', async () => {
      const later = await createEvent(t, { title: 'Atelier Lozère', departments: ['48'], themes: ['ruralite'] }, { publish: true });
      const sooner = await createEvent(t, {
        ...eventInput({ title: 'Journée Tarn santé', departments: ['81'], themes: ['sante'], kind: 'study_day' }, 10),
      });
      const all = await t.http.get('/api/events?limit=500').expect(200);
      const ids = all.body.items.map((e: { id: string }) => e.id);
      expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
      expect(all.body.total).toBe(all.body.items.length);

      const byDept = await t.http.get('/api/events?department=48').expect(200);
      expect(byDept.body.items.map((e: { id: string }) => e.id)).toEqual([later.id]);
      const byTheme = await t.http.get('/api/events?theme=sante').expect(200);
      expect(byTheme.body.items.map((e: { id: string }) => e.id)).toEqual([sooner.id]);
      const byKind = await t.http.get('/api/events?kind=study_day').expect(200);
      expect(byKind.body.items.map((e: { id: string }) => e.id)).toEqual([sooner.id]);
      const byWord = await t.http.get(`/api/events?q=${encodeURIComponent('SANTE')}`).expect(200);
      expect(byWord.body.items.map((e: { id: string }) => e.id)).toEqual([sooner.id]);
      const to = encodeURIComponent(new Date(Date.now() + 20 * DAY).toISOString());
      const byTo = await t.http.get(`/api/events?to=${to}`).expect(200);
      expect(byTo.body.items.map((e: { id: string }) => e.id)).toEqual([sooner.id]);
    });

    it('paginates and bounds the page size', async () => {
      const page = await t.http.get('/api/events?limit=1&offset=1').expect(200);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThan(1);
      for (const bad of ['limit=0', 'limit=501', 'offset=-1', 'limit=abc']) {
        const res = await t.http.get(`/api/events?${bad}`).expect(422);
        expect(res.body.errors[0].field).toBe(bad.split('=')[0]);
      }
    });

    it('does not list events that are over', async () => {
      const past = await createEvent(t, { title: 'Ancienne rencontre' }, { publish: true });
      await t.dataSource.query(`UPDATE event SET starts_at = now() - interval '3 days', ends_at = now() - interval '2 days' WHERE id = $1`, [past.id]);
      const list = await t.http.get('/api/events?limit=500').expect(200);
      expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(past.id);
    });

    it('answers 404 for an unknown id or slug', async () => {
      await t.http.get('/api/events/00000000-0000-4000-8000-000000000000').expect(404);
      const res = await t.http.get('/api/events/nothing-here').expect(404);
      expect(res.body).toMatchObject({ status: 404, title: expect.any(String), type: expect.stringContaining('not-found') });
    });
  });

  describe('change and lifecycle', () => {
    it('patches and checks the whole result against the rules', async () => {
      const event = await createEvent(t, {}, { publish: false });
      const res = await t.http.patch(`/api/events/${event.id}`).set(auth).send({ title: 'Nouveau titre', capacity: 250 }).expect(200);
      expect(res.body).toMatchObject({ title: 'Nouveau titre', capacity: 250, slug: event.slug });
      expectFieldError(await t.http.patch(`/api/events/${event.id}`).set(auth).send({ endsAt: event.startsAt }), 'endsAt');
      expectFieldError(await t.http.patch(`/api/events/${event.id}`).set(auth).send({ format: 'hybrid' }), 'onlineUrl');
      expectFieldError(await t.http.patch(`/api/events/${event.id}`).set(auth).send({ venue: null }), 'venue');
      const unchanged = await t.http.get(`/api/events/${event.id}`).set(auth).expect(200);
      expect(unchanged.body.capacity).toBe(250);
      await t.http.patch(`/api/events/${event.id}`).send({ title: 'x' }).expect(401);
      await t.http.patch('/api/events/00000000-0000-4000-8000-000000000000').set(auth).send({ title: 'Inconnu' }).expect(404);
    });

    it('publishes once, cancels once, and refuses to delete what is not a draft', async () => {
      const event = await createEvent(t, {}, { publish: false });
      await t.http.post(`/api/events/${event.id}/publish`).set(auth).expect(200);
      await t.http.post(`/api/events/${event.id}/publish`).set(auth).expect(409);
      await t.http.delete(`/api/events/${event.id}`).set(auth).expect(409);
      expectFieldError(await t.http.post(`/api/events/${event.id}/cancel`).set(auth).send({}), 'reason');
      const cancelled = await t.http.post(`/api/events/${event.id}/cancel`).set(auth).send({ reason: 'Alerte météo' }).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Alerte météo', registrationOpen: false });
      await t.http.post(`/api/events/${event.id}/cancel`).set(auth).send({ reason: 'Encore' }).expect(409);
      await t.http.patch(`/api/events/${event.id}`).set(auth).send({ title: 'Trop tard' }).expect(409);
      await t.http.post(`/api/events/${event.id}/publish`).set(auth).expect(409);
    });

    it('deletes a draft', async () => {
      const event = await createEvent(t, {}, { publish: false });
      await t.http.delete(`/api/events/${event.id}`).expect(401);
      await t.http.delete(`/api/events/${event.id}`).set(auth).expect(204);
      await t.http.get(`/api/events/${event.id}`).set(auth).expect(404);
      await t.http.delete(`/api/events/${event.id}`).set(auth).expect(404);
    });

    it('opens registration only inside its window', async () => {
      const event = await createEvent(t, {
        registrationOpensAt: new Date(Date.now() + 2 * DAY).toISOString(),
        registrationClosesAt: new Date(Date.now() + 20 * DAY).toISOString(),
      });
      expect(event.registrationOpen).toBe(false);
      t.clock.set(new Date(Date.now() + 3 * DAY));
      try {
        const res = await t.http.get(`/api/events/${event.id}`).expect(200);
        expect(res.body.registrationOpen).toBe(true);
      } finally {
        t.clock.reset();
      }
    });
  });
});
