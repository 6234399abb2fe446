import { signIn, Signed } from '../support/backoffice';
import { createEvent } from '../support/factories';
import { actionInput, createRoom, createSession, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('back office: highlighted actions to moderate', () => {
  let t: TestApp;
  let s: Signed;
  const post = (path: string, form: Record<string, string | string[]>) =>
    t.http
      .post(path)
      .set('Cookie', s.cookie)
      .type('form')
      .send({ _csrf: s.csrf, ...form });

  beforeAll(async () => {
    t = await startTestApp();
    s = await signIn(t);
  });
  afterAll(() => t.close());

  it('selects and rejects proposals, edits one with errors beside the fields, and shows the sessions that present it', async () => {
    const event = await createEvent(t);
    const bus = (
      await t.http
        .post(`/api/events/${event.id}/actions/proposals`)
        .send(actionInput({ title: 'Le bus des droits' }))
        .expect(201)
    ).body;
    const epicerie = (
      await t.http
        .post(`/api/events/${event.id}/actions/proposals`)
        .send(actionInput({ title: 'L’épicerie solidaire mobile' }))
        .expect(201)
    ).body;
    const room = await createRoom(t, event.id);
    await createSession(t, event.id, { title: 'Aller vers les publics isolés', ...slot(event, 1, 2), roomId: room.id, actionIds: [bus.id] });

    const page = await t.http.get(`/gestion/evenements/${event.id}/actions`).set('Cookie', s.cookie).expect(200);
    expect(page.text).toContain('2 propositions à examiner.');
    expect(page.text).toMatch(/Présentée dans : <a [^>]+>Aller vers les publics isolés<\/a>/);

    await post(`/gestion/evenements/${event.id}/actions/${bus.id}/statut`, { status: 'selected' }).expect(303);
    await post(`/gestion/evenements/${event.id}/actions/${epicerie.id}/statut`, { status: 'rejected' }).expect(303);
    const publicList = await t.http.get(`/api/events/${event.id}/actions`).expect(200);
    expect(publicList.body.items.map((a: any) => a.title)).toEqual(['Le bus des droits']);

    const refused = await post(`/gestion/evenements/${event.id}/actions/${bus.id}`, {
      title: 'Le bus',
      summary: 'court',
      organisation: 'MSA',
      organisationType: 'service_public',
      departments: ['32'],
      themes: ['ruralite'],
    }).expect(422);
    expect(refused.text).toMatch(/id="summary-error">Décrivez l’action/);
    expect(refused.text).toContain('value="Le bus"');
    await post(`/gestion/evenements/${event.id}/actions/${bus.id}`, {
      title: 'Le bus des droits en Ariège',
      summary: 'Un bus itinérant accompagne les habitants.',
      organisation: 'MSA',
      organisationType: 'service_public',
      departments: ['09'],
      themes: ['ruralite'],
    }).expect(303);
    expect((await t.http.get(`/api/events/${event.id}/actions`).expect(200)).body.items[0].title).toBe('Le bus des droits en Ariège');
  });
});
