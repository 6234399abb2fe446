import { randomUUID } from 'node:crypto';
import { insertRegistration, insertRoom, insertWorkshop } from '../support/admin-factories';
import { createEvent } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { THEMES } from '../../src/reference/reference.data';

/** A hybrid event with a hand-built set of registrations whose figures are known exactly. */
export async function buildStatsDataSet(t: TestApp) {
  const event = await createEvent(t, {
    title: 'Rencontre régionale hybride',
    format: 'hybrid',
    onlineUrl: 'https://visio.test/rencontre',
    onlineCapacity: 100,
  });
  const start = new Date(event.startsAt).getTime();
  const at = (hours: number) => new Date(start + hours * 3600e3);
  const r1 = await insertRoom(t, event.id, 'Salle Joffre', 20);
  const r2 = await insertRoom(t, event.id, 'Salle Pasteur', null);
  const wa = await insertWorkshop(t, event.id, { title: 'Atelier A : santé et participation', startsAt: at(1), endsAt: at(2), capacity: 3, roomId: r1, themes: ['sante', 'participation'] });
  const wb = await insertWorkshop(t, event.id, { title: 'Atelier B : santé', startsAt: at(3), endsAt: at(4), roomId: r1, themes: ['sante'] });
  const wc = await insertWorkshop(t, event.id, { title: 'Atelier C : emploi', startsAt: at(3), endsAt: at(4), roomId: r2, themes: ['insertion_emploi'] });
  await insertWorkshop(t, event.id, { title: 'Plénière d’ouverture', type: 'plenary', startsAt: at(0), endsAt: at(1), roomId: r2 });
  const checkedIn = at(0);
  const regs = {
    c1: await insertRegistration(t, event.id, { organisationType: 'association', department: '34', checkedInAt: checkedIn, sessions: [{ id: wa }, { id: wb }] }),
    c2: await insertRegistration(t, event.id, { organisationType: 'association', department: '34', sessions: [{ id: wa }, { id: wc, status: 'waitlisted' }] }),
    c3: await insertRegistration(t, event.id, { organisationType: 'service_public', department: '31', checkedInAt: checkedIn, sessions: [{ id: wb }] }),
    c4: await insertRegistration(t, event.id, { organisationType: 'etat', department: null, attendanceMode: 'online', sessions: [{ id: wc }] }),
    w1: await insertRegistration(t, event.id, { organisationType: 'association', department: '34', status: 'waitlisted', sessions: [{ id: wa, status: 'waitlisted' }] }),
    w2: await insertRegistration(t, event.id, { organisationType: 'citoyen', department: '12', status: 'waitlisted', attendanceMode: 'online' }),
    x1: await insertRegistration(t, event.id, { organisationType: 'association', department: '34', status: 'cancelled', checkedInAt: checkedIn, sessions: [{ id: wa, status: 'cancelled' }] }),
    // A stale confirmed choice of a cancelled registration holds no seat.
    x2: await insertRegistration(t, event.id, { organisationType: 'entreprise', department: '30', status: 'cancelled', attendanceMode: 'online', sessions: [{ id: wb }] }),
  };
  const themeChoices: Record<string, number> = { sante: 4, participation: 2, insertion_emploi: 1 };
  const expected = {
    registrations: { confirmed: 4, waitlisted: 2, cancelled: 2 },
    byAttendanceMode: { onsite: { confirmed: 3, waitlisted: 1 }, online: { confirmed: 1, waitlisted: 1 } },
    byOrganisationType: [
      { code: 'etat', label: 'Services de l’État', confirmed: 1 },
      { code: 'collectivite', label: 'Collectivité territoriale', confirmed: 0 },
      { code: 'service_public', label: 'Service public (France Travail, CAF…)', confirmed: 1 },
      { code: 'association', label: 'Association', confirmed: 2 },
      { code: 'partenaire_social', label: 'Partenaire social', confirmed: 0 },
      { code: 'entreprise', label: 'Entreprise', confirmed: 0 },
      { code: 'citoyen', label: 'Citoyen', confirmed: 0 },
      { code: 'personne_concernee', label: 'Personne concernée', confirmed: 0 },
      { code: 'autre', label: 'Autre', confirmed: 0 },
    ],
    byDepartment: [
      { code: '34', label: 'Hérault', confirmed: 2 },
      { code: '31', label: 'Haute-Garonne', confirmed: 1 },
      { code: null, label: 'Non renseigné', confirmed: 1 },
    ],
    byTheme: THEMES.map((theme) => ({ code: theme.code, label: theme.label, choices: themeChoices[theme.code] ?? 0 })),
    sessions: [
      { sessionId: wa, title: 'Atelier A : santé et participation', capacity: 3, confirmed: 2, waitlisted: 1, fillRate: 0.667 },
      { sessionId: wb, title: 'Atelier B : santé', capacity: 20, confirmed: 2, waitlisted: 0, fillRate: 0.1 },
      { sessionId: wc, title: 'Atelier C : emploi', capacity: null, confirmed: 1, waitlisted: 1, fillRate: null },
    ],
    checkIn: { checkedIn: 2, expected: 3, rate: 0.667 },
  };
  return { event, regs, workshops: { wa, wb, wc }, expected };
}

describe('event figures', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.auth();
  });
  afterAll(() => t.close());

  it('counts a hand-built event exactly', async () => {
    const { event, expected } = await buildStatsDataSet(t);
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
    expect(res.body.byTheme.every((t: { choices: number }) => t.choices === 0)).toBe(true);
    expect(res.body.sessions).toEqual([]);
    expect(res.body.checkIn).toEqual({ checkedIn: 0, expected: 0, rate: null });
  });

  it('follows check-ins as they happen', async () => {
    const event = await createEvent(t, { title: 'Journée d’étude Rodez' });
    const regs = [];
    for (let i = 0; i < 4; i++) regs.push(await insertRegistration(t, event.id));
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
