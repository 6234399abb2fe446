import fc from 'fast-check';
import { createEvent, registrationInput } from '../support/factories';
import { seedWorkshop } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Random sequences of register / cancel / change workshops / change capacity (event and
 * workshops) never break the invariants: nobody beyond capacity, no free seat while someone
 * eligible waits, waiting lists FIFO and contiguous, nobody confirmed in two overlapping
 * workshops, seat tallies equal to the rows.
 */
type Command =
  | { kind: 'register'; choice: number }
  | { kind: 'cancel'; who: number }
  | { kind: 'workshops'; who: number; choice: number }
  | { kind: 'eventCapacity'; capacity: number }
  | { kind: 'workshopCapacity'; workshop: number; capacity: number };

// W0 and W1 overlap (slot 0), W2 is later (slot 1). Choices never list two overlapping workshops.
const CHOICES: number[][] = [[], [0], [1], [2], [0, 2], [1, 2]];

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('register' as const), choice: fc.nat(CHOICES.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), who: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('workshops' as const), who: fc.nat(40), choice: fc.nat(CHOICES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('eventCapacity' as const), capacity: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('workshopCapacity' as const), workshop: fc.nat(2), capacity: fc.integer({ min: 1, max: 4 }) }) },
);

describe('registration invariants under random sequences (property)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function checkInvariants(eventId: string, workshopIds: string[], seqBefore: Map<string, string>): Promise<Map<string, string>> {
    const q = (sql: string, params: unknown[] = [eventId]) => t.dataSource.query(sql, params);
    const [event] = await q(`SELECT capacity FROM event WHERE id = $1`);
    const regs: Array<{ id: string; status: string; seq: string | null }> = await q(`SELECT id, status, waitlist_seq::text AS seq FROM registration WHERE event_id = $1`);
    const confirmed = regs.filter((r) => r.status === 'confirmed').length;
    const waiting = regs.filter((r) => r.status === 'waitlisted');
    expect(confirmed).toBeLessThanOrEqual(event.capacity);
    if (waiting.length) expect(confirmed).toBe(event.capacity);
    // FIFO: whoever left the waiting list for a seat had waited longer than everyone still waiting.
    const promoted = regs.filter((r) => r.status === 'confirmed' && seqBefore.has(r.id));
    for (const p of promoted) for (const w of waiting) expect(BigInt(seqBefore.get(p.id)!)).toBeLessThan(BigInt(w.seq!));

    const workshops: Array<{ id: string; capacity: number; confirmed: number; free_with_eligible: boolean }> = await q(
      `SELECT s.id, s.capacity,
         (SELECT count(*)::int FROM session_choice c WHERE c.session_id = s.id AND c.status = 'confirmed') AS confirmed,
         EXISTS (
           SELECT 1 FROM session_choice w JOIN registration r ON r.id = w.registration_id AND r.status = 'confirmed'
           WHERE w.session_id = s.id AND w.status = 'waitlisted'
             AND NOT EXISTS (SELECT 1 FROM session_choice o JOIN session os ON os.id = o.session_id
               WHERE o.registration_id = w.registration_id AND o.status = 'confirmed' AND o.session_id <> s.id
                 AND os.starts_at < s.ends_at AND s.starts_at < os.ends_at)) AS free_with_eligible
       FROM session s WHERE s.event_id = $1`,
    );
    for (const w of workshops) {
      expect(w.confirmed).toBeLessThanOrEqual(w.capacity);
      if (w.confirmed < w.capacity) expect(w.free_with_eligible).toBe(false);
    }
    const [{ clashes }] = await q(
      `SELECT count(*)::int AS clashes FROM session_choice a JOIN session sa ON sa.id = a.session_id
       JOIN session_choice b ON b.registration_id = a.registration_id AND b.session_id > a.session_id JOIN session sb ON sb.id = b.session_id
       WHERE sa.event_id = $1 AND a.status = 'confirmed' AND b.status = 'confirmed' AND sa.starts_at < sb.ends_at AND sb.starts_at < sa.ends_at`,
    );
    expect(clashes).toBe(0);
    const [{ orphans }] = await q(
      `SELECT count(*)::int AS orphans FROM session_choice c JOIN registration r ON r.id = c.registration_id
       WHERE r.event_id = $1 AND c.status = 'confirmed' AND r.status <> 'confirmed'`,
    );
    expect(orphans).toBe(0);
    // The tallies kept by triggers agree with the rows.
    const [tally] = await q(
      `SELECT coalesce(max(confirmed), 0)::int AS confirmed, coalesce(max(waitlisted), 0)::int AS waitlisted
       FROM registration_tally WHERE event_id = $1 AND attendance_mode = 'onsite'`,
    );
    expect(tally).toEqual({ confirmed, waitlisted: waiting.length });
    const badSessionTallies = await q(
      `SELECT s.id FROM session s LEFT JOIN session_tally t ON t.session_id = s.id WHERE s.event_id = $1 AND
         coalesce(t.confirmed, 0) <> (SELECT count(*) FROM session_choice c WHERE c.session_id = s.id AND c.status = 'confirmed') OR
         coalesce(t.waitlisted, 0) <> (SELECT count(*) FROM session_choice c WHERE c.session_id = s.id AND c.status = 'waitlisted')`,
    );
    expect(badSessionTallies.filter((r: { id: string }) => workshopIds.includes(r.id))).toEqual([]);
    // Ranks as registrants see them: 1..n in FIFO order.
    return new Map(waiting.map((w) => [w.id, w.seq!]));
  }

  it('holds for every random sequence', async () => {
    const auth = await t.auth();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.array(command, { minLength: 20, maxLength: 28 }),
        async (capacity, workshopCapacities, commands) => {
          const event = await createEvent(t, { capacity });
          const workshops = await Promise.all(workshopCapacities.map((c, i) => seedWorkshop(t, event, { slot: i === 2 ? 1 : 0, capacity: c })));
          const ids = workshops.map((w) => w.id);
          const people: Array<{ token: string; id: string }> = [];
          let seqs = new Map<string, string>();
          for (const c of commands) {
            if (c.kind === 'register') {
              const res = await t.http.post(`/api/events/${event.id}/registrations`).send(registrationInput({ sessionIds: CHOICES[c.choice].map((i) => ids[i]) }));
              expect(res.status).toBe(201);
              people.push({ token: res.body.manageToken, id: res.body.id });
            } else if (c.kind === 'cancel' && people.length) {
              const p = people[c.who % people.length];
              await t.http.delete('/api/registrations/me').set('X-Registration-Token', p.token).expect(200);
            } else if (c.kind === 'workshops' && people.length) {
              const p = people[c.who % people.length];
              const res = await t.http
                .patch('/api/registrations/me')
                .set('X-Registration-Token', p.token)
                .send({ sessionIds: CHOICES[c.choice].map((i) => ids[i]) });
              expect([200, 409]).toContain(res.status);
            } else if (c.kind === 'eventCapacity') {
              const res = await t.http.patch(`/api/events/${event.id}`).set(auth).send({ capacity: c.capacity });
              expect([200, 409]).toContain(res.status);
            } else if (c.kind === 'workshopCapacity') {
              const res = await t.http.patch(`/api/events/${event.id}/sessions/${ids[c.workshop]}`).set(auth).send({ capacity: c.capacity });
              expect([200, 409]).toContain(res.status);
            }
            seqs = await checkInvariants(event.id, ids, seqs);
          }
          // Every waitlisted registrant sees a contiguous rank, in FIFO order.
          const ranks: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM registration WHERE event_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq`, [
            event.id,
          ]);
          const byId = new Map(people.map((p) => [p.id, p.token]));
          for (const [index, r] of ranks.entries()) {
            const seen = await t.http.get('/api/registrations/me').set('X-Registration-Token', byId.get(r.id)!).expect(200);
            expect(seen.body.waitlistPosition).toBe(index + 1);
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
