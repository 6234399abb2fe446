import { randomUUID } from 'node:crypto';
import { seedRegistration } from '../support/seeds';
import { signIn, Signed } from '../support/backoffice';
import { createEvent } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('back office: the welcome desk (/gestion/evenements/{id}/accueil)', () => {
  let t: TestApp;
  let s: Signed;
  let event: Record<string, any>;
  beforeAll(async () => {
    t = await startTestApp();
    s = await signIn(t);
    event = await createEvent(t, { title: 'Journée d’étude Montpellier' });
  });
  afterAll(() => t.close());

  const desk = `/gestion/evenements/`;
  const post = (path: string, form: Record<string, string>) =>
    t.http
      .post(`${desk}${event.id}/accueil${path}`)
      .set('Cookie', s.cookie)
      .type('form')
      .send({ _csrf: s.csrf, ...form });
  const answerOf = (html: string) =>
    /<div id="reponse" class="rencontres-answer rencontres-answer--(\w+)"[^>]*>\s*<p[^>]*>([^<]*)<\/p>\s*<p[^>]*>([^<]*)<\/p>\s*<p[^>]*>([^<]*)<\/p>/.exec(html)?.slice(1);

  it('checks a badge in by its typed code: green, then orange with the first time; the count follows', async () => {
    const reg = await seedRegistration(t, event.id, { firstName: 'Amélie', lastName: 'Nguyen', organisation: 'CCAS de Montpellier' });
    await seedRegistration(t, event.id);
    const page = await t.http.get(`${desk}${event.id}/accueil`).set('Cookie', s.cookie).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('0 arrivée sur 2 attendues');
    expect(page.text).toContain('<script src="/assets/gestion-accueil.js" defer></script>');

    const first = await post('', { q: reg.checkInCode.toLowerCase() }).expect(200);
    expect(answerOf(first.text)).toEqual(['arrived', 'Bienvenue', 'Amélie Nguyen', 'CCAS de Montpellier']);
    expect(first.text).toContain('1 arrivée sur 2 attendues');

    const at = /Arrivée enregistrée à (\d{1,2} h \d{2})\./.exec(first.text)![1];
    const second = await post('', { code: reg.checkInCode }).expect(200);
    expect(answerOf(second.text)).toEqual(['already', `Déjà enregistré à ${at}`, 'Amélie Nguyen', 'CCAS de Montpellier']);
    expect(second.text).toContain('1 arrivée sur 2 attendues');
  });

  it('checks in a badge whose code has no digit (about 3 % of codes), and still reads twelve letters that are no code as a name', async () => {
    const reg = await seedRegistration(t, event.id, { firstName: 'Zoé', lastName: 'Kermarrec', organisation: 'Secours catholique' });
    await t.dataSource.query(`UPDATE registration SET check_in_code = 'KMNPQRSTUVWX' WHERE id = $1`, [reg.id]);
    expect(answerOf((await post('', { q: 'kmnp-qrst-uvwx' }).expect(200)).text)).toEqual(['arrived', 'Bienvenue', 'Zoé Kermarrec', 'Secours catholique']);
    const byName = await post('', { q: 'Kermarrecque' }).expect(200);
    expect(answerOf(byName.text)).toBeUndefined();
    expect(byName.text).toContain('Personne ne correspond à «&nbsp;Kermarrecque&nbsp;».');
  });

  it('is red for an unknown, a cancelled or a waitlisted badge', async () => {
    const cancelled = await seedRegistration(t, event.id, { status: 'cancelled' });
    const waitlisted = await seedRegistration(t, event.id, { status: 'waitlisted' });
    expect(answerOf((await post('', { code: 'ZZZZ9999ZZZZ' }).expect(200)).text)?.slice(0, 2)).toEqual(['refused', 'Badge inconnu']);
    expect(answerOf((await post('', { code: cancelled.checkInCode }).expect(200)).text)?.slice(0, 2)).toEqual(['refused', 'Inscription annulée']);
    expect(answerOf((await post('', { code: waitlisted.checkInCode }).expect(200)).text)?.slice(0, 2)).toEqual(['refused', 'Sur liste d’attente']);
  });

  it('finds people by name, each confirmed one with a check-in button carrying their code', async () => {
    const reg = await seedRegistration(t, event.id, { firstName: 'Hélène', lastName: 'Martínez' });
    await seedRegistration(t, event.id, { firstName: 'Hélène', lastName: 'Martin', status: 'cancelled' });
    const res = await post('', { q: 'helene mart' }).expect(200);
    expect(res.text).toContain('Hélène Martínez');
    expect(res.text).toContain('Hélène Martin');
    expect(res.text).toContain('Annulé');
    expect(res.text).toContain(`name="code" value="${reg.checkInCode}"`);
    expect(res.text.match(/name="code"/g)).toHaveLength(1);
    expect((await post('', { q: 'Personne Inconnue' }).expect(200)).text).toContain('Personne ne correspond');
  });

  it('answers the camera’s scans as JSON', async () => {
    const reg = await seedRegistration(t, event.id, { firstName: 'Paul', lastName: 'Durand', organisation: null });
    const res = await post('/scan', { code: reg.checkInCode }).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.answer).toMatchObject({ tone: 'arrived', name: 'Paul Durand', organisation: null });
    expect(res.body.arrivals.checkedIn).toBeGreaterThanOrEqual(1);
    expect((await post('/scan', { code: reg.checkInCode }).expect(200)).body.answer.tone).toBe('already');
  });

  it('refuses a missing or foreign form token, a signed-out visitor and an unknown event', async () => {
    const reg = await seedRegistration(t, event.id);
    await t.http.post(`${desk}${event.id}/accueil/scan`).set('Cookie', s.cookie).type('form').send({ code: reg.checkInCode }).expect(403);
    const other = await signIn(t);
    await t.http.post(`${desk}${event.id}/accueil/scan`).set('Cookie', s.cookie).type('form').send({ _csrf: other.csrf, code: reg.checkInCode }).expect(403);
    await t.http.get(`${desk}${event.id}/accueil`).expect(303);
    await t.http.post(`${desk}${event.id}/accueil/scan`).type('form').send({ code: reg.checkInCode }).expect(303);
    await t.http.get(`${desk}${randomUUID()}/accueil`).set('Cookie', s.cookie).expect(404);
    const still = await t.http
      .get(`/api/events/${event.id}/registrations/${reg.id}`)
      .set(await t.auth())
      .expect(200);
    expect(still.body.checkedInAt).toBeNull();
  });

  it('serves the QR decoder from its package', async () => {
    const res = await t.http.get('/gestion/ressources/jsqr.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.text).toContain('jsQR');
  });
});
