import { randomUUID } from 'node:crypto';
import { createEvent } from '../support/factories';
import { seedRegistration, seedStatsDataSet } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

describe('event figures', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.auth();
  });
  afterAll(() => t.close());

  it('counts a hand-built event exactly', async () => {
    const { event, expected } = await seedStatsDataSet(t);
    const res = await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200);
    expect(res.body).toEqual(expected);
  });

  it('answers zeros for an event nobody registered for, and nulls for rates of nothing', async () => {
    const event = await createEvent(t, { title: 'Journée d’étude vide' });
    const res = await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200);
    expect(res.body.registrations).toEqual({ confirmed: 0, waitlisted: 0, cancelled: 0 });
    expect(res.body.byAttendanceMode).toEqual({ onsite: { confirmed: 0, waitlisted: 0 }, online: { confirmed: 0, waitlisted: 0 } });
    expect(res.body.byOrganisationType).toHaveLength(9);
    expect(res.body.byDepartment).toEqual([]);
    expect(res.body.byTheme.length).toBeGreaterThan(0);
    expect(res.body.byTheme.every((t: { choices: number }) => t.choices === 0)).toBe(true);
    expect(res.body.sessions).toEqual([]);
    expect(res.body.checkIn).toEqual({ checkedIn: 0, expected: 0, rate: null });
  });

  it('follows check-ins as they happen', async () => {
    const event = await createEvent(t, { title: 'Journée d’étude Rodez' });
    const regs = [];
    for (let i = 0; i < 4; i++) regs.push(await seedRegistration(t, event.id));
    await t.http.post(`/api/events/${event.id}/check-in`).set(auth).send({ code: regs[0].checkInCode }).expect(200);
    const res = await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200);
    expect(res.body.checkIn).toEqual({ checkedIn: 1, expected: 4, rate: 0.25 });
  });

  it('is for organisers only, and 404 for an unknown event', async () => {
    const event = await createEvent(t, { title: 'Webinaire' });
    await t.http.get(`/api/events/${event.id}/stats`).expect(401);
    await t.http.get(`/api/events/${randomUUID()}/stats`).set(auth).expect(404);
    await t.http.get(`/api/events/nope/stats`).set(auth).expect(404);
  });
});
