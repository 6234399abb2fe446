import { createEvent, register, registrationInput } from '../support/factories';
import { countsByStatus, outboxRows, seedWorkshop } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

describe('registering', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ mail: true });
  });
  afterAll(() => t.close());

  it('confirms while seats remain, then waitlists with a rank, and writes the right outbox rows', async () => {
    const event = await createEvent(t, { capacity: 2 });
    const a = await register(t, event.id).expect(201);
    expect(a.body).toEqual({
      id: expect.any(String),
      status: 'confirmed',
      manageToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      manageUrl: `${t.config.publicBaseUrl}/inscription/${a.body.manageToken}`,
      sessions: [],
    });
    await register(t, event.id).expect(201);
    const c = await register(t, event.id).expect(201);
    expect(c.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const d = await register(t, event.id).expect(201);
    expect(d.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    const shown = await t.http.get(`/api/events/${event.id}`).expect(200);
    expect(shown.body).toMatchObject({ seatsTaken: 2, seatsLeft: 0, waitlistLength: 2 });

    const rows = await outboxRows(t, event.id);
    expect(rows.map((r) => r.reason).sort()).toEqual(['confirmation', 'confirmation', 'waitlisted', 'waitlisted']);
    // Delivered, rendered from current data: the waitlisted person is told their rank.
    const [confirmation] = await t.mail.waitFor(1, (m) => m.text!.includes(a.body.manageUrl));
    expect(confirmation.subject).toMatch(/^Inscription confirmée/);
    expect(confirmation.attachments.map((f) => f.filename)).toContain('agenda.ics');
    const [waitlisted] = await t.mail.waitFor(1, (m) => m.text!.includes(c.body.manageUrl));
    expect(waitlisted.text).toMatch(/n°\s1 sur la liste d’attente/);
  });

  it('stores the email in lower case and refuses it twice (case-insensitive) until cancelled', async () => {
    const event = await createEvent(t, { capacity: 10 });
    const first = await register(t, event.id, { email: '  Sam.Martin@Exemple.FR ' }).expect(201);
    const me = await t.http.get('/api/registrations/me').set('X-Registration-Token', first.body.manageToken).expect(200);
    expect(me.body.email).toBe('sam.martin@exemple.fr');
    const again = await register(t, event.id, { email: 'SAM.MARTIN@exemple.fr' }).expect(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body).toMatchObject({ status: 409, detail: expect.stringContaining('déjà inscrite') });
    await t.http.delete('/api/registrations/me').set('X-Registration-Token', first.body.manageToken).expect(200);
    await register(t, event.id, { email: 'sam.martin@exemple.fr' }).expect(201);
  });

  it('validates the body field by field', async () => {
    const event = await createEvent(t);
    const bad = await t.http
      .post(`/api/events/${event.id}/registrations`)
      .send(registrationInput({ firstName: '   ', email: 'pas-une-adresse', organisationType: 'ovni', department: '999', consent: false, accessibilityNeeds: 'x'.repeat(1001) }))
      .expect(422);
    const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['accessibilityNeeds', 'consent', 'department', 'email', 'firstName', 'organisationType']);
    const missingConsent = registrationInput();
    delete missingConsent.consent;
    await t.http.post(`/api/events/${event.id}/registrations`).send(missingConsent).expect(422);
    await t.http
      .post(`/api/events/${event.id}/registrations`)
      .send(registrationInput({ unknown: 1 }))
      .expect(422);
    await t.http
      .post(`/api/events/${event.id}/registrations`)
      .send(registrationInput({ sessionIds: ['nope'] }))
      .expect(422);
  });

  it('stores consents with their time and forces the mode of single-mode events', async () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    t.clock.set(at);
    const event = await createEvent(t, { format: 'online', venue: null, onlineUrl: 'https://visio.example.org/r', capacity: null, kind: 'webinar' });
    const res = await register(t, event.id, { attendanceMode: 'onsite', photoConsent: true }).expect(201);
    const me = await t.http.get(`/api/registrations/me?token=${res.body.manageToken}`).expect(200);
    expect(me.body).toMatchObject({ attendanceMode: 'online', status: 'confirmed', photoConsent: true, onlineUrl: 'https://visio.example.org/r' });
    expect(new Date(me.body.consentAt).getTime()).toBe(at.getTime());
    expect(me.body.photoConsentAt).toBe(me.body.consentAt);
    t.clock.reset();
  });

  it('answers 404 for a draft or unknown event and 422 when registration is closed', async () => {
    const draft = await createEvent(t, {}, { publish: false });
    await register(t, draft.id).expect(404);
    await register(t, '00000000-0000-4000-8000-000000000000').expect(404);
    await register(t, 'not-a-uuid').expect(404);

    const later = await createEvent(t, { registrationOpensAt: new Date(Date.now() + 5 * 86400_000).toISOString() });
    const notYet = await register(t, later.id).expect(422);
    expect(notYet.body.detail).toMatch(/pas encore ouvertes/);

    const closes = await createEvent(t, { registrationClosesAt: new Date(Date.now() + 86400_000).toISOString() });
    t.clock.set(new Date(Date.now() + 2 * 86400_000));
    const past = await register(t, closes.id).expect(422);
    expect(past.body.detail).toMatch(/closes/);
    t.clock.reset();

    const cancelled = await createEvent(t);
    await t.http
      .post(`/api/events/${cancelled.id}/cancel`)
      .set(await t.auth())
      .send({ reason: 'Intempéries' })
      .expect(200);
    const gone = await register(t, cancelled.id).expect(422);
    expect(gone.body.detail).toMatch(/annulé/);
  });

  it('requires the attendance mode for hybrid events and counts each mode apart', async () => {
    const event = await createEvent(t, { format: 'hybrid', onlineUrl: 'https://visio.example.org/h', capacity: 1, onlineCapacity: 2 });
    const missing = await register(t, event.id).expect(422);
    expect(missing.body.errors).toEqual([{ field: 'attendanceMode', message: expect.any(String) }]);
    expect((await register(t, event.id, { attendanceMode: 'onsite' }).expect(201)).body.status).toBe('confirmed');
    expect((await register(t, event.id, { attendanceMode: 'onsite' }).expect(201)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await register(t, event.id, { attendanceMode: 'online' }).expect(201)).body.status).toBe('confirmed');
    expect((await register(t, event.id, { attendanceMode: 'online' }).expect(201)).body.status).toBe('confirmed');
    expect((await register(t, event.id, { attendanceMode: 'online' }).expect(201)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await countsByStatus(t, event.id, 'online')).toEqual({ confirmed: 2, waitlisted: 1 });
    const shown = await t.http.get(`/api/events/${event.id}`).expect(200);
    expect(shown.body).toMatchObject({ seatsTaken: 1, seatsLeft: 0, waitlistLength: 1, online: { seatsTaken: 2, seatsLeft: 0, waitlistLength: 1 } });
  });

  it('checks workshop choices: only workshops of this event, no two at once, a full one waitlists that choice only', async () => {
    const event = await createEvent(t, { capacity: 50 });
    const other = await createEvent(t);
    const w1 = await seedWorkshop(t, event, { slot: 0, capacity: 1 });
    const w2 = await seedWorkshop(t, event, { slot: 0 });
    const w3 = await seedWorkshop(t, event, { slot: 1 });
    const plenary = await seedWorkshop(t, event, { slot: 2, type: 'plenary' });
    const foreign = await seedWorkshop(t, other, { slot: 1 });

    const clash = await register(t, event.id, { sessionIds: [w1.id, w2.id] }).expect(409);
    expect(clash.body.detail).toMatch(/en même temps/);
    const notWorkshop = await register(t, event.id, { sessionIds: [plenary.id] }).expect(422);
    expect(notWorkshop.body.errors[0].field).toBe('sessionIds');
    await register(t, event.id, { sessionIds: [foreign.id] }).expect(422);
    await register(t, event.id, { sessionIds: [w1.id, w1.id] }).expect(422);

    const a = await register(t, event.id, { sessionIds: [w1.id, w3.id] }).expect(201);
    expect(a.body).toMatchObject({
      status: 'confirmed',
      sessions: [
        { sessionId: w1.id, status: 'confirmed' },
        { sessionId: w3.id, status: 'confirmed' },
      ],
    });
    const b = await register(t, event.id, { sessionIds: [w3.id, w1.id] }).expect(201);
    expect(b.body).toMatchObject({
      status: 'confirmed',
      sessions: [
        { sessionId: w3.id, status: 'confirmed' },
        { sessionId: w1.id, status: 'waitlisted' },
      ],
    });
    const me = await t.http.get('/api/registrations/me').set('X-Registration-Token', b.body.manageToken).expect(200);
    expect(me.body.sessions.find((s: { sessionId: string }) => s.sessionId === w1.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    // The confirmation lists the workshops in programme order, each with its status.
    const [told] = await t.mail.waitFor(1, (m) => m.text!.includes(b.body.manageUrl));
    const text = told.text!.replace(/\u200b/g, '');
    expect(text.indexOf(w1.title)).toBeGreaterThan(-1);
    expect(text.indexOf(w1.title)).toBeLessThan(text.indexOf(w3.title));
    expect(text.slice(text.indexOf(w1.title), text.indexOf(w3.title))).toMatch(/Liste d’attente/);
    expect(text.slice(text.indexOf(w3.title))).toMatch(/^[^\n]*\n[^\n]*\n\s*Place confirmée\./);
    expect(String(told.html)).toContain(w1.title);
    // Nothing was half-written by the refused attempts.
    expect(await countsByStatus(t, event.id)).toEqual({ confirmed: 2 });
  });

  it('documents its endpoints in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/events/{id}/registrations', '/api/events/{id}/registrations/{registrationId}', '/api/registrations/me', '/api/registrations/me/export']),
    );
    expect(doc.paths['/api/registrations/me'].patch).toBeDefined();
    expect(doc.paths['/api/registrations/me'].delete).toBeDefined();
    expect(doc.components.schemas.RegisterDto.required).toEqual(expect.arrayContaining(['firstName', 'lastName', 'email', 'organisationType', 'consent']));
  });

  it('stores hostile text exactly as typed (quotes, backslashes, SQL), and refuses NUL characters naming the field', async () => {
    const event = await createEvent(t);
    const hostile = `O'Brien \\' ); DROP TABLE registration; -- \\n «»`;
    const refused = await register(t, event.id, { lastName: hostile, organisation: `L'atelier\u0000 d'à côté` }).expect(422);
    expect(refused.body.errors).toEqual([{ field: 'organisation', message: 'must not contain control characters' }]);
    const res = await register(t, event.id, { lastName: hostile, organisation: `L'atelier d'à côté`, dietaryRequirements: "E'\\x41'" }).expect(201);
    const me = await t.http.get('/api/registrations/me').set('X-Registration-Token', res.body.manageToken).expect(200);
    expect(me.body).toMatchObject({ lastName: hostile, organisation: `L'atelier d'à côté`, dietaryRequirements: "E'\\x41'" });
    expect(await countsByStatus(t, event.id)).toEqual({ confirmed: 1 });
  });
});
