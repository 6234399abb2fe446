import { setTimeout as sleep } from 'node:timers/promises';
import { BatchLease } from './batch-lease';

const T0 = new Date('2027-03-01T08:00:00Z');

/** Waits (up to 2 s, for a loaded machine) until `done()`. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 2000; waited += 5) await sleep(5);
}

describe('BatchLease', () => {
  it('renews every third of the lease, from the lease it last set, only the rows not yet done', async () => {
    const calls: Array<{ ids: string[]; from: number; to: number }> = [];
    let now = T0.getTime();
    const lease = new BatchLease(
      ['a', 'b', 'c'],
      new Date(now + 30),
      30,
      () => new Date(now),
      async (ids, from, to) => {
        calls.push({ ids, from: from.getTime(), to: to.getTime() });
        return ids;
      },
      () => undefined,
    ).start();
    lease.done('b');
    now += 5;
    await until(() => calls.length >= 2);
    await lease.stop();
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls[0]).toEqual({ ids: ['a', 'c'], from: T0.getTime() + 30, to: T0.getTime() + 35 });
    // Each renewal starts from the lease the one before it set.
    for (let i = 1; i < calls.length; i++) expect(calls[i].from).toBe(calls[i - 1].to);
    const made = calls.length;
    await sleep(25);
    expect(calls).toHaveLength(made);
  });

  it('lets go of a row whose lease is no longer its own (taken over), keeps the rows when a renewal fails', async () => {
    const errors: string[] = [];
    let fail = false;
    const lease = new BatchLease(
      ['a', 'b'],
      new Date(T0.getTime() + 30),
      30,
      () => T0,
      async (ids) => {
        if (fail) throw new Error('connexion perdue');
        return ids.filter((id) => id !== 'b');
      },
      (error) => errors.push(error.message),
    ).start();
    await until(() => !lease.holds('b'));
    expect([lease.holds('a'), lease.holds('b')]).toEqual([true, false]);
    fail = true;
    await until(() => errors.length > 0);
    await lease.stop();
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]).toBe('connexion perdue');
    expect(lease.holds('a')).toBe(true);
  });
});
