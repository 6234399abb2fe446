import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { eventually } from '../support/eventually';
import { createEvent, createRoom, createSession, registrationInput, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

// The programme served from each instance's memory, kept right across instances by PostgreSQL
// LISTEN/NOTIFY (the baseline migration's triggers, ProgrammeMemory, ProgrammeChangesListener).
describe('the programme from memory', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b.app.close();
    await a.close();
  });

  const programme = (t: TestApp, idOrSlug: string) => t.http.get(`/api/events/${idOrSlug}/programme`).expect(200);
  const titles = (body: any): string[] => body.days.flatMap((d: any) => d.slots.flatMap((s: any) => s.sessions.map((x: any) => x.title)));
  /** Notifications arrive asynchronously: wait (at most 2 s) for `check` to hold. */
  const until = async (check: () => Promise<boolean>) => expect(await eventually(check, (ok) => ok)).toBe(true);
  const countQueries = async (work: () => Promise<unknown>) => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      await work();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  };

  it('answers a warm programme, by id or slug, with no query, body and ETag computed once', async () => {
    const event = await createEvent(a, { title: 'Journée en mémoire' });
    await createSession(a, event.id, { ...slot(event, 1, 2), title: 'Plénière d’ouverture' });
    let cold: any;
    expect(await countQueries(async () => (cold = await programme(b, event.id)))).toBeGreaterThan(0);
    await programme(b, event.slug);
    const queries = await countQueries(async () => {
      const warm = await programme(b, event.id);
      expect(warm.text).toBe(cold.text);
      expect(warm.headers.etag).toBe(cold.headers.etag);
      await programme(b, event.slug);
      await b.http.get(`/api/events/${event.id}/programme`).set('If-None-Match', cold.headers.etag).expect(304);
      await b.http.get(`/api/events/${event.id}/programme.ics`).expect(200);
      await b.http.get(`/api/events/${event.id}/programme.ics`).expect(200);
    });
    // The first .ics read builds it (from the rows kept since the JSON read); none of the rest query.
    expect(queries).toBeLessThanOrEqual(2);
    expect(await countQueries(() => programme(b, event.id))).toBe(0);
  });

  it('shows on every instance, at once, a change made through another', async () => {
    const event = await createEvent(a, { title: 'Journée à deux instances' });
    const room = await createRoom(a, event.id, { capacity: 10 });
    const workshop = await createSession(a, event.id, { ...slot(event, 1, 2), title: 'Atelier A', roomId: room.id });
    const before = await programme(b, event.id);
    await programme(b, event.id);

    // A programme write on instance a.
    await a.http
      .patch(`/api/events/${event.id}/sessions/${workshop.id}`)
      .set(await a.auth())
      .send({ title: 'Atelier A (déplacé)' })
      .expect(200);
    // a reads its own write at once; b as soon as the notification reaches it.
    expect(titles((await programme(a, event.id)).body)).toEqual(['Atelier A (déplacé)']);
    await until(async () => titles((await programme(b, event.id)).body)[0] === 'Atelier A (déplacé)');
    expect((await programme(b, event.id)).headers.etag).not.toBe(before.headers.etag);

    // The event itself, edited on a.
    await a.http
      .patch(`/api/events/${event.id}`)
      .set(await a.auth())
      .send({ title: 'Journée renommée' })
      .expect(200);
    expect((await programme(a, event.id)).body.event.title).toBe('Journée renommée');
    await until(async () => (await programme(b, event.id)).body.event.title === 'Journée renommée');

    // Seats: a registration on a moves the workshop's seats left on b.
    const seats = async (t: TestApp) => (await programme(t, event.id)).body.days[0].slots[0].sessions[0].seatsLeft;
    expect(await seats(b)).toBeNull();
    // The event's first registration, without a workshop: b shows the workshops' seats from then on.
    await a.http.post(`/api/events/${event.id}/registrations`).send(registrationInput()).expect(201);
    await until(async () => (await seats(b)) === 10);
    await a.http
      .post(`/api/events/${event.id}/registrations`)
      .send(registrationInput({ sessionIds: [workshop.id] }))
      .expect(201);
    await until(async () => (await seats(b)) === 9);
    await a.http
      .post(`/api/events/${event.id}/registrations`)
      .send(registrationInput({ sessionIds: [workshop.id] }))
      .expect(201);
    await until(async () => (await seats(b)) === 8);

    // A room's capacity (the workshop's, through it) changed on a.
    await a.http
      .patch(`/api/events/${event.id}/rooms/${room.id}`)
      .set(await a.auth())
      .send({ capacity: 20 })
      .expect(200);
    await until(async () => (await seats(b)) === 18);

    // Cancelled on a: b shows the cancelled programme.
    await a.http
      .post(`/api/events/${event.id}/cancel`)
      .set(await a.auth())
      .send({ reason: 'Intempéries annoncées.' })
      .expect(200);
    await until(async () => (await programme(b, event.id)).body.event.status === 'cancelled');
  });

  it('reads from the database while it cannot listen, and keeps copies again once it can', async () => {
    const event = await createEvent(a, { title: 'Journée sans écoute' });
    const session = await createSession(a, event.id, { ...slot(event, 1, 2), title: 'Avant' });
    await programme(b, event.id);
    await a.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rencontres-listener'`);
    // While no instance listens, a change made behind their backs (no notification is heard)…
    await a.dataSource.query(`UPDATE session SET title = 'Après' WHERE id = $1`, [session.id]);
    await a.dataSource.query(`UPDATE programme_revision SET revision = revision + 1 WHERE event_id = $1`, [event.id]);
    // …is still read: with no listener, nothing is answered from memory.
    await until(async () => titles((await programme(b, event.id)).body)[0] === 'Après');
    // The listener comes back within about a second; warm reads are query-free again.
    await until(async () => {
      await programme(b, event.id);
      return (await countQueries(() => programme(b, event.id))) === 0;
    });
  });
});
