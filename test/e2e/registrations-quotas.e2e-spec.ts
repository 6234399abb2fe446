import type { AddressInfo } from 'node:net';
import { QuotaReleaseService } from '../../src/registrations/quotas/quota-release.service';
import { createEvent, eventInput, register, registrationInput } from '../support/factories';
import { outboxRows } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

const PC = { organisationType: 'personne_concernee' };
const ASSO = { organisationType: 'association' };
const DAY = 24 * 3600 * 1000;

async function baseUrlOf(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await t.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('places kept for a kind of participant (quotas)', () => {
  let t: TestApp;
  let second: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp({ mail: true });
    second = await startTestApp({ databaseUrl: t.databaseUrl });
    auth = await t.auth();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });
  afterEach(() => {
    t.clock.reset();
    second.clock.reset();
  });

  const statusOf = async (id: string) => (await t.dataSource.query(`SELECT status FROM registration WHERE id = $1`, [id]))[0].status;
  const eventOf = async (id: string) => (await t.http.get(`/api/events/${id}`).expect(200)).body;

  it('answers the quotas with taken and left, the default release 7 days before the start, and refuses kept seats above the capacity (422)', async () => {
    const event = await createEvent(t, { capacity: 10, quotas: [{ organisationType: 'personne_concernee', seats: 4 }] });
    expect(event.quotas).toEqual([{ organisationType: 'personne_concernee', attendanceMode: 'onsite', seats: 4, taken: 0, left: 4 }]);
    expect(new Date(event.quotasReleaseAt).getTime()).toBe(new Date(event.startsAt).getTime() - 7 * DAY);
    expect(event.seatsLeft).toBe(6);
    const bad = await t.http
      .post('/api/events')
      .set(auth)
      .send(
        eventInput({
          capacity: 10,
          quotas: [
            { organisationType: 'personne_concernee', seats: 6 },
            { organisationType: 'citoyen', seats: 5 },
          ],
        }),
      )
      .expect(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('quotas');
    await t.http
      .post('/api/events')
      .set(auth)
      .send(eventInput({ quotas: [{ organisationType: 'inconnu', seats: 1 }] }))
      .expect(422);
    await t.http
      .post('/api/events')
      .set(auth)
      .send(eventInput({ quotas: [{ organisationType: 'citoyen', seats: 0 }] }))
      .expect(422);
    await t.http.patch(`/api/events/${event.id}`).set(auth).send({ capacity: 3 }).expect(422);
    // Hybrid: per mode.
    const hybrid = await createEvent(t, {
      format: 'hybrid',
      onlineUrl: 'https://visio.example.org/r',
      capacity: 10,
      onlineCapacity: 5,
      quotas: [
        { organisationType: 'personne_concernee', seats: 10 },
        { organisationType: 'personne_concernee', attendanceMode: 'online', seats: 5 },
      ],
    });
    expect(hybrid.quotas.map((q: { attendanceMode: string }) => q.attendanceMode)).toEqual(['onsite', 'online']);
  });

  it('gives a kept seat first, then a general one, to its type; others only general seats', async () => {
    const event = await createEvent(t, { capacity: 4, quotas: [{ organisationType: 'personne_concernee', seats: 2 }] });
    const a1 = await register(t, event.id, ASSO).expect(201);
    const a2 = await register(t, event.id, ASSO).expect(201);
    expect([a1.body.status, a2.body.status]).toEqual(['confirmed', 'confirmed']);
    expect((await eventOf(event.id)).seatsLeft).toBe(0);
    // General seats are gone: the next association waits although two seats are empty.
    const a3 = await register(t, event.id, ASSO).expect(201);
    expect(a3.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const p1 = await register(t, event.id, PC).expect(201);
    expect(p1.body.status).toBe('confirmed');
    expect((await eventOf(event.id)).quotas[0]).toMatchObject({ seats: 2, taken: 1, left: 1 });
    const p2 = await register(t, event.id, PC).expect(201);
    expect(p2.body.status).toBe('confirmed');
    const p3 = await register(t, event.id, PC).expect(201);
    expect(p3.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });

    // A kept seat is a minimum, not a ceiling: a freed general seat goes to the first waiting (a3).
    await t.http.delete('/api/registrations/me').set('X-Registration-Token', a1.body.manageToken);
    expect(await statusOf(a1.body.id)).toBe('cancelled');
    expect(await statusOf(a3.body.id)).toBe('confirmed');
    expect(await statusOf(p3.body.id)).toBe('waitlisted');
  });

  it('gives a freed kept seat to the first waiting person it is kept for, not to the first in the list', async () => {
    const event = await createEvent(t, { capacity: 3, quotas: [{ organisationType: 'personne_concernee', seats: 1 }] });
    const a1 = await register(t, event.id, ASSO).expect(201);
    const a2 = await register(t, event.id, ASSO).expect(201);
    const p1 = await register(t, event.id, PC).expect(201);
    const a3 = await register(t, event.id, ASSO).expect(201);
    const p2 = await register(t, event.id, PC).expect(201);
    expect([a1, a2, p1, a3, p2].map((r) => r.body.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    await t.http
      .delete('/api/registrations/me')
      .set('X-Registration-Token', p1.body.manageToken)
      .expect((res) => expect(res.status).toBeLessThan(300));
    expect(await statusOf(p2.body.id)).toBe('confirmed');
    expect(await statusOf(a3.body.id)).toBe('waitlisted');
    const reasons = (await outboxRows(t, event.id)).filter((r) => r.registration_id === p2.body.id).map((r) => r.reason);
    expect(reasons).toEqual(['waitlisted', 'promoted']);
  });

  it('releases untaken kept seats at quotasReleaseAt, once, across two instances, promoting the waiting list in order', async () => {
    const event = await createEvent(t, { capacity: 4, quotas: [{ organisationType: 'personne_concernee', seats: 3 }] });
    const a1 = await register(t, event.id, ASSO).expect(201);
    const waiting = [];
    for (let i = 0; i < 4; i++) waiting.push(await register(t, event.id, ASSO).expect(201));
    expect(a1.body.status).toBe('confirmed');
    expect(waiting.map((w) => w.body.status)).toEqual(['waitlisted', 'waitlisted', 'waitlisted', 'waitlisted']);

    // Before the date: nothing happens.
    const before = new Date(new Date(event.quotasReleaseAt).getTime() - 60_000);
    expect((await t.app.get(QuotaReleaseService).releaseDue(before)).released).toEqual([]);

    const after = new Date(new Date(event.quotasReleaseAt).getTime() + 60_000);
    t.clock.set(after);
    second.clock.set(after);
    const runs = await Promise.all([t.app.get(QuotaReleaseService).releaseDue(after), second.app.get(QuotaReleaseService).releaseDue(after)]);
    const released = runs.flatMap((r) => r.released).filter((id) => id === event.id);
    expect(released).toEqual([event.id]);
    const promoted = runs.flatMap((r) => r.promoted);
    expect(promoted).toEqual(waiting.slice(0, 3).map((w) => w.body.id));
    expect(await statusOf(waiting[3].body.id)).toBe('waitlisted');
    // Again: nothing more.
    expect((await t.app.get(QuotaReleaseService).releaseDue(after)).released).not.toContain(event.id);
    const mails = (await outboxRows(t, event.id)).filter((r) => r.reason === 'promoted');
    expect(mails).toHaveLength(3);
    const answered = await eventOf(event.id);
    expect(answered.quotas[0]).toMatchObject({ taken: 0, left: 0 });
    expect(answered.quotasReleasedAt).not.toBeNull();
    expect(answered.seatsLeft).toBe(0);
  });

  it('300 at once, 100 seats of which 20 kept, half of the racers of the kept type, on two instances: exactly 100 confirmed, at least 20 of the kept type, nobody else in a kept seat', async () => {
    const event = await createEvent(t, { capacity: 100, quotas: [{ organisationType: 'personne_concernee', seats: 20 }] });
    const bases = [await baseUrlOf(t), await baseUrlOf(second)];
    const answers = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const res = await fetch(`${bases[i % 2]}/api/events/${event.id}/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(registrationInput(i % 2 === 0 ? PC : ASSO)),
        });
        return { status: res.status, body: (await res.json()) as Record<string, any> };
      }),
    );
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    const rows: Array<{ organisation_type: string; status: string; n: number }> = await t.dataSource.query(
      `SELECT organisation_type, status, count(*)::int AS n FROM registration WHERE event_id = $1 GROUP BY 1, 2`,
      [event.id],
    );
    const n = (type: string, status: string) => rows.find((r) => r.organisation_type === type && r.status === status)?.n ?? 0;
    expect(n('personne_concernee', 'confirmed') + n('association', 'confirmed')).toBe(100);
    expect(n('personne_concernee', 'confirmed')).toBeGreaterThanOrEqual(20);
    expect(n('association', 'confirmed')).toBeLessThanOrEqual(80);
    expect(answers.filter((a) => a.body.status === 'confirmed')).toHaveLength(100);
    const answered = await eventOf(event.id);
    expect(answered.quotas[0]).toMatchObject({ seats: 20, taken: 20, left: 0 });
    expect(answered.seatsLeft).toBe(0);
  });

  it('tells the public on the event page how many general seats are left and which seats are kept', async () => {
    const event = await createEvent(t, { capacity: 10, quotas: [{ organisationType: 'personne_concernee', seats: 4 }] });
    await register(t, event.id, PC).expect(201);
    const page = await t.http.get(`/evenements/${event.slug}`).expect(200);
    const text = page.text.replace(/\s+/g, ' ');
    expect(text).toContain('6 places restantes');
    expect(text).toMatch(/Places réservées<\/dt><dd>3 pour « Personne concernée », jusqu’au [a-z]+ \d/);
  });

  it('shows kept seats in /stats', async () => {
    const event = await createEvent(t, { capacity: 10, quotas: [{ organisationType: 'personne_concernee', seats: 3 }] });
    await register(t, event.id, PC).expect(201);
    const stats = (await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200)).body;
    expect(stats.quotas).toEqual([{ organisationType: 'personne_concernee', label: 'Personne concernée', attendanceMode: 'onsite', seats: 3, taken: 1, left: 2 }]);
  });
});
