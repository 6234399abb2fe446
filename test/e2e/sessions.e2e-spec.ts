import { SessionHooks } from '../../src/programme/sessions/session-hooks';
import { conflict } from '../../src/common/domain-error';
import { at, createAction, createEvent, createRoom, createSession, createSpeaker, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('sessions', () => {
  let t: TestApp;
  let event: Record<string, any>;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t);
    auth = await t.auth();
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>, eventId = event.id) =>
    t.http
      .post(`/api/events/${eventId}/sessions`)
      .set(auth)
      .send({ title: 'Atelier', type: 'workshop', ...body });

  it('creates a session with its room, speakers, themes, actions and capacity, in the event’s timezone', async () => {
    const room = await createRoom(t, event.id);
    const speaker = await createSpeaker(t, event.id);
    const action = await createAction(t, event.id);
    const res = await post({
      title: 'Atelier : accès aux droits',
      description: 'Échanges de pratiques.',
      roomId: room.id,
      speakerIds: [speaker.id],
      actionIds: [action.id],
      themes: ['ruralite'],
      capacity: 30,
      ...slot(event, 1, 2.5),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      eventId: event.id,
      title: 'Atelier : accès aux droits',
      type: 'workshop',
      roomId: room.id,
      speakerIds: [speaker.id],
      actionIds: [action.id],
      themes: ['ruralite'],
      capacity: 30,
    });
    expect(res.body.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T10:00:00\+01:00$/);
    expect(new Date(res.body.endsAt).toISOString()).toBe(at(event, 2.5));
    const one = await t.http.get(`/api/events/${event.id}/sessions/${res.body.id}`).expect(200);
    expect(one.body).toEqual(res.body);
  });

  it('refuses a session outside the event or ending before it starts (422)', async () => {
    const before = await post(slot(event, -1, 0.5)).expect(422);
    expect(before.body.errors.map((e: any) => e.field)).toContain('startsAt');
    const after = await post(slot(event, 31, 33)).expect(422);
    expect(after.body.errors.map((e: any) => e.field)).toContain('endsAt');
    const backwards = await post(slot(event, 3, 2)).expect(422);
    expect(backwards.body.errors).toContainEqual({ field: 'endsAt', message: 'must be after startsAt' });
    await post(slot(event, 3, 3)).expect(422);
  });

  it('validates every field (422)', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'concert' }, 'type'],
      [{ title: '' }, 'title'],
      [{ themes: ['astrologie'] }, 'themes'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ roomId: 'salle-1' }, 'roomId'],
      [{ speakerIds: ['x'] }, 'speakerIds'],
      [{ actionIds: 'x' }, 'actionIds'],
      [{ startsAt: 'demain' }, 'startsAt'],
      [{ startsAt: '2027-03-11T09:00:00' }, 'startsAt'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const res = await post({ ...slot(event, 1, 2), ...body });
      expect([res.status, res.body.errors?.map((e: any) => e.field)]).toEqual([422, expect.arrayContaining([field])]);
    }
  });

  it('refuses a room, speaker or action of another event (422)', async () => {
    const other = await createEvent(t, { title: 'Autre événement' });
    const room = await createRoom(t, other.id);
    const speaker = await createSpeaker(t, other.id);
    const action = await createAction(t, other.id);
    for (const [body, field] of [
      [{ roomId: room.id }, 'roomId'],
      [{ speakerIds: [speaker.id] }, 'speakerIds'],
      [{ actionIds: [action.id] }, 'actionIds'],
    ] as const) {
      const res = await post({ ...slot(event, 1, 2), ...body }).expect(422);
      expect(res.body.errors[0].field).toBe(field);
    }
  });

  it('refuses a room already taken at an overlapping time, naming the other session (409)', async () => {
    const room = await createRoom(t, event.id, { name: 'Salle Rabelais' });
    const first = await createSession(t, event.id, { title: 'Atelier X', roomId: room.id, ...slot(event, 4, 5) });
    const res = await post({ title: 'Atelier Y', roomId: room.id, ...slot(event, 4.5, 5.5) }).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].field).toBe('roomId');
    expect(res.body.errors[0].message).toContain('Salle déjà occupée par « Atelier X »');
    expect(res.body.errors[0].message).toContain(first.id);
    // Inside, around, same times: all clash.
    await post({ roomId: room.id, ...slot(event, 4.25, 4.75) }).expect(409);
    await post({ roomId: room.id, ...slot(event, 3.5, 5.5) }).expect(409);
    await post({ roomId: room.id, ...slot(event, 4, 5) }).expect(409);
  });

  it('accepts sessions that only touch (end = start) in the same room and with the same speaker', async () => {
    const room = await createRoom(t, event.id);
    const speaker = await createSpeaker(t, event.id);
    await createSession(t, event.id, { roomId: room.id, speakerIds: [speaker.id], ...slot(event, 6, 7) });
    await post({ roomId: room.id, speakerIds: [speaker.id], ...slot(event, 7, 8) }).expect(201);
    await post({ roomId: room.id, speakerIds: [speaker.id], ...slot(event, 5, 6) }).expect(201);
  });

  it('refuses a speaker who already speaks elsewhere at that time, naming each clashing session (409)', async () => {
    const alice = await createSpeaker(t, event.id, { fullName: 'Alice Martin' });
    const bob = await createSpeaker(t, event.id, { fullName: 'Bob Durand' });
    const a = await createSession(t, event.id, { title: 'Table ronde emploi', type: 'round_table', speakerIds: [alice.id], ...slot(event, 24, 25) });
    const b = await createSession(t, event.id, { title: 'Atelier santé', speakerIds: [bob.id], ...slot(event, 25, 26) });
    const res = await post({ title: 'Plénière', type: 'plenary', speakerIds: [alice.id, bob.id], ...slot(event, 24.5, 25.5) }).expect(409);
    expect(res.body.errors).toHaveLength(2);
    expect(res.body.errors[0]).toEqual({ field: 'speakerIds', message: expect.stringContaining(`Alice Martin intervient déjà dans « Table ronde emploi »`) });
    expect(res.body.errors[0].message).toContain(a.id);
    expect(res.body.errors[1].message).toContain(`Bob Durand intervient déjà dans « Atelier santé »`);
    expect(res.body.errors[1].message).toContain(b.id);
  });

  it('checks the same rules when a session is moved, and ignores the session’s own slot', async () => {
    const room = await createRoom(t, event.id);
    const a = await createSession(t, event.id, { title: 'Atelier A', roomId: room.id, ...slot(event, 27, 28) });
    const b = await createSession(t, event.id, { title: 'Atelier B', roomId: room.id, ...slot(event, 28, 29) });
    // Lengthen A within its own slot: fine.
    await t.http
      .patch(`/api/events/${event.id}/sessions/${a.id}`)
      .set(await t.auth())
      .send({ startsAt: at(event, 26.5) })
      .expect(200);
    const clash = await t.http
      .patch(`/api/events/${event.id}/sessions/${b.id}`)
      .set(await t.auth())
      .send({ startsAt: at(event, 27.5) })
      .expect(409);
    expect(clash.body.errors[0].message).toContain('« Atelier A »');
    await t.http
      .patch(`/api/events/${event.id}/sessions/${b.id}`)
      .set(await t.auth())
      .send({ endsAt: at(event, 40) })
      .expect(422);
    const moved = await t.http
      .patch(`/api/events/${event.id}/sessions/${b.id}`)
      .set(await t.auth())
      .send({ roomId: null, title: 'Atelier B bis', capacity: 12 })
      .expect(200);
    expect(moved.body).toMatchObject({ roomId: null, title: 'Atelier B bis', capacity: 12 });
  });

  it('lists sessions in time order, paginated and filtered by type; public only for published events', async () => {
    const list = await t.http.get(`/api/events/${event.id}/sessions?type=round_table`).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((s: any) => s.type === 'round_table')).toBe(true);
    const all = await t.http.get(`/api/events/${event.id}/sessions?limit=500`).expect(200);
    const starts = all.body.items.map((s: any) => new Date(s.startsAt).getTime());
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(all.body.total).toBe(all.body.items.length);
    const page = await t.http.get(`/api/events/${event.id}/sessions?limit=2&offset=1`).expect(200);
    expect(page.body.items.map((s: any) => s.id)).toEqual(all.body.items.slice(1, 3).map((s: any) => s.id));
    const draft = await createEvent(t, { title: 'Brouillon sessions' }, { publish: false });
    await t.http.get(`/api/events/${draft.id}/sessions`).expect(404);
    await t.http
      .get(`/api/events/${draft.id}/sessions`)
      .set(await t.auth())
      .expect(200);
  });

  it('answers 401 without a token and 404 for unknown ids', async () => {
    const s = await createSession(t, event.id, slot(event, 29, 30));
    await t.http
      .post(`/api/events/${event.id}/sessions`)
      .send({ title: 'X', type: 'talk', ...slot(event, 1, 2) })
      .expect(401);
    await t.http.patch(`/api/events/${event.id}/sessions/${s.id}`).send({ title: 'X' }).expect(401);
    await t.http.delete(`/api/events/${event.id}/sessions/${s.id}`).expect(401);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await post(slot(event, 1, 2), unknown).expect(404);
    await t.http.get(`/api/events/${event.id}/sessions/${unknown}`).expect(404);
    await t.http
      .patch(`/api/events/${event.id}/sessions/${unknown}`)
      .set(await t.auth())
      .send({ title: 'X' })
      .expect(404);
    await t.http
      .delete(`/api/events/${event.id}/sessions/${unknown}`)
      .set(await t.auth())
      .expect(404);
    await t.http
      .delete(`/api/events/${event.id}/sessions/nope`)
      .set(await t.auth())
      .expect(404);
  });

  it('calls the session hooks inside the transaction: a handler refusing the change rolls it back', async () => {
    const s = await createSession(t, event.id, { title: 'Atelier surveillé', ...slot(event, 30, 31) });
    const seen: string[] = [];
    t.app.get(SessionHooks).register({
      async onSessionUpdated(session, before) {
        seen.push(`updated ${before.title} → ${session.title}`);
        if (session.title === 'Refusé') throw conflict('refused', 'Refusé par un module.');
      },
      async onSessionDeleting(session) {
        seen.push(`deleting ${session.title}`);
      },
    });
    await t.http
      .patch(`/api/events/${event.id}/sessions/${s.id}`)
      .set(await t.auth())
      .send({ title: 'Refusé' })
      .expect(409);
    expect((await t.http.get(`/api/events/${event.id}/sessions/${s.id}`).expect(200)).body.title).toBe('Atelier surveillé');
    await t.http
      .patch(`/api/events/${event.id}/sessions/${s.id}`)
      .set(await t.auth())
      .send({ title: 'Atelier renommé' })
      .expect(200);
    await t.http
      .delete(`/api/events/${event.id}/sessions/${s.id}`)
      .set(await t.auth())
      .expect(204);
    expect(seen).toEqual(['updated Atelier surveillé → Refusé', 'updated Atelier surveillé → Atelier renommé', 'deleting Atelier renommé']);
    await t.http.get(`/api/events/${event.id}/sessions/${s.id}`).expect(404);
  });

  it('refuses programme changes once the event is cancelled (409), leaving the programme as it was', async () => {
    const other = await createEvent(t, { title: 'Rencontre annulée' });
    const s = await createSession(t, other.id, { title: 'Atelier maintenu', ...slot(other, 1, 2) });
    await t.http.post(`/api/events/${other.id}/cancel`).set(auth).send({ reason: 'Grève des transports' }).expect(200);
    const created = await post(slot(other, 3, 4), other.id).expect(409);
    expect(created.body.detail).toMatch(/annulé/);
    await t.http.patch(`/api/events/${other.id}/sessions/${s.id}`).set(auth).send({ title: 'Renommé' }).expect(409);
    await t.http.delete(`/api/events/${other.id}/sessions/${s.id}`).set(auth).expect(409);
    const list = await t.http.get(`/api/events/${other.id}/sessions`).set(auth).expect(200);
    expect(list.body.items.map((x: { title: string }) => x.title)).toEqual(['Atelier maintenu']);
  });
});
