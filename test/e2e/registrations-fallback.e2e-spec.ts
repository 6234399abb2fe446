import { Client } from 'pg';
import { createEvent, register } from '../support/factories';
import { countsByStatus, seedWorkshop } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Registering checks the request against a one-second memory of the event, then decides under the
 * lock. When the event changed in between, the locked rows win and the refusal is explained.
 */
describe('registering right after the event changed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses (422) a registration right after the event was cancelled', async () => {
    const event = await createEvent(t);
    await register(t, event.id).expect(201);
    await t.http
      .post(`/api/events/${event.id}/cancel`)
      .set(await t.auth())
      .send({ reason: 'Grève' })
      .expect(200);
    const res = await register(t, event.id).expect(422);
    expect(res.body.detail).toMatch(/annulé/);
  });

  it('refuses (422) right after the window closed', async () => {
    const event = await createEvent(t, { registrationClosesAt: new Date(Date.now() + 3600_000).toISOString() });
    await register(t, event.id).expect(201);
    t.clock.set(new Date(Date.now() + 2 * 3600_000));
    try {
      await register(t, event.id).expect(422);
    } finally {
      t.clock.reset();
    }
  });

  it('refuses (422) a session that stopped being a workshop, and (409) two that now overlap', async () => {
    const event = await createEvent(t, { capacity: 10 });
    const w1 = await seedWorkshop(t, event, { slot: 0 });
    const w2 = await seedWorkshop(t, event, { slot: 1 });
    await register(t, event.id, { sessionIds: [w1.id, w2.id] }).expect(201);
    await t.dataSource.query(`UPDATE session SET starts_at = $2, ends_at = $3 WHERE id = $1`, [w2.id, w1.startsAt, w1.endsAt]);
    await register(t, event.id, { sessionIds: [w1.id, w2.id] }).expect(409);
    await t.dataSource.query(`UPDATE session SET type = 'plenary' WHERE id = $1`, [w1.id]);
    const res = await register(t, event.id, { sessionIds: [w1.id] }).expect(422);
    expect(res.body.errors[0].field).toBe('sessionIds');
    expect(await countsByStatus(t, event.id)).toEqual({ confirmed: 1 });
  });

  it('reads a raised capacity live, even while the event is remembered', async () => {
    const event = await createEvent(t, { capacity: 1 });
    await register(t, event.id).expect(201);
    await t.http
      .patch(`/api/events/${event.id}`)
      .set(await t.auth())
      .send({ capacity: 2 })
      .expect(200);
    expect((await register(t, event.id).expect(201)).body.status).toBe('confirmed');
  });

  it('answers 503 with Retry-After (not 500) when the event stays locked longer than the lock timeout', async () => {
    const event = await createEvent(t);
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM event WHERE id = $1 FOR UPDATE', [event.id]);
      const res = await register(t, event.id).expect(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    expect(await countsByStatus(t, event.id)).toEqual({});
    await register(t, event.id).expect(201);
  });
});
