import { createEvent, createSession, createSpeaker, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('speakers', () => {
  let t: TestApp;
  let event: Record<string, any>;
  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t);
  });
  afterAll(() => t.close());

  it('shows a speaker’s email to organisers only', async () => {
    const speaker = await createSpeaker(t, event.id, { fullName: 'Claire Fabre', email: 'Claire.Fabre@Herault.fr', bio: 'Travailleuse sociale.' });
    expect(speaker).toMatchObject({ fullName: 'Claire Fabre', email: 'claire.fabre@herault.fr', bio: 'Travailleuse sociale.' });
    const publicList = await t.http.get(`/api/events/${event.id}/speakers`).expect(200);
    const seen = publicList.body.items.find((s: any) => s.id === speaker.id);
    expect(seen).toMatchObject({ fullName: 'Claire Fabre', jobTitle: 'Cheffe de projet' });
    expect(seen).not.toHaveProperty('email');
    expect(JSON.stringify(publicList.body)).not.toContain('@');
    const publicOne = await t.http.get(`/api/events/${event.id}/speakers/${speaker.id}`).expect(200);
    expect(publicOne.body).not.toHaveProperty('email');
    const organiserList = await t.http
      .get(`/api/events/${event.id}/speakers`)
      .set(await t.auth())
      .expect(200);
    expect(organiserList.body.items.find((s: any) => s.id === speaker.id).email).toBe('claire.fabre@herault.fr');
  });

  it('validates (422), requires a token to write (401), 404 for drafts seen publicly', async () => {
    const bad = await t.http
      .post(`/api/events/${event.id}/speakers`)
      .set(await t.auth())
      .send({ fullName: '', email: 'pas-un-email' })
      .expect(422);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['email', 'fullName']);
    await t.http.post(`/api/events/${event.id}/speakers`).send({ fullName: 'X' }).expect(401);
    const draft = await createEvent(t, { title: 'Brouillon intervenants' }, { publish: false });
    await t.http.get(`/api/events/${draft.id}/speakers`).expect(404);
    await t.http
      .get(`/api/events/${draft.id}/speakers`)
      .set(await t.auth())
      .expect(200);
  });

  it('updates a speaker', async () => {
    const speaker = await createSpeaker(t, event.id);
    const res = await t.http
      .patch(`/api/events/${event.id}/speakers/${speaker.id}`)
      .set(await t.auth())
      .send({ jobTitle: 'Directrice', organisation: null })
      .expect(200);
    expect(res.body).toMatchObject({ jobTitle: 'Directrice', organisation: null });
  });

  it('lets a speaker speak in several sessions but refuses to delete them while they do', async () => {
    const speaker = await createSpeaker(t, event.id, { fullName: 'Marc Roux' });
    const a = await createSession(t, event.id, { title: 'Plénière d’ouverture', type: 'plenary', speakerIds: [speaker.id], ...slot(event, 0, 1) });
    const b = await createSession(t, event.id, { title: 'Table ronde', type: 'round_table', speakerIds: [speaker.id], ...slot(event, 2, 3) });
    const res = await t.http
      .delete(`/api/events/${event.id}/speakers/${speaker.id}`)
      .set(await t.auth())
      .expect(409);
    expect(res.body.errors).toEqual([
      { field: 'sessions', message: `« Plénière d’ouverture » (id ${a.id})` },
      { field: 'sessions', message: `« Table ronde » (id ${b.id})` },
    ]);
    await t.http
      .patch(`/api/events/${event.id}/sessions/${a.id}`)
      .set(await t.auth())
      .send({ speakerIds: [] })
      .expect(200);
    await t.http
      .delete(`/api/events/${event.id}/sessions/${b.id}`)
      .set(await t.auth())
      .expect(204);
    await t.http
      .delete(`/api/events/${event.id}/speakers/${speaker.id}`)
      .set(await t.auth())
      .expect(204);
    await t.http.get(`/api/events/${event.id}/speakers/${speaker.id}`).expect(404);
  });
});
