import { createAction, createEvent, createRoom, createSession, createSpeaker, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('rooms', () => {
  let t: TestApp;
  let event: Record<string, any>;
  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t);
  });
  afterAll(() => t.close());

  it('lets organisers add, rename and list rooms; the public reads them for a published event', async () => {
    const created = await t.http
      .post(`/api/events/${event.id}/rooms`)
      .set(await t.auth())
      .send({ name: 'Salle Pasteur', capacity: 60 })
      .expect(201);
    expect(created.body).toMatchObject({ id: expect.any(String), eventId: event.id, name: 'Salle Pasteur', capacity: 60 });
    const patched = await t.http
      .patch(`/api/events/${event.id}/rooms/${created.body.id}`)
      .set(await t.auth())
      .send({ capacity: null })
      .expect(200);
    expect(patched.body.capacity).toBeNull();
    const list = await t.http.get(`/api/events/${event.id}/rooms`).expect(200);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect(list.body.items.map((r: any) => r.name)).toContain('Salle Pasteur');
    await t.http.get(`/api/events/${event.id}/rooms/${created.body.id}`).expect(200);
  });

  it('paginates with limit and offset', async () => {
    const other = await createEvent(t, { title: 'Journée d’étude pagination' });
    for (const name of ['A', 'B', 'C']) await createRoom(t, other.id, { name: `Salle ${name}` });
    const page = await t.http.get(`/api/events/${other.id}/rooms?limit=2&offset=1`).expect(200);
    expect(page.body).toEqual({ items: [expect.objectContaining({ name: 'Salle B' }), expect.objectContaining({ name: 'Salle C' })], total: 3 });
    await t.http.get(`/api/events/${other.id}/rooms?limit=0`).expect(422);
  });

  it('requires an organiser token to write', async () => {
    await t.http.post(`/api/events/${event.id}/rooms`).send({ name: 'Salle pirate' }).expect(401);
    const room = await createRoom(t, event.id);
    await t.http.patch(`/api/events/${event.id}/rooms/${room.id}`).send({ name: 'X' }).expect(401);
    await t.http.delete(`/api/events/${event.id}/rooms/${room.id}`).expect(401);
  });

  it('validates the body (422) and refuses two rooms with the same name (409)', async () => {
    const res = await t.http
      .post(`/api/events/${event.id}/rooms`)
      .set(await t.auth())
      .send({ name: '', capacity: 0, floor: 2 })
      .expect(422);
    expect(res.body.errors.map((e: any) => e.field).sort()).toEqual(['capacity', 'floor', 'name']);
    await createRoom(t, event.id, { name: 'Salle Joffre' });
    const dup = await t.http
      .post(`/api/events/${event.id}/rooms`)
      .set(await t.auth())
      .send({ name: 'salle joffre' })
      .expect(409);
    expect(dup.body.errors[0].field).toBe('name');
  });

  it('answers 404 for unknown events and rooms, and for a draft seen publicly', async () => {
    const draft = await createEvent(t, { title: 'Brouillon' }, { publish: false });
    await createRoom(t, draft.id);
    await t.http.get(`/api/events/${draft.id}/rooms`).expect(404);
    await t.http
      .get(`/api/events/${draft.id}/rooms`)
      .set(await t.auth())
      .expect(200);
    await t.http.get(`/api/events/00000000-0000-4000-8000-000000000000/rooms`).expect(404);
    await t.http.get(`/api/events/not-a-uuid/rooms`).expect(404);
    await t.http
      .post(`/api/events/00000000-0000-4000-8000-000000000000/rooms`)
      .set(await t.auth())
      .send({ name: 'X' })
      .expect(404);
    await t.http
      .patch(`/api/events/${event.id}/rooms/00000000-0000-4000-8000-000000000000`)
      .set(await t.auth())
      .send({ name: 'X' })
      .expect(404);
    await t.http
      .delete(`/api/events/${event.id}/rooms/00000000-0000-4000-8000-000000000000`)
      .set(await t.auth())
      .expect(404);
  });

  it('refuses to delete a room still used by sessions, naming them; deletes it once free', async () => {
    const room = await createRoom(t, event.id, { name: 'Salle occupée' });
    const a = await createSession(t, event.id, { title: 'Atelier petite enfance', roomId: room.id, ...slot(event, 1, 2) });
    const b = await createSession(t, event.id, { title: 'Atelier santé', roomId: room.id, ...slot(event, 3, 4) });
    const res = await t.http
      .delete(`/api/events/${event.id}/rooms/${room.id}`)
      .set(await t.auth())
      .expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([
      { field: 'sessions', message: `« Atelier petite enfance » (id ${a.id})` },
      { field: 'sessions', message: `« Atelier santé » (id ${b.id})` },
    ]);
    for (const s of [a, b])
      await t.http
        .delete(`/api/events/${event.id}/sessions/${s.id}`)
        .set(await t.auth())
        .expect(204);
    await t.http
      .delete(`/api/events/${event.id}/rooms/${room.id}`)
      .set(await t.auth())
      .expect(204);
    await t.http.get(`/api/events/${event.id}/rooms/${room.id}`).expect(404);
  });

  it('lets a draft event be deleted with its whole programme', async () => {
    const draft = await createEvent(t, { title: 'Brouillon à supprimer' }, { publish: false });
    const room = await createRoom(t, draft.id);
    const speaker = await createSpeaker(t, draft.id);
    const action = await createAction(t, draft.id);
    await createSession(t, draft.id, { roomId: room.id, speakerIds: [speaker.id], actionIds: [action.id], ...slot(draft, 1, 2) });
    const deleted = await t.http.delete(`/api/events/${draft.id}`).set(await t.auth());
    expect([deleted.status, deleted.body]).toEqual([204, {}]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM room WHERE event_id = $1`, [draft.id]);
    expect(n).toBe(0);
  });
});
