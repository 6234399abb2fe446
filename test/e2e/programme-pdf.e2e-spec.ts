import { randomUUID } from 'node:crypto';
import { createAction, createEvent, createRoom, createSession, createSpeaker, slot } from '../support/factories';
import { binary, parsePdf } from '../support/pdf';
import { startTestApp, TestApp } from '../support/test-app';

const NNBSP = '\u202F';
const flat = (s: string) => s.replace(/ *\n */g, ' ');

describe('GET /api/events/{id}/programme.pdf', () => {
  let t: TestApp;
  let event: Record<string, any>;
  let draft: Record<string, any>;

  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t, { title: 'Rencontre régionale 2027', description: 'Le rendez-vous annuel du réseau : bilan et perspectives.' });
    draft = await createEvent(t, { title: 'Brouillon' }, { publish: false });
    const room = await createRoom(t, event.id, { name: 'Auditorium Pasteur' });
    const speaker = await createSpeaker(t, event.id, { fullName: 'Claire Fabre', jobTitle: 'Commissaire', organisation: 'Préfecture de région' });
    const action = await createAction(t, event.id, {
      title: 'Le bus des droits',
      organisation: 'MSA du Gers',
      contactName: 'Julie Marty',
      contactEmail: 'julie.secret@example.org',
    });
    await t.http
      .patch(`/api/events/${event.id}/actions/${action.id}`)
      .set(await t.auth())
      .send({ status: 'selected' })
      .expect(200);
    await createSession(t, event.id, {
      title: 'Plénière d’ouverture : où en est-on ?',
      type: 'plenary',
      roomId: room.id,
      speakerIds: [speaker.id],
      themes: ['ruralite'],
      ...slot(event, 1, 2),
    });
    await createSession(t, event.id, { title: 'Atelier A', actionIds: [action.id], ...slot(event, 3, 4) });
    await createSession(t, event.id, { title: 'Atelier B', ...slot(event, 3, 5) });
  });
  afterAll(() => t.close());

  const get = (path: string, headers: Record<string, string> = {}) => t.http.get(path).set(headers).buffer(true).parse(binary);

  it('is public for a published event: cover, sessions with rooms, speakers, themes, actions, the colour key', async () => {
    const res = await get(`/api/events/${event.id}/programme.pdf`).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(res.headers['content-disposition']).toBe(`inline; filename="programme-${event.slug}.pdf"`);
    const parsed = await parsePdf(res.body);
    const text = flat(parsed.text);
    expect(flat(parsed.pages[0])).toContain('Rencontre régionale 2027');
    expect(flat(parsed.pages[0])).toContain(`Le rendez-vous annuel du réseau${NNBSP}: bilan et perspectives.`);
    expect(flat(parsed.pages[0])).toContain('Le Corum, Esplanade Charles-de-Gaulle, 34000 Montpellier');
    expect(text).toContain(`Plénière d’ouverture${NNBSP}: où en est-on${NNBSP}?`);
    expect(text).toContain('AUDITORIUM PASTEUR');
    expect(text).toContain('Avec Claire Fabre (Commissaire, Préfecture de région)');
    expect(text).toContain(`Thèmes${NNBSP}: Pauvreté en milieu rural`);
    expect(text).toContain('2 sessions en parallèle');
    expect(text).toContain(`Action remarquable${NNBSP}: Le bus des droits — MSA du Gers`);
    expect(text).toContain('Actions remarquables');
    expect(text).toContain('Julie Marty');
    expect(text).not.toContain('julie.secret@example.org');
    expect(text).toContain('Code couleur des badges');
    expect(text).toContain(`page ${parsed.numPages} sur ${parsed.numPages}`);
    // By slug too.
    await get(`/api/events/${event.slug}/programme.pdf`).expect(200);
  });

  it('is rendered once per revision: same bytes and ETag until the programme changes; 304 on If-None-Match', async () => {
    const first = await get(`/api/events/${event.id}/programme.pdf`).expect(200);
    const second = await get(`/api/events/${event.id}/programme.pdf`).expect(200);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(Buffer.compare(second.body, first.body)).toBe(0);
    await t.http.get(`/api/events/${event.id}/programme.pdf`).set('If-None-Match', first.headers.etag).expect(304);
    await createSession(t, event.id, { title: 'Plénière de clôture', type: 'plenary', ...slot(event, 30, 31) });
    const changed = await get(`/api/events/${event.id}/programme.pdf`).expect(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    expect(flat((await parsePdf(changed.body)).text)).toContain('Plénière de clôture');
  });

  it('hides a draft from the public (404 problem+json) and shows it to organisers; unknown events are 404', async () => {
    const hidden = await t.http.get(`/api/events/${draft.id}/programme.pdf`).expect(404);
    expect(hidden.headers['content-type']).toMatch(/^application\/problem\+json/);
    const seen = await get(`/api/events/${draft.id}/programme.pdf`, await t.auth()).expect(200);
    expect(seen.headers['cache-control']).toBe('private, no-cache');
    expect(flat((await parsePdf(seen.body)).text)).toContain('Le programme détaillé sera publié prochainement.');
    await t.http.get(`/api/events/${randomUUID()}/programme.pdf`).expect(404);
  });

  it('documents every PDF and calendar endpoint in OpenAPI', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    for (const path of [
      '/api/events/{id}/programme.pdf',
      '/api/registrations/me/badge.pdf',
      '/api/registrations/me/agenda.pdf',
      '/api/registrations/me/agenda.ics',
      '/api/registrations/me/certificate.pdf',
      '/api/events/{id}/badges.pdf',
      '/api/events/{id}/sign-in-sheets.pdf',
      '/api/events/{id}/sessions/{sessionId}/sign-in-sheet.pdf',
      '/api/events/{id}/certificates.pdf',
    ]) {
      expect(doc.paths[path]?.get).toBeDefined();
      expect(Object.keys(doc.paths[path].get.responses['200'].content)).toEqual([path.endsWith('.ics') ? 'text/calendar' : 'application/pdf']);
    }
  });
});
