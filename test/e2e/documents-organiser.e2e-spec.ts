import { randomUUID } from 'node:crypto';
import { createEvent, createSession, slot } from '../support/factories';
import { seedRegistration } from '../support/seeds';
import { binary, decodeQrCodes, parsePdf } from '../support/pdf';
import { startTestApp, TestApp } from '../support/test-app';

const NNBSP = '\u202F';
const flat = (s: string) => s.replace(/ *\n */g, ' ');

describe('organisers’ print runs', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let event: Record<string, any>;
  let workshop: Record<string, any>;
  let plenary: Record<string, any>;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.auth();
    event = await createEvent(t, { title: 'Journée d’étude : « participation »', format: 'hybrid', onlineUrl: 'https://visio.test/j', onlineCapacity: 50 });
    workshop = await createSession(t, event.id, { title: 'Atelier santé', ...slot(event, 2, 3) });
    plenary = await createSession(t, event.id, { title: 'Plénière', type: 'plenary', ...slot(event, 1, 2) });
    const people: Array<[string, string, Parameters<typeof seedRegistration>[2]]> = [
      ['Zoé', 'Martin', {}],
      ['Élodie', 'Martin', { sessions: [{ id: workshop.id }] }],
      ['Paul', 'Écuyer', { sessions: [{ id: workshop.id }] }],
      ['Ana', 'Eymard', { checkedInAt: new Date() }],
      ['Jean', 'Durand', { sessions: [{ id: workshop.id, status: 'waitlisted' }] }],
      ['Emma', 'Online', { attendanceMode: 'online', sessions: [{ id: workshop.id }] }],
      ['Léa', 'Attente', { status: 'waitlisted' }],
      ['Luc', 'Annulé', { status: 'cancelled' }],
    ];
    for (const [firstName, lastName, row] of people) {
      const reg = await seedRegistration(t, event.id, { firstName, lastName, organisation: 'CCAS de Montpellier', ...row });
      ids[firstName] = reg.id;
      codes[firstName] = reg.checkInCode;
    }
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http.get(`/api/events/${event.id}/${path}`).set(auth).buffer(true).parse(binary);

  it('answers 401 without an organiser token and 404 for an unknown event or session, as problem+json', async () => {
    for (const path of ['badges.pdf', 'sign-in-sheets.pdf?date=2027-01-01', `sessions/${workshop.id}/sign-in-sheet.pdf`, 'certificates.pdf']) {
      const anonymous = await t.http.get(`/api/events/${event.id}/${path}`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      const unknown = await t.http.get(`/api/events/${randomUUID()}/${path}`).set(auth);
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    await t.http.get(`/api/events/${event.id}/sessions/${randomUUID()}/sign-in-sheet.pdf`).set(auth).expect(404);
  });

  it('prints a badge for every confirmed on-site registrant, by last name then first name, French style', async () => {
    const res = await get('badges.pdf').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="badges-${event.slug}.pdf"`);
    const parsed = await parsePdf(res.body);
    expect(parsed.numPages).toBe(1);
    const text = flat(parsed.text);
    const order = ['Jean', 'Paul', 'Ana', 'Élodie', 'Zoé'].map((n) => text.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const absent of ['Emma', 'Léa', 'Luc']) expect(text).not.toContain(absent);
    expect(decodeQrCodes(res.body, 1, 300)).toEqual(['Jean', 'Paul', 'Ana', 'Élodie', 'Zoé'].map((n) => codes[n]).sort());
  });

  it('prints only the badges asked for, and refuses ids that get no badge (422) or are not ids (422)', async () => {
    const res = await get(`badges.pdf?registrationIds=${ids.Zoé},${ids.Paul}`).expect(200);
    const text = flat((await parsePdf(res.body)).text);
    expect(text.indexOf('Paul')).toBeLessThan(text.indexOf('Zoé'));
    expect(text).not.toContain('Élodie');
    const refused = await t.http.get(`/api/events/${event.id}/badges.pdf?registrationIds=${ids.Zoé},${ids.Emma}`).set(auth).expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors[0].field).toBe('registrationIds');
    await t.http.get(`/api/events/${event.id}/badges.pdf?registrationIds=pas-un-id`).set(auth).expect(422);
  });

  it('prints a workshop’s sign-in sheet with its confirmed on-site registrants only, sorted, with the count', async () => {
    const res = await get(`sessions/${workshop.id}/sign-in-sheet.pdf`).expect(200);
    const text = flat((await parsePdf(res.body)).text);
    expect(text).toContain(`Feuille d’émargement — Atelier${NNBSP}: Atelier santé`);
    expect(text.indexOf('Écuyer')).toBeLessThan(text.indexOf('Martin'));
    expect(text).toContain('Élodie');
    for (const absent of ['Zoé', 'Durand', 'Online']) expect(text).not.toContain(absent);
    expect(text).toContain(`Nombre de personnes inscrites${NNBSP}: 2`);
  });

  it('prints every confirmed on-site registrant on a plenary’s sheet and on the day’s sheet with half-day columns', async () => {
    const plenarySheet = flat((await parsePdf((await get(`sessions/${plenary.id}/sign-in-sheet.pdf`).expect(200)).body)).text);
    expect(plenarySheet).toContain(`Nombre de personnes inscrites${NNBSP}: 5`);
    const day = event.startsAt.slice(0, 10);
    const res = await get(`sign-in-sheets.pdf?date=${day}`).expect(200);
    const text = flat((await parsePdf(res.body)).text);
    expect(text).toMatch(/Feuille d’émargement — Journée du \S+ \d+/);
    expect(text).toMatch(/Matin\s*Après-midi/);
    expect(text).toContain(`Nombre de personnes inscrites${NNBSP}: 5`);
    const order = ['Durand', 'Écuyer', 'Eymard', 'Élodie', 'Zoé'].map((n) => text.indexOf(n));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('refuses a day sheet without a date, with a malformed one, or outside the event (422)', async () => {
    for (const query of ['', '?date=demain', '?date=2001-01-01']) {
      const res = await t.http.get(`/api/events/${event.id}/sign-in-sheets.pdf${query}`).set(auth).expect(422);
      expect(res.body.errors[0].field).toBe('date');
    }
  });

  it('prints one certificate per checked-in person', async () => {
    await t.http.post(`/api/events/${event.id}/check-in`).set(auth).send({ code: codes.Paul }).expect(200);
    const parsed = await parsePdf((await get('certificates.pdf').expect(200)).body);
    expect(parsed.numPages).toBe(2);
    expect(flat(parsed.pages[0])).toContain('Paul Écuyer');
    expect(flat(parsed.pages[0])).toContain('Atelier santé');
    expect(flat(parsed.pages[1])).toContain('Ana Eymard');
    expect(flat(parsed.pages[1])).not.toContain('Atelier santé');
  });

  it('streams 2,000 badges as 250 pages from the cursor', async () => {
    const big = await createEvent(t, { title: 'Grande rencontre', capacity: 3000 });
    await t.dataSource.query(
      `INSERT INTO registration (event_id, first_name, last_name, email, organisation, organisation_type, attendance_mode, consent_at,
         photo_consent, status, manage_token_hash, check_in_code, confirmed_at, created_at, updated_at)
       SELECT $1, 'Prénom' || n, 'Nom' || lpad(n::text, 4, '0'), 'p' || n || '@exemple.test', 'Association', 'association', 'onsite', now(),
         false, 'confirmed', md5(random()::text || n), 'CODE' || lpad(n::text, 8, '0'), now(), now(), now()
       FROM generate_series(1, 2000) AS n`,
      [big.id],
    );
    const res = await t.http.get(`/api/events/${big.id}/badges.pdf`).set(auth).buffer(true).parse(binary).expect(200);
    const parsed = await parsePdf(res.body);
    expect(parsed.numPages).toBe(250);
    expect(flat(parsed.pages[0])).toContain('Nom0001');
    expect(flat(parsed.pages[249])).toContain('Nom2000');
    // The cursor's connection went back to the pool.
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_cursors`);
    expect(n).toBe(0);
    // Drawing 2,000 tagged badges and reading 250 pages back with pdf.js: ≈ 20 s alone, several
    // times that on a machine shared with other test runs.
  }, 180_000);
});
