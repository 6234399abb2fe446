import { recipientOf } from '../support/mail-sink';
import { binary, parsePdf } from '../support/pdf';
import { createEvent, register } from '../support/factories';
import { seedWorkshop } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('needs organisers can act on, and messages easy to read', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp({ mail: true });
    auth = await t.auth();
  });
  afterAll(() => t.close());
  const me = (token: string) => t.http.get('/api/registrations/me').set('X-Registration-Token', token);
  const patch = (token: string, body: Record<string, unknown>) => t.http.patch('/api/registrations/me').set('X-Registration-Token', token).send(body);

  it('lists the needs with French labels in /api/reference', async () => {
    const res = await t.http.get('/api/reference').expect(200);
    expect(res.body.accessibility.map((n: { code: string }) => n.code)).toEqual(['lsf', 'captions', 'wheelchair', 'induction_loop', 'easy_read', 'companion', 'quiet_room']);
    expect(res.body.accessibility[2]).toEqual({ code: 'wheelchair', label: 'Accès en fauteuil roulant' });
  });

  it('keeps the needs and travel support; easyRead is the easy_read need, both ways', async () => {
    const event = await createEvent(t);
    const res = await register(t, event.id, { accessibility: ['wheelchair', 'lsf'], travelSupport: true }).expect(201);
    const body = (await me(res.body.manageToken).expect(200)).body;
    expect(body).toMatchObject({ accessibility: ['lsf', 'wheelchair'], travelSupport: true, easyRead: false });

    const easy = await register(t, event.id, { easyRead: true }).expect(201);
    expect((await me(easy.body.manageToken)).body).toMatchObject({ accessibility: ['easy_read'], easyRead: true, travelSupport: false });
    const changed = await patch(easy.body.manageToken, { easyRead: false, accessibility: ['quiet_room'] }).expect(200);
    expect(changed.body).toMatchObject({ accessibility: ['quiet_room'], easyRead: false });
    expect((await patch(easy.body.manageToken, { easyRead: true }).expect(200)).body.accessibility).toEqual(['easy_read', 'quiet_room']);
  });

  it('refuses an unknown need, a need twice and a travel support that is not a boolean (422)', async () => {
    const event = await createEvent(t);
    for (const bad of [{ accessibility: ['ramp'] }, { accessibility: ['lsf', 'lsf'] }, { accessibility: 'lsf' }, { travelSupport: 'yes' }, { easyRead: 1 }]) {
      const res = await register(t, event.id, bad).expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const ok = await register(t, event.id).expect(201);
    await patch(ok.body.manageToken, { accessibility: null }).expect(422);
  });

  it('writes to a registrant who asked for it in easy-to-read French, and to the others as usual', async () => {
    const event = await createEvent(t, { title: 'Journée d’étude « Aller vers »' });
    await register(t, event.id, { email: 'facile@exemple.test', accessibility: ['easy_read'] }).expect(201);
    await register(t, event.id, { email: 'usuel@exemple.test' }).expect(201);
    const [easy] = await t.mail.waitFor(1, (m) => recipientOf(m) === 'facile@exemple.test', 3000);
    const [usual] = await t.mail.waitFor(1, (m) => recipientOf(m) === 'usuel@exemple.test', 3000);
    expect(easy.text).toContain('Vous avez une place pour');
    expect(usual.text).not.toContain('Vous avez une place pour');
    expect(usual.text).toContain('Votre inscription est confirmée.');
  });

  it('prints what the welcome desk must know on the badge and on the sign-in sheet', async () => {
    const event = await createEvent(t);
    const workshop = await seedWorkshop(t, event, { title: 'Atelier accès aux droits' });
    const res = await register(t, event.id, { lastName: 'Roulant', accessibility: ['wheelchair', 'easy_read', 'companion'], sessionIds: [workshop.id] }).expect(201);
    const badge = await t.http.get('/api/registrations/me/badge.pdf').query({ token: res.body.manageToken }).buffer(true).parse(binary).expect(200);
    const badgeText = flat((await parsePdf(badge.body)).text);
    expect(badgeText).toContain('Fauteuil · Accompagnant');
    // easy_read is for messages: nothing for the desk.
    expect(badgeText).not.toMatch(/FALC|Facile/);
    const sheet = await t.http.get(`/api/events/${event.id}/sessions/${workshop.id}/sign-in-sheet.pdf`).set(auth).buffer(true).parse(binary).expect(200);
    const sheetText = flat((await parsePdf(sheet.body)).text);
    expect(sheetText).toContain('Accueil');
    expect(sheetText).toContain('Roulant');
    expect(sheetText).toContain('Fauteuil · Accompagnant');
  });

  it('totals the needs of confirmed registrants for the event and per workshop in /stats', async () => {
    const event = await createEvent(t, { capacity: 2 });
    const w = await seedWorkshop(t, event);
    await register(t, event.id, { accessibility: ['lsf', 'captions'], travelSupport: true, sessionIds: [w.id] }).expect(201);
    await register(t, event.id, { accessibility: ['lsf'] }).expect(201);
    // Waiting: not counted.
    await register(t, event.id, { accessibility: ['lsf'], travelSupport: true }).expect(201);
    const stats = (await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200)).body;
    const count = (needs: { accessibility: Array<{ code: string; confirmed: number }> }, code: string) => needs.accessibility.find((n) => n.code === code)!.confirmed;
    expect(count(stats.needs, 'lsf')).toBe(2);
    expect(count(stats.needs, 'captions')).toBe(1);
    expect(count(stats.needs, 'wheelchair')).toBe(0);
    expect(stats.needs.travelSupport).toBe(1);
    const session = stats.sessions.find((s: { sessionId: string }) => s.sessionId === w.id);
    expect(count(session.needs, 'lsf')).toBe(1);
    expect(session.needs.travelSupport).toBe(1);
  });
});
