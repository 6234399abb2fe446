import { randomUUID } from 'node:crypto';
import { createEvent } from '../support/factories';
import { seedRegistration } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

describe('check-in at the door', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let event: Record<string, any>;
  let other: Record<string, any>;

  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.auth();
    event = await createEvent(t);
    other = await createEvent(t, { title: 'Webinaire aide alimentaire', format: 'online', venue: undefined, onlineUrl: 'https://visio.test/aide', capacity: null });
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const scan = (code: unknown, eventId = event.id) => t.http.post(`/api/events/${eventId}/check-in`).set(auth).send({ code });

  it('checks a confirmed registrant in once; a second scan says so and keeps the first time', async () => {
    const reg = await seedRegistration(t, event.id, { firstName: 'Amélie', lastName: 'Nguyen', organisation: 'CCAS de Montpellier' });
    t.clock.set('2027-01-05T08:47:12Z');
    const first = await scan(reg.checkInCode).expect(200);
    expect(first.body).toEqual({
      registrationId: reg.id,
      fullName: 'Amélie Nguyen',
      organisation: 'CCAS de Montpellier',
      checkedInAt: '2027-01-05T09:47:12+01:00',
      alreadyCheckedIn: false,
    });
    t.clock.advance(20 * 60 * 1000);
    const second = await scan(reg.checkInCode).expect(200);
    expect(second.body).toEqual({ ...first.body, alreadyCheckedIn: true });

    const detail = await t.http.get(`/api/events/${event.id}/registrations/${reg.id}`).set(auth).expect(200);
    expect(detail.body.checkedInAt).toBe('2027-01-05T09:47:12+01:00');
  });

  it('accepts a code typed in lower case, with spaces or dashes', async () => {
    const reg = await seedRegistration(t, event.id);
    const typed = ` ${reg.checkInCode.slice(0, 4).toLowerCase()} ${reg.checkInCode.slice(4, 8)}-${reg.checkInCode.slice(8).toLowerCase()}\t`;
    const res = await scan(typed).expect(200);
    expect(res.body).toMatchObject({ registrationId: reg.id, alreadyCheckedIn: false });
  });

  it('lets exactly one of ten simultaneous scans do the check-in', async () => {
    const reg = await seedRegistration(t, event.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => scan(reg.checkInCode)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(results.filter((r) => r.body.alreadyCheckedIn === false)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.checkedInAt)).size).toBe(1);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM registration WHERE id = $1 AND checked_in_at IS NOT NULL`, [reg.id]);
    expect(count).toBe(1);
  });

  it('refuses a cancelled or waitlisted registration with 409 saying why', async () => {
    const cancelled = await seedRegistration(t, event.id, { status: 'cancelled' });
    const waitlisted = await seedRegistration(t, event.id, { status: 'waitlisted' });
    const c = await scan(cancelled.checkInCode).expect(409);
    expect(c.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(c.body.detail).toMatch(/annulée/);
    const w = await scan(waitlisted.checkInCode).expect(409);
    expect(w.body.detail).toMatch(/liste d’attente/);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM registration WHERE id = ANY($1) AND checked_in_at IS NOT NULL`, [
      [cancelled.id, waitlisted.id],
    ]);
    expect(count).toBe(0);
  });

  it('answers 404 for an unknown code, a code of another event, or an unknown event', async () => {
    await scan('ZZZZZZZZZZZZ').expect(404);
    const elsewhere = await seedRegistration(t, other.id, { attendanceMode: 'online' });
    await scan(elsewhere.checkInCode).expect(404);
    await scan(elsewhere.checkInCode, randomUUID()).expect(404);
    await scan(elsewhere.checkInCode, 'not-a-uuid').expect(404);
    // The right event still knows it.
    await scan(elsewhere.checkInCode, other.id).expect(200);
  });

  it('refuses check-in at a cancelled event', async () => {
    const cancelledEvent = await createEvent(t, { title: 'Journée annulée' });
    const reg = await seedRegistration(t, cancelledEvent.id);
    await t.http.post(`/api/events/${cancelledEvent.id}/cancel`).set(auth).send({ reason: 'Intempéries' }).expect(200);
    const res = await scan(reg.checkInCode, cancelledEvent.id).expect(409);
    expect(res.body.detail).toMatch(/annulé/);
  });

  it('validates the body and requires an organiser', async () => {
    await scan('').expect(422);
    await scan(42).expect(422);
    await scan('x'.repeat(65)).expect(422);
    await t.http.post(`/api/events/${event.id}/check-in`).set(auth).send({}).expect(422);
    await t.http.post(`/api/events/${event.id}/check-in`).set(auth).send({ code: 'ABC', extra: 1 }).expect(422);
    const reg = await seedRegistration(t, event.id);
    await t.http.post(`/api/events/${event.id}/check-in`).send({ code: reg.checkInCode }).expect(401);
    const detail = await t.http.get(`/api/events/${event.id}/registrations/${reg.id}`).set(auth).expect(200);
    expect(detail.body.checkedInAt).toBeNull();
  });
});
