import type { AddressInfo } from 'node:net';
import { createEvent, registrationInput } from '../support/factories';
import { countsByStatus, outboxRows, seedWorkshop } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

/** Real sockets, so that hundreds of requests truly race (supertest would open a server per request). */
async function baseUrlOf(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await t.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Answer {
  status: number;
  body: Record<string, any>;
}

async function post(base: string, path: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Fires `count` registrations at once, alternating between the given instances. */
function burst(bases: string[], eventId: string, count: number, extra: Record<string, unknown> = {}): Promise<Answer[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => post(bases[i % bases.length], `/api/events/${eventId}/registrations`, registrationInput(extra))));
}

function expectExactSplit(answers: Answer[], confirmed: number): void {
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s !== 201)).toEqual([]);
  expect(new Set(answers.map((a) => a.body.id)).size).toBe(answers.length);
  expect(answers.filter((a) => a.body.status === 'confirmed')).toHaveLength(confirmed);
  const positions = answers.filter((a) => a.body.status === 'waitlisted').map((a) => a.body.waitlistPosition as number);
  expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: answers.length - confirmed }, (_, i) => i + 1));
}

describe('registrations racing for seats', () => {
  let t: TestApp;
  let second: TestApp;
  let one: string;
  let two: string;
  beforeAll(async () => {
    t = await startTestApp();
    second = await startTestApp({ databaseUrl: t.databaseUrl });
    one = await baseUrlOf(t);
    two = await baseUrlOf(second);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('300 at once for 100 seats: exactly 100 confirmed, 200 waitlisted at ranks 1..200', async () => {
    const event = await createEvent(t, { capacity: 100 });
    const answers = await burst([one], event.id, 300);
    expectExactSplit(answers, 100);
    expect(await countsByStatus(t, event.id)).toEqual({ confirmed: 100, waitlisted: 200 });
    const reasons = (await outboxRows(t, event.id)).map((r) => r.reason);
    expect(reasons.filter((r) => r === 'confirmation')).toHaveLength(100);
    expect(reasons.filter((r) => r === 'waitlisted')).toHaveLength(200);
  });

  it('the same across two application instances on one database', async () => {
    const event = await createEvent(t, { capacity: 100 });
    const answers = await burst([one, two], event.id, 300);
    expectExactSplit(answers, 100);
    expect(await countsByStatus(t, event.id)).toEqual({ confirmed: 100, waitlisted: 200 });
  });

  it('300 at once for a workshop of 20 seats (two instances): exactly 20 seats given, the rest wait in order', async () => {
    const event = await createEvent(t, { capacity: 1000 });
    const workshop = await seedWorkshop(t, event, { capacity: 20 });
    const answers = await burst([one, two], event.id, 300, { sessionIds: [workshop.id] });
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    expect(answers.every((a) => a.body.status === 'confirmed')).toBe(true);
    const seated = answers.filter((a) => a.body.sessions[0].status === 'confirmed');
    expect(seated).toHaveLength(20);
    // The waiting list holds the 280 others at places 1..280, each once, in the order they came
    // (the queue's order); five seats freed go to places 1..5, and the others move up by five.
    const waiting = answers.filter((a) => a.body.sessions[0].status === 'waitlisted');
    expect(waiting).toHaveLength(280);
    const placeOf = async (a: Answer): Promise<{ status: string; waitlistPosition?: number }> => {
      const me = await fetch(`${one}/api/registrations/me`, { headers: { 'X-Registration-Token': a.body.manageToken } });
      return ((await me.json()) as any).sessions[0];
    };
    const places = await Promise.all(waiting.map(async (a) => ({ a, place: (await placeOf(a)).waitlistPosition! })));
    expect(places.map((p) => p.place).sort((x, y) => x - y)).toEqual(Array.from({ length: 280 }, (_, i) => i + 1));
    const queue: Array<{ id: string }> = await t.dataSource.query(
      `SELECT registration_id AS id FROM session_choice WHERE session_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq`,
      [workshop.id],
    );
    const inLine = [...places].sort((x, y) => x.place - y.place);
    expect(queue.map((r) => r.id)).toEqual(inLine.map((p) => p.a.body.id));
    for (const a of seated.slice(0, 5)) {
      const res = await fetch(`${two}/api/registrations/me`, { method: 'DELETE', headers: { 'X-Registration-Token': a.body.manageToken } });
      expect(res.status).toBe(200);
    }
    const firstFive = await Promise.all(inLine.slice(0, 5).map((p) => placeOf(p.a)));
    expect(firstFive.map((c) => c.status)).toEqual(Array(5).fill('confirmed'));
    const next = await Promise.all(inLine.slice(5, 10).map((p) => placeOf(p.a)));
    expect(next).toEqual([1, 2, 3, 4, 5].map((n) => expect.objectContaining({ status: 'waitlisted', waitlistPosition: n })));
  });

  it('cancelling 10 confirmed promotes exactly the first 10 waitlisted, in order, and ranks close up', async () => {
    const event = await createEvent(t, { capacity: 30 });
    const answers = await burst([one, two], event.id, 60);
    expectExactSplit(answers, 30);
    const waiting = answers.filter((a) => a.body.status === 'waitlisted').sort((a, b) => a.body.waitlistPosition - b.body.waitlistPosition);
    const leaving = answers.filter((a) => a.body.status === 'confirmed').slice(0, 10);
    const cancelled = await Promise.all(
      leaving.map((a, i) =>
        fetch(`${i % 2 ? one : two}/api/registrations/me`, { method: 'DELETE', headers: { 'X-Registration-Token': a.body.manageToken } }).then((r) => r.status),
      ),
    );
    expect(cancelled).toEqual(Array(10).fill(200));
    const now = await Promise.all(
      waiting.map((a) => fetch(`${one}/api/registrations/me`, { headers: { 'X-Registration-Token': a.body.manageToken } }).then((r) => r.json() as Promise<any>)),
    );
    expect(now.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill('confirmed'));
    expect(now.slice(10).map((r) => r.status)).toEqual(Array(20).fill('waitlisted'));
    expect(now.slice(10).map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await countsByStatus(t, event.id)).toEqual({ confirmed: 30, waitlisted: 20, cancelled: 10 });
    const rows = await outboxRows(t, event.id);
    const promoted = rows
      .filter((r) => r.reason === 'promoted')
      .map((r) => r.registration_id)
      .sort();
    expect(promoted).toEqual(
      waiting
        .slice(0, 10)
        .map((a) => a.body.id)
        .sort(),
    );
    expect(rows.filter((r) => r.reason === 'cancellation')).toHaveLength(10);
  });

  it('the database itself refuses an overbooking that bypasses the application (check_violation, answered as 409)', async () => {
    const event = await createEvent(t, { capacity: 1 });
    await post(one, `/api/events/${event.id}/registrations`, registrationInput());
    const waiting = await post(one, `/api/events/${event.id}/registrations`, registrationInput());
    await expect(t.dataSource.query(`UPDATE registration SET status = 'confirmed', waitlist_seq = NULL WHERE id = $1`, [waiting.body.id])).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '23514' }),
    });
    const workshop = await seedWorkshop(t, event, { capacity: 1 });
    const ids: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM registration WHERE event_id = $1`, [event.id]);
    await expect(
      t.dataSource.query(`INSERT INTO session_choice (registration_id, session_id, status) SELECT id, $1, 'confirmed' FROM registration WHERE event_id = $2`, [
        workshop.id,
        event.id,
      ]),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23514' }) });
    expect(ids).toHaveLength(2);
  });

  it('mixed concurrent registrations, cancellations and workshop changes on two instances keep every invariant', async () => {
    const event = await createEvent(t, { capacity: 40 });
    const w = await Promise.all([
      seedWorkshop(t, event, { slot: 0, capacity: 8 }),
      seedWorkshop(t, event, { slot: 0, capacity: 8 }),
      seedWorkshop(t, event, { slot: 1, capacity: 10 }),
    ]);
    const choices = [[w[0].id], [w[1].id], [w[2].id], [w[0].id, w[2].id], [w[1].id, w[2].id]];
    const first = await burst([one, two], event.id, 60, {});
    const tokens = first.map((a) => a.body.manageToken as string);
    const call = (base: string, method: string, token: string, body?: unknown) =>
      fetch(`${base}/api/registrations/me`, {
        method,
        headers: { 'content-type': 'application/json', 'X-Registration-Token': token },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => r.status);
    const statuses = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        post(i % 2 ? one : two, `/api/events/${event.id}/registrations`, registrationInput({ sessionIds: choices[i % choices.length] })).then((a) => a.status),
      ),
      ...tokens.slice(0, 20).map((token, i) => call(i % 2 ? one : two, 'DELETE', token)),
      ...tokens.slice(20, 60).map((token, i) => call(i % 2 ? two : one, 'PATCH', token, { sessionIds: choices[i % choices.length] })),
    ]);
    expect(statuses.filter((s) => ![200, 201].includes(s))).toEqual([]);
    const q = (sql: string) => t.dataSource.query(sql, [event.id]);
    expect(await countsByStatus(t, event.id)).toEqual({ confirmed: 40, waitlisted: 40, cancelled: 20 });
    const overfull = await q(
      `SELECT s.id FROM session s WHERE s.event_id = $1 AND s.capacity < (SELECT count(*) FROM session_choice c WHERE c.session_id = s.id AND c.status = 'confirmed')`,
    );
    expect(overfull).toEqual([]);
    const freeWithEligible = await q(
      `SELECT s.id FROM session s WHERE s.event_id = $1
         AND (SELECT count(*) FROM session_choice c WHERE c.session_id = s.id AND c.status = 'confirmed') < s.capacity
         AND EXISTS (SELECT 1 FROM session_choice c JOIN registration r ON r.id = c.registration_id AND r.status = 'confirmed'
                     WHERE c.session_id = s.id AND c.status = 'waitlisted')`,
    );
    expect(freeWithEligible).toEqual([]);
    const orphanSeats = await q(
      `SELECT c.session_id FROM session_choice c JOIN registration r ON r.id = c.registration_id
       WHERE r.event_id = $1 AND c.status = 'confirmed' AND r.status <> 'confirmed'`,
    );
    expect(orphanSeats).toEqual([]);
    const tallies = await q(
      `SELECT s.id FROM session s LEFT JOIN session_tally t ON t.session_id = s.id WHERE s.event_id = $1
         AND coalesce(t.confirmed, 0) <> (SELECT count(*) FROM session_choice c WHERE c.session_id = s.id AND c.status = 'confirmed')`,
    );
    expect(tallies).toEqual([]);
  });
});
