import { createEvent, register } from '../support/factories';
import { countsByStatus, outboxRows, seedWorkshop } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

describe('capacity changes and programme changes reach the waiting lists', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const me = (token: string) =>
    t.http
      .get('/api/registrations/me')
      .set('X-Registration-Token', token)
      .expect(200)
      .then((r) => r.body);

  it('raising the event capacity confirms the first waitlisted at once; lowering below the confirmed count is refused', async () => {
    const event = await createEvent(t, { capacity: 2 });
    const people = [];
    for (let i = 0; i < 5; i++) people.push((await register(t, event.id).expect(201)).body);
    const auth = await t.auth();
    const refused = await t.http.patch(`/api/events/${event.id}`).set(auth).send({ capacity: 1 }).expect(409);
    expect(refused.body).toMatchObject({ status: 409, detail: expect.stringMatching(/ne peut pas descendre/) });
    expect((await t.http.get(`/api/events/${event.id}`).expect(200)).body.capacity).toBe(2);
    const raised = await t.http.patch(`/api/events/${event.id}`).set(auth).send({ capacity: 4 }).expect(200);
    expect(raised.body).toMatchObject({ seatsTaken: 4, seatsLeft: 0, waitlistLength: 1 });
    expect((await me(people[2].manageToken)).status).toBe('confirmed');
    expect((await me(people[3].manageToken)).status).toBe('confirmed');
    expect(await me(people[4].manageToken)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const promoted = (await outboxRows(t, event.id))
      .filter((r) => r.reason === 'promoted')
      .map((r) => r.registration_id)
      .sort();
    expect(promoted).toEqual([people[2].id, people[3].id].sort());
    await t.http.patch(`/api/events/${event.id}`).set(auth).send({ capacity: 4 }).expect(200);
  });

  it('hybrid: each mode has its own capacity and list; the online capacity made unlimited confirms everyone waiting online', async () => {
    const event = await createEvent(t, { format: 'hybrid', onlineUrl: 'https://visio.example.org/z', capacity: 1, onlineCapacity: 1 });
    await register(t, event.id, { attendanceMode: 'online' }).expect(201);
    await register(t, event.id, { attendanceMode: 'online' }).expect(201);
    await register(t, event.id, { attendanceMode: 'onsite' }).expect(201);
    await register(t, event.id, { attendanceMode: 'onsite' }).expect(201);
    await t.http
      .patch(`/api/events/${event.id}`)
      .set(await t.auth())
      .send({ onlineCapacity: null })
      .expect(200);
    expect(await countsByStatus(t, event.id, 'online')).toEqual({ confirmed: 2 });
    expect(await countsByStatus(t, event.id, 'onsite')).toEqual({ confirmed: 1, waitlisted: 1 });
  });

  it('cancelling the event tells every confirmed and waitlisted registrant once (not those who had cancelled)', async () => {
    const event = await createEvent(t, { capacity: 1 });
    const a = (await register(t, event.id).expect(201)).body;
    const b = (await register(t, event.id).expect(201)).body;
    const c = (await register(t, event.id).expect(201)).body;
    await t.http.delete('/api/registrations/me').set('X-Registration-Token', c.manageToken).expect(200);
    await t.http
      .post(`/api/events/${event.id}/cancel`)
      .set(await t.auth())
      .send({ reason: 'Alerte météo' })
      .expect(200);
    const told = (await outboxRows(t, event.id)).filter((r) => r.reason === 'event_cancelled');
    expect(told.map((r) => r.registration_id).sort()).toEqual([a.id, b.id].sort());
    await t.http
      .post(`/api/events/${event.id}/cancel`)
      .set(await t.auth())
      .send({ reason: 'Encore' })
      .expect(409);
    expect((await outboxRows(t, event.id)).filter((r) => r.reason === 'event_cancelled')).toHaveLength(2);
  });

  it('a workshop’s capacity raised through the programme promotes its waiting list; lowered below confirmed is refused', async () => {
    const event = await createEvent(t, { capacity: 50 });
    const workshop = await seedWorkshop(t, event, { slot: 0, capacity: 1 });
    const a = (await register(t, event.id, { sessionIds: [workshop.id] }).expect(201)).body;
    const b = (await register(t, event.id, { sessionIds: [workshop.id] }).expect(201)).body;
    const c = (await register(t, event.id, { sessionIds: [workshop.id] }).expect(201)).body;
    const auth = await t.auth();
    const url = `/api/events/${event.id}/sessions/${workshop.id}`;
    await t.http.patch(url).set(auth).send({ capacity: 2 }).expect(200);
    expect((await me(b.manageToken)).sessions[0].status).toBe('confirmed');
    expect((await me(c.manageToken)).sessions[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await outboxRows(t, event.id)).filter((r) => r.reason === `promoted:${workshop.id}`).map((r) => r.registration_id)).toEqual([b.id]);
    const refused = await t.http.patch(url).set(auth).send({ capacity: 1 }).expect(409);
    expect(refused.body.detail).toMatch(/ne peut pas descendre/);
    expect((await me(a.manageToken)).sessions[0].status).toBe('confirmed');
  });

  it('a moved workshop tells everyone who chose it; moves within a few minutes make one message from what they were told', async () => {
    const event = await createEvent(t, { capacity: 50 });
    const workshop = await seedWorkshop(t, event, { slot: 0 });
    const a = (await register(t, event.id, { sessionIds: [workshop.id] }).expect(201)).body;
    await register(t, event.id).expect(201);
    const startsAt = new Date(new Date(event.startsAt).getTime() + 5 * 3600_000);
    await t.http
      .patch(`/api/events/${event.id}/sessions/${workshop.id}`)
      .set(await t.auth())
      .send({ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString() })
      .expect(200);
    const changed = (await outboxRows(t, event.id)).filter((r) => r.reason.startsWith(`session_changed:${workshop.id}:`));
    expect(changed.map((r) => r.registration_id)).toEqual([a.id]);
    expect(changed[0].payload).toMatchObject({ sessionId: workshop.id, title: workshop.title, startsAt: new Date(workshop.startsAt).toISOString() });
    const later = new Date(startsAt.getTime() + 3600_000);
    await t.http
      .patch(`/api/events/${event.id}/sessions/${workshop.id}`)
      .set(await t.auth())
      .send({ startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 3600_000).toISOString() })
      .expect(200);
    const still = (await outboxRows(t, event.id)).filter((r) => r.reason.startsWith(`session_changed:${workshop.id}:`));
    expect(still).toEqual(changed);
  });

  it('a freed workshop seat skips someone it would put in two places at once', async () => {
    const event = await createEvent(t, { capacity: 50 });
    const w1 = await seedWorkshop(t, event, { slot: 0 });
    const w2 = await seedWorkshop(t, event, { slot: 1, capacity: 1 });
    const holder = (await register(t, event.id, { sessionIds: [w2.id] }).expect(201)).body;
    const first = (await register(t, event.id, { sessionIds: [w1.id, w2.id] }).expect(201)).body;
    const second = (await register(t, event.id, { sessionIds: [w2.id] }).expect(201)).body;
    // The organiser moves w2 onto w1's slot (straight in the table: only the clash matters here).
    await t.dataSource.query(`UPDATE session SET starts_at = $2, ends_at = $3 WHERE id = $1`, [w2.id, w1.startsAt, w1.endsAt]);
    await t.http.delete('/api/registrations/me').set('X-Registration-Token', holder.manageToken).expect(200);
    expect((await me(first.manageToken)).sessions.find((s: any) => s.sessionId === w2.id).status).toBe('waitlisted');
    expect((await me(second.manageToken)).sessions[0].status).toBe('confirmed');
  });

  it('a waitlisted registrant’s workshop choices wait too, and take free seats when the registrant is promoted', async () => {
    const event = await createEvent(t, { capacity: 1 });
    const workshop = await seedWorkshop(t, event, { slot: 0, capacity: 5 });
    const a = (await register(t, event.id).expect(201)).body;
    const b = (await register(t, event.id, { sessionIds: [workshop.id] }).expect(201)).body;
    expect(b).toMatchObject({ status: 'waitlisted', sessions: [{ sessionId: workshop.id, status: 'waitlisted' }] });
    await t.http.delete('/api/registrations/me').set('X-Registration-Token', a.manageToken).expect(200);
    const now = await me(b.manageToken);
    expect(now.status).toBe('confirmed');
    expect(now.sessions[0].status).toBe('confirmed');
    const promoted = (await outboxRows(t, event.id)).filter((r) => r.registration_id === b.id).map((r) => r.reason);
    expect(promoted.sort()).toEqual(['promoted', 'waitlisted']);
  });

  it('a room’s capacity raised promotes the waiting lists of its workshops that take the room’s capacity; lowered below confirmed is refused', async () => {
    const event = await createEvent(t, { capacity: 50 });
    const auth = await t.auth();
    const room = (await t.http.post(`/api/events/${event.id}/rooms`).set(auth).send({ name: 'Salle Joffre', capacity: 1 }).expect(201)).body;
    const workshop = await seedWorkshop(t, event, { slot: 0, roomId: room.id });
    const ownCapacity = await seedWorkshop(t, event, { slot: 1, roomId: room.id, capacity: 1 });
    const a = (await register(t, event.id, { sessionIds: [workshop.id, ownCapacity.id] }).expect(201)).body;
    const b = (await register(t, event.id, { sessionIds: [workshop.id, ownCapacity.id] }).expect(201)).body;
    const c = (await register(t, event.id, { sessionIds: [workshop.id] }).expect(201)).body;
    expect(b.sessions.map((s: any) => s.status)).toEqual(['waitlisted', 'waitlisted']);
    const url = `/api/events/${event.id}/rooms/${room.id}`;
    const choice = async (token: string, sessionId: string) => (await me(token)).sessions.find((s: any) => s.sessionId === sessionId);

    await t.http.patch(url).set(auth).send({ capacity: 2 }).expect(200);
    expect(await choice(b.manageToken, workshop.id)).toMatchObject({ status: 'confirmed' });
    expect(await choice(c.manageToken, workshop.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    // A workshop with its own capacity does not take the room's.
    expect(await choice(b.manageToken, ownCapacity.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const promotedFor = async (sessionId: string) => (await outboxRows(t, event.id)).filter((r) => r.reason === `promoted:${sessionId}`).map((r) => r.registration_id);
    expect(await promotedFor(workshop.id)).toEqual([b.id]);
    expect(await promotedFor(ownCapacity.id)).toEqual([]);

    const mailsBefore = (await outboxRows(t, event.id)).length;
    const refused = await t.http.patch(url).set(auth).send({ name: 'Salle Foch', capacity: 1 }).expect(409);
    expect(refused.body).toMatchObject({ status: 409, detail: expect.stringMatching(/ne peut pas descendre/) });
    expect((await t.http.get(url).set(auth).expect(200)).body).toMatchObject({ name: 'Salle Joffre', capacity: 2 });
    expect(await choice(a.manageToken, workshop.id)).toMatchObject({ status: 'confirmed' });
    expect(await choice(b.manageToken, workshop.id)).toMatchObject({ status: 'confirmed' });
    expect(await choice(c.manageToken, workshop.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await outboxRows(t, event.id)).length).toBe(mailsBefore);
  });
});
