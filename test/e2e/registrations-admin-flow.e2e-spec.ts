import { RetentionService } from '../../src/registrations/admin/retention.service';
import { createEvent } from '../support/factories';
import { seedWorkshop } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;

/** The organisers' side seen through registrations made by the public endpoint, end to end. */
describe('organisers: registrations made through the public endpoint', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.auth();
  });
  afterAll(() => t.close());

  it('lists, checks in, counts, exports and finally anonymises real registrations', async () => {
    const event = await createEvent(t, { title: 'Journée d’étude Perpignan', capacity: 2 });
    const start = new Date(event.startsAt).getTime();
    const { id: workshop } = await seedWorkshop(t, event, {
      title: 'Atelier : petite enfance',
      startsAt: new Date(start + 3600e3),
      endsAt: new Date(start + 7200e3),
      capacity: 1,
      themes: ['petite_enfance'],
    });
    const register = (firstName: string, lastName: string, extra: Record<string, unknown> = {}) =>
      t.http
        .post(`/api/events/${event.id}/registrations`)
        .send({ firstName, lastName, email: `${lastName.toLowerCase()}@Exemple.TEST`, organisationType: 'association', department: '66', consent: true, ...extra })
        .expect(201);
    const anais = (await register('Anaïs', 'Puig', { sessionIds: [workshop] })).body;
    const bruno = (await register('Bruno', 'Sala', { sessionIds: [workshop] })).body;
    const chloe = (await register('Chloé', 'Vidal')).body;
    expect([anais.status, bruno.status, chloe.status]).toEqual(['confirmed', 'confirmed', 'waitlisted']);

    const list = (await t.http.get(`/api/events/${event.id}/registrations`).set(auth).expect(200)).body;
    expect(list.items.map((i: any) => [i.lastName, i.status, i.waitlistPosition])).toEqual([
      ['Puig', 'confirmed', null],
      ['Sala', 'confirmed', null],
      ['Vidal', 'waitlisted', chloe.waitlistPosition],
    ]);
    expect(list.items[0].sessions).toEqual([{ sessionId: workshop, title: 'Atelier : petite enfance', status: 'confirmed' }]);
    expect(list.items[1].sessions).toEqual([{ sessionId: workshop, title: 'Atelier : petite enfance', status: 'waitlisted' }]);

    // The organiser's view shows the same code as the registrant's badge.
    const mine = (await t.http.get('/api/registrations/me').set('X-Registration-Token', anais.manageToken).expect(200)).body;
    const detail = (await t.http.get(`/api/events/${event.id}/registrations/${anais.id}`).set(auth).expect(200)).body;
    expect(detail.checkInCode).toBe(mine.checkInCode);
    expect(detail).toMatchObject({ email: 'puig@exemple.test', firstName: 'Anaïs', department: '66', consentAt: expect.stringMatching(/[+-]\d\d:\d\d$/) });

    const scan = (code: string) => t.http.post(`/api/events/${event.id}/check-in`).set(auth).send({ code });
    expect((await scan(detail.checkInCode.toLowerCase()).expect(200)).body).toMatchObject({ registrationId: anais.id, fullName: 'Anaïs Puig', alreadyCheckedIn: false });
    const chloeCode = (await t.http.get(`/api/events/${event.id}/registrations/${chloe.id}`).set(auth).expect(200)).body.checkInCode;
    await scan(chloeCode).expect(409);

    // Cancelling Bruno promotes Chloé; his badge no longer opens the door, hers does.
    await t.http.delete(`/api/events/${event.id}/registrations/${bruno.id}`).set(auth).expect(200);
    const brunoCode = (await t.http.get(`/api/events/${event.id}/registrations/${bruno.id}`).set(auth).expect(200)).body.checkInCode;
    expect((await scan(brunoCode).expect(409)).body.detail).toMatch(/annulée/);
    expect((await scan(chloeCode).expect(200)).body.alreadyCheckedIn).toBe(false);

    const stats = (await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200)).body;
    expect(stats.registrations).toEqual({ confirmed: 2, waitlisted: 0, cancelled: 1 });
    expect(stats.sessions).toEqual([expect.objectContaining({ sessionId: workshop, title: 'Atelier : petite enfance', capacity: 1, confirmed: 1, waitlisted: 0, fillRate: 1 })]);
    expect(stats.sessions[0].needs.travelSupport).toBe(0);
    expect(stats.byTheme.find((th: any) => th.code === 'petite_enfance').choices).toBe(1);
    expect(stats.byDepartment).toEqual([{ code: '66', label: 'Pyrénées-Orientales', occitanie: true, confirmed: 2 }]);
    expect(stats.checkIn).toEqual({ checkedIn: 2, expected: 2, rate: 1 });

    const csv = (await t.http.get(`/api/events/${event.id}/registrations.csv`).set(auth).expect(200)).text;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^Sala;Bruno;sala@exemple\.test;.*;Annulé;/);

    // A year after the event: the manage link stops working, the figures stay.
    await t.app.get(RetentionService).anonymiseExpired(new Date(new Date(event.endsAt).getTime() + 366 * DAY));
    const after = await t.http.get('/api/registrations/me').set('X-Registration-Token', anais.manageToken);
    expect([401, 404]).toContain(after.status);
    expect((await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200)).body).toEqual(stats);
  });
});
