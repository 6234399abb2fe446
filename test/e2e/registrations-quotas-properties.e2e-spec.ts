import fc from 'fast-check';
import { QuotaReleaseService } from '../../src/registrations/quotas/quota-release.service';
import { createEvent, registrationInput } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Random sequences of register (kept type or not) / cancel / change of organisation type /
 * change of kept seats or capacity / release never break the invariants with quotas: nobody
 * beyond capacity, nobody of another type in a kept seat while seats are kept, no seat free for
 * someone who waits, the waiting list FIFO for whoever a seat can go to, tallies equal to the rows.
 * The oracle below counts seats its own way, from the rows.
 */
type Type = 'personne_concernee' | 'association';
type Command =
  | { kind: 'register'; type: Type }
  | { kind: 'cancel'; who: number }
  | { kind: 'changeType'; who: number; type: Type }
  | { kind: 'kept'; seats: number }
  | { kind: 'capacity'; capacity: number }
  | { kind: 'release' };

const type: fc.Arbitrary<Type> = fc.constantFrom('personne_concernee', 'association');
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('register' as const), type }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cancel' as const), who: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('changeType' as const), who: fc.nat(40), type }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kept' as const), seats: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('capacity' as const), capacity: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const) }) },
);

describe('quota invariants under random sequences (property)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function checkInvariants(eventId: string, seqBefore: Map<string, { seq: string; type: string }>) {
    const q = (sql: string) => t.dataSource.query(sql, [eventId]);
    const [event] = await q(`SELECT capacity, quotas, quotas_released_at FROM event WHERE id = $1`);
    const kept: number = event.quotas_released_at ? 0 : (event.quotas[0]?.seats ?? 0);
    const regs: Array<{ id: string; status: string; seq: string | null; type: string }> = await q(
      `SELECT id, status, waitlist_seq::text AS seq, organisation_type AS type FROM registration WHERE event_id = $1`,
    );
    const confirmed = regs.filter((r) => r.status === 'confirmed');
    const waiting = regs.filter((r) => r.status === 'waitlisted');
    const keptTaken = Math.min(kept, confirmed.filter((r) => r.type === 'personne_concernee').length);
    const general = confirmed.length - keptTaken;
    expect(confirmed.length).toBeLessThanOrEqual(event.capacity);
    const generalFree = Math.max(0, Math.min(event.capacity - confirmed.length, event.capacity - kept - general));
    const keptFree = confirmed.length < event.capacity ? kept - keptTaken : 0;
    // Nobody waits for a seat that is free for them.
    for (const w of waiting) {
      expect(generalFree).toBe(0);
      if (w.type === 'personne_concernee') expect(keptFree).toBe(0);
    }
    // FIFO for whoever the seat could go to: nobody promoted past someone of the same type, nor an
    // association past anyone.
    const promoted = confirmed.filter((r) => seqBefore.has(r.id));
    for (const p of promoted) {
      const before = seqBefore.get(p.id)!;
      for (const w of waiting) {
        if (before.type === 'association' || w.type === before.type) expect(BigInt(before.seq)).toBeLessThan(BigInt(w.seq!));
      }
    }
    const [tally] = await q(`SELECT coalesce(max(confirmed), 0)::int AS c, coalesce(max(waitlisted), 0)::int AS w FROM registration_tally WHERE event_id = $1`);
    expect(tally).toEqual({ c: confirmed.length, w: waiting.length });
    return new Map(waiting.map((w) => [w.id, { seq: w.seq!, type: w.type }]));
  }

  it('holds for every random sequence', async () => {
    const auth = await t.auth();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.array(command, { minLength: 15, maxLength: 25 }), async (capacity, seats, commands) => {
        const event = await createEvent(t, { capacity, quotas: seats ? [{ organisationType: 'personne_concernee', seats }] : [] });
        const people: Array<{ token: string; id: string }> = [];
        let seqs = new Map<string, { seq: string; type: string }>();
        let keptNow = seats;
        for (const c of commands) {
          if (c.kind === 'register') {
            const res = await t.http.post(`/api/events/${event.id}/registrations`).send(registrationInput({ organisationType: c.type }));
            expect(res.status).toBe(201);
            people.push({ token: res.body.manageToken, id: res.body.id });
          } else if (c.kind === 'cancel' && people.length) {
            const res = await t.http.delete('/api/registrations/me').set('X-Registration-Token', people[c.who % people.length].token);
            expect([200, 409]).toContain(res.status);
          } else if (c.kind === 'changeType' && people.length) {
            const res = await t.http
              .patch('/api/registrations/me')
              .set('X-Registration-Token', people[c.who % people.length].token)
              .send({ organisationType: c.type });
            expect([200, 409]).toContain(res.status);
          } else if (c.kind === 'kept') {
            const res = await t.http
              .patch(`/api/events/${event.id}`)
              .set(auth)
              .send({ quotas: c.seats ? [{ organisationType: 'personne_concernee', seats: c.seats }] : [] });
            expect([200, 409, 422]).toContain(res.status);
            if (res.status === 200) keptNow = c.seats;
          } else if (c.kind === 'capacity') {
            const res = await t.http.patch(`/api/events/${event.id}`).set(auth).send({ capacity: c.capacity });
            expect([200, 409, 422]).toContain(res.status);
          } else if (c.kind === 'release' && keptNow) {
            const [{ at }] = await t.dataSource.query(`SELECT quotas_release_at AS at FROM event WHERE id = $1`, [event.id]);
            await t.app.get(QuotaReleaseService).releaseDue(new Date(new Date(at).getTime() + 1000));
          }
          seqs = await checkInvariants(event.id, seqs);
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
