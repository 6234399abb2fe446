import fc from 'fast-check';
import { allocate, AllocationInput, AllocationWorkshop, drawOf } from './allocation';

const H = 3600_000;

/** `slots` slots of `perSlot` parallel workshops, 2 h apart, lasting 90 min. */
function workshops(slots: number, perSlot: number, capacity: (i: number) => number | null): AllocationWorkshop[] {
  return Array.from({ length: slots * perSlot }, (_, i) => {
    const slot = Math.floor(i / perSlot);
    return { id: `w${i}`, slot: `s${slot}`, capacity: capacity(i), startsAt: slot * 2 * H, endsAt: slot * 2 * H + 1.5 * H };
  });
}

const input: fc.Arbitrary<AllocationInput> = fc
  .record({
    slots: fc.integer({ min: 1, max: 3 }),
    perSlot: fc.integer({ min: 1, max: 4 }),
    capacities: fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 8 }), { minLength: 12, maxLength: 12 }),
    people: fc.array(fc.array(fc.array(fc.nat(3), { maxLength: 3 }), { minLength: 3, maxLength: 3 }), { maxLength: 30 }),
    seed: fc.string({ minLength: 1, maxLength: 12 }),
  })
  .map(({ slots, perSlot, capacities, people, seed }) => {
    const ws = workshops(slots, perSlot, (i) => capacities[i]);
    return {
      seed,
      workshops: ws,
      registrants: people.map((perSlotRanks, p) => ({
        id: `r${p}`,
        preferences: perSlotRanks
          .slice(0, slots)
          .flatMap((ranked, s) => [...new Set(ranked.map((k) => k % perSlot))].map((k, rank) => ({ workshopId: `w${s * perSlot + k}`, rank: rank + 1 }))),
      })),
    };
  });

describe('allocate (random serial dictatorship)', () => {
  it('gives each in draw order their best workshop with a seat, per slot', () => {
    const ws = workshops(1, 2, () => 1);
    const registrants = ['a', 'b', 'c'].map((id) => ({
      id,
      preferences: [
        { workshopId: 'w0', rank: 1 },
        { workshopId: 'w1', rank: 2 },
      ],
    }));
    const result = allocate({ seed: 'graine', workshops: ws, registrants });
    const [first, second, third] = result.order;
    expect(result.assignments).toEqual([
      { registrantId: first, workshopId: 'w0', slot: 's0', rank: 1 },
      { registrantId: second, workshopId: 'w1', slot: 's0', rank: 2 },
    ]);
    expect(result.counts).toEqual({ first: 1, second: 1, third: 0, later: 0, none: 1 });
    expect(result.order).not.toContain(undefined);
    expect(third).toBeDefined();
  });

  it('orders people by SHA-256 of the seed and their id, whatever the input order', () => {
    const ws = workshops(1, 1, () => 1);
    const people = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, preferences: [{ workshopId: 'w0', rank: 1 }] }));
    const a = allocate({ seed: 's', workshops: ws, registrants: people });
    const b = allocate({ seed: 's', workshops: ws, registrants: [...people].reverse() });
    expect(b).toEqual(a);
    expect(a.order).toEqual([...a.order].sort((x, y) => (drawOf('s', x) < drawOf('s', y) ? -1 : 1)));
    expect(allocate({ seed: 'autre', workshops: ws, registrants: people }).order).not.toEqual(a.order);
  });

  it('never puts anyone over capacity, in two workshops of a slot or in two overlapping ones; nobody is left out while a compatible seat they ranked is free; same seed, same result', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const result = allocate(inp);
        expect(allocate(inp)).toEqual(result);
        const byId = new Map(inp.workshops.map((w) => [w.id, w]));
        const taken = new Map<string, number>();
        for (const a of result.assignments) taken.set(a.workshopId, (taken.get(a.workshopId) ?? 0) + 1);
        for (const w of inp.workshops) expect(taken.get(w.id) ?? 0).toBeLessThanOrEqual(w.capacity ?? Infinity);
        for (const r of inp.registrants) {
          const mine = result.assignments.filter((a) => a.registrantId === r.id).map((a) => byId.get(a.workshopId)!);
          expect(new Set(mine.map((w) => w.slot)).size).toBe(mine.length);
          for (const x of mine) for (const y of mine) if (x !== y) expect(x.startsAt < y.endsAt && y.startsAt < x.endsAt).toBe(false);
          // Only what they ranked.
          for (const w of mine) expect(r.preferences.some((p) => p.workshopId === w.id)).toBe(true);
          // Left out of a slot they ranked: every workshop they ranked there is full (or clashes).
          const slots = new Set(r.preferences.map((p) => byId.get(p.workshopId)!.slot));
          for (const slot of slots) {
            if (mine.some((w) => w.slot === slot)) continue;
            for (const p of r.preferences.filter((p) => byId.get(p.workshopId)!.slot === slot)) {
              const w = byId.get(p.workshopId)!;
              const clashes = mine.some((m) => m.startsAt < w.endsAt && w.startsAt < m.endsAt);
              if (!clashes) expect(taken.get(w.id) ?? 0).toBe(w.capacity);
            }
          }
        }
        const pairs = inp.registrants.reduce((n, r) => n + new Set(r.preferences.map((p) => byId.get(p.workshopId)!.slot)).size, 0);
        const c = result.counts;
        expect(c.first + c.second + c.third + c.later + c.none).toBe(pairs);
        expect(c.first + c.second + c.third + c.later).toBe(result.assignments.length);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves nobody with a worse choice while a better one they ranked in that slot has a seat', () => {
    // Pareto: after the allocation, no one has a better-ranked workshop with a seat left in a slot they got.
    fc.assert(
      fc.property(input, (inp) => {
        const result = allocate(inp);
        const byId = new Map(inp.workshops.map((w) => [w.id, w]));
        const taken = new Map<string, number>();
        for (const a of result.assignments) taken.set(a.workshopId, (taken.get(a.workshopId) ?? 0) + 1);
        for (const a of result.assignments) {
          const slotPrefs = inp.registrants
            .find((r) => r.id === a.registrantId)!
            .preferences.filter((p) => byId.get(p.workshopId)!.slot === a.slot)
            .sort((x, y) => x.rank - y.rank);
          for (const better of slotPrefs.slice(0, a.rank - 1)) {
            const w = byId.get(better.workshopId)!;
            expect(taken.get(w.id) ?? 0).toBe(w.capacity);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
