import { createEvent, register } from '../support/factories';
import { countsByStatus, outboxRows, seedWorkshop } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

describe('registrants manage their registration with their token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const me = (token: string) => t.http.get('/api/registrations/me').set('X-Registration-Token', token);
  const patch = (token: string, body: Record<string, unknown>) => t.http.patch('/api/registrations/me').set('X-Registration-Token', token).send(body);
  const cancel = (token: string) => t.http.delete('/api/registrations/me').set('X-Registration-Token', token);

  it('answers the same 401 to a missing, garbage or unknown token, and a token opens only its own registration', async () => {
    const event = await createEvent(t);
    const a = await register(t, event.id, { firstName: 'Alice' }).expect(201);
    const b = await register(t, event.id, { firstName: 'Bruno' }).expect(201);
    const missing = await t.http.get('/api/registrations/me').expect(401);
    const garbage = await me('garbage').expect(401);
    const unknown = await me('A'.repeat(43)).expect(401);
    expect(garbage.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(garbage.body).toEqual(unknown.body);
    expect(missing.body).toEqual(unknown.body);
    expect(JSON.stringify(unknown.body)).not.toMatch(/Alice|Bruno|@/);
    await patch('garbage', { firstName: 'X' }).expect(401);
    await cancel('garbage').expect(401);
    await t.http.get('/api/registrations/me/export?token=garbage').expect(401);
    expect((await me(a.body.manageToken).expect(200)).body).toMatchObject({ id: a.body.id, firstName: 'Alice' });
    expect((await t.http.get(`/api/registrations/me?token=${b.body.manageToken}`).expect(200)).body).toMatchObject({ id: b.body.id, firstName: 'Bruno' });
    // The token is stored only as a hash.
    const stored: Array<{ manage_token_hash: string }> = await t.dataSource.query(`SELECT manage_token_hash FROM registration WHERE id = $1`, [a.body.id]);
    expect(stored[0].manage_token_hash).not.toContain(a.body.manageToken);
    expect(stored[0].manage_token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows the check-in code, and the online link only to a registrant confirmed online', async () => {
    const event = await createEvent(t, { format: 'hybrid', onlineUrl: 'https://visio.example.org/x', capacity: 5, onlineCapacity: 1 });
    const onsite = await register(t, event.id, { attendanceMode: 'onsite' }).expect(201);
    const online = await register(t, event.id, { attendanceMode: 'online' }).expect(201);
    const waiting = await register(t, event.id, { attendanceMode: 'online' }).expect(201);
    const seen = (await me(onsite.body.manageToken).expect(200)).body;
    expect(seen.checkInCode).toMatch(/^[A-Z2-9]{12}$/);
    expect(seen.onlineUrl).toBeUndefined();
    expect((await me(online.body.manageToken).expect(200)).body.onlineUrl).toBe('https://visio.example.org/x');
    expect((await me(waiting.body.manageToken).expect(200)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await me(waiting.body.manageToken).expect(200)).body.onlineUrl).toBeUndefined();
  });

  it('changes details under the same rules, and records photo consent with its time', async () => {
    const event = await createEvent(t);
    const a = await register(t, event.id, { email: 'a@exemple.fr' }).expect(201);
    await register(t, event.id, { email: 'b@exemple.fr' }).expect(201);
    const changed = await patch(a.body.manageToken, { lastName: '  Martin ', jobTitle: 'Directrice', photoConsent: true }).expect(200);
    expect(changed.body).toMatchObject({ lastName: 'Martin', jobTitle: 'Directrice', photoConsent: true, photoConsentAt: expect.any(String) });
    await patch(a.body.manageToken, { email: 'B@Exemple.fr' }).expect(409);
    await patch(a.body.manageToken, { firstName: null }).expect(422);
    await patch(a.body.manageToken, { consent: false }).expect(422);
    await patch(a.body.manageToken, { attendanceMode: 'online' }).expect(422);
    const withdrawn = await patch(a.body.manageToken, { photoConsent: false }).expect(200);
    expect(withdrawn.body).toMatchObject({ photoConsent: false, photoConsentAt: null });
  });

  it('cancels (200 with the cancelled registration, idempotent), promotes the first waitlisted and tells both', async () => {
    const event = await createEvent(t, { capacity: 1 });
    const a = await register(t, event.id).expect(201);
    const b = await register(t, event.id).expect(201);
    const c = await register(t, event.id).expect(201);
    const cancelled = await cancel(a.body.manageToken).expect(200);
    expect(cancelled.body).toMatchObject({ id: a.body.id, status: 'cancelled', cancelledAt: expect.any(String) });
    expect((await cancel(a.body.manageToken).expect(200)).body.status).toBe('cancelled');
    await patch(a.body.manageToken, { firstName: 'Z' }).expect(409);
    expect((await me(b.body.manageToken).expect(200)).body.status).toBe('confirmed');
    expect((await me(c.body.manageToken).expect(200)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const rows = await outboxRows(t, event.id);
    expect(
      rows
        .filter((r) => r.registration_id === a.body.id)
        .map((r) => r.reason)
        .sort(),
    ).toEqual(['cancellation', 'confirmation']);
    expect(
      rows
        .filter((r) => r.registration_id === b.body.id)
        .map((r) => r.reason)
        .sort(),
    ).toEqual(['promoted', 'waitlisted']);
    expect(rows.filter((r) => r.registration_id === c.body.id).map((r) => r.reason)).toEqual(['waitlisted']);
  });

  it('lets organisers cancel on someone’s behalf (and nobody else)', async () => {
    const event = await createEvent(t, { capacity: 1 });
    const other = await createEvent(t);
    const a = await register(t, event.id).expect(201);
    const b = await register(t, event.id).expect(201);
    await t.http.delete(`/api/events/${event.id}/registrations/${a.body.id}`).expect(401);
    await t.http
      .delete(`/api/events/${other.id}/registrations/${a.body.id}`)
      .set(await t.auth())
      .expect(404);
    await t.http
      .delete(`/api/events/${event.id}/registrations/not-a-uuid`)
      .set(await t.auth())
      .expect(404);
    const res = await t.http
      .delete(`/api/events/${event.id}/registrations/${a.body.id}`)
      .set(await t.auth())
      .expect(200);
    expect(res.body).toMatchObject({ id: a.body.id, status: 'cancelled' });
    expect((await me(b.body.manageToken).expect(200)).body.status).toBe('confirmed');
    const told = (await outboxRows(t, event.id)).find((r) => r.registration_id === a.body.id && r.reason === 'cancellation')!;
    expect(told.payload).toEqual({ byOrganiser: true });
  });

  it('changes workshops: refuses clashes, frees the old seat for the next in line, waitlists a full one', async () => {
    const event = await createEvent(t, { capacity: 50 });
    const w1 = await seedWorkshop(t, event, { slot: 0, capacity: 1 });
    const w2 = await seedWorkshop(t, event, { slot: 1, capacity: 1 });
    const w3 = await seedWorkshop(t, event, { slot: 1 });
    const a = await register(t, event.id, { sessionIds: [w1.id] }).expect(201);
    const b = await register(t, event.id, { sessionIds: [w1.id, w2.id] }).expect(201);
    expect(b.body.sessions).toEqual([
      { sessionId: w1.id, status: 'waitlisted' },
      { sessionId: w2.id, status: 'confirmed' },
    ]);
    await patch(a.body.manageToken, { sessionIds: [w2.id, w3.id] }).expect(409);
    const moved = await patch(a.body.manageToken, { sessionIds: [w2.id] }).expect(200);
    expect(moved.body.sessions).toEqual([expect.objectContaining({ sessionId: w2.id, status: 'waitlisted', waitlistPosition: 1 })]);
    expect((await me(b.body.manageToken).expect(200)).body.sessions.map((s: any) => [s.sessionId, s.status])).toEqual([
      [w1.id, 'confirmed'],
      [w2.id, 'confirmed'],
    ]);
    const reasons = (await outboxRows(t, event.id)).filter((r) => r.registration_id === b.body.id).map((r) => r.reason);
    expect(reasons).toContain(`promoted:${w1.id}`);
    // Choosing again a workshop one left puts one at the end of its queue.
    const back = await patch(a.body.manageToken, { sessionIds: [w1.id, w2.id] }).expect(200);
    expect(back.body.sessions.map((s: any) => [s.status, s.waitlistPosition])).toEqual([
      ['waitlisted', 1],
      ['waitlisted', 1],
    ]);
  });

  it('moves a hybrid registrant online: the onsite seat goes to the next in line, the online list is respected', async () => {
    const event = await createEvent(t, { format: 'hybrid', onlineUrl: 'https://visio.example.org/y', capacity: 1, onlineCapacity: 1 });
    const a = await register(t, event.id, { attendanceMode: 'onsite' }).expect(201);
    const b = await register(t, event.id, { attendanceMode: 'onsite' }).expect(201);
    const moved = await patch(a.body.manageToken, { attendanceMode: 'online' }).expect(200);
    expect(moved.body).toMatchObject({ attendanceMode: 'online', status: 'confirmed', onlineUrl: 'https://visio.example.org/y' });
    expect((await me(b.body.manageToken).expect(200)).body.status).toBe('confirmed');
    const c = await register(t, event.id, { attendanceMode: 'onsite' }).expect(201);
    const toFullOnline = await patch(c.body.manageToken, { attendanceMode: 'online' }).expect(200);
    expect(toFullOnline.body).toMatchObject({ attendanceMode: 'online', status: 'waitlisted', waitlistPosition: 1 });
    expect(await countsByStatus(t, event.id, 'onsite')).toEqual({ confirmed: 1 });
  });

  it('exports everything held on the person, consents with their times and the messages sent to them', async () => {
    const event = await createEvent(t);
    const a = await register(t, event.id, { photoConsent: true, accessibilityNeeds: 'Boucle magnétique' }).expect(201);
    const res = await t.http.get(`/api/registrations/me/export?token=${a.body.manageToken}`).expect(200);
    expect(res.body).toMatchObject({
      exportedAt: expect.any(String),
      registration: { id: a.body.id, accessibilityNeeds: 'Boucle magnétique', checkInCode: expect.any(String) },
      consents: { consent: true, consentAt: expect.any(String), photoConsent: true, photoConsentAt: expect.any(String) },
      messages: [{ reason: 'confirmation', status: 'pending', createdAt: expect.any(String), sentAt: null }],
    });
  });

  it('once registration has closed, details may still change but not workshops or seats', async () => {
    const event = await createEvent(t, { capacity: 5, registrationClosesAt: new Date(Date.now() + 3600_000).toISOString() });
    const workshop = await seedWorkshop(t, event, { slot: 0 });
    const a = await register(t, event.id).expect(201);
    t.clock.set(new Date(Date.now() + 2 * 3600_000));
    try {
      await patch(a.body.manageToken, { jobTitle: 'Chargée de mission' }).expect(200);
      const refused = await patch(a.body.manageToken, { sessionIds: [workshop.id] }).expect(422);
      expect(refused.body.detail).toMatch(/closes/);
    } finally {
      t.clock.reset();
    }
  });

  it('offers no seat at a cancelled event: cancelling there promotes nobody', async () => {
    const event = await createEvent(t, { capacity: 1 });
    const a = await register(t, event.id).expect(201);
    const b = await register(t, event.id).expect(201);
    await t.http
      .post(`/api/events/${event.id}/cancel`)
      .set(await t.auth())
      .send({ reason: 'Salle indisponible' })
      .expect(200);
    await cancel(a.body.manageToken).expect(200);
    expect((await me(b.body.manageToken).expect(200)).body.status).toBe('waitlisted');
    expect((await outboxRows(t, event.id)).filter((r) => r.reason === 'promoted')).toEqual([]);
  });
});
