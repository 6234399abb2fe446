import { at, createEvent, createRoom, createSession, createSpeaker, slot } from '../support/factories';
import { parseEvents } from '../support/ical';
import { startTestApp, TestApp } from '../support/test-app';

describe('programme.ics', () => {
  let t: TestApp;
  let event: Record<string, any>;
  const sessions: Record<string, any>[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t, { title: 'Rencontre régionale, édition 2027; Occitanie' });
    const room = await createRoom(t, event.id, { name: 'Salle Einstein' });
    const speaker = await createSpeaker(t, event.id, { fullName: 'Claire Fabre', organisation: 'DREETS Occitanie' });
    sessions.push(
      await createSession(t, event.id, {
        title: 'Plénière : bilan, perspectives; suite',
        type: 'plenary',
        roomId: room.id,
        speakerIds: [speaker.id],
        description: 'Ouverture des travaux.',
        ...slot(event, 0, 1.5),
      }),
    );
    sessions.push(await createSession(t, event.id, { title: 'Atelier petite enfance', ...slot(event, 2, 3) }));
    sessions.push(await createSession(t, event.id, { title: 'Plénière de clôture', type: 'plenary', roomId: room.id, ...slot(event, 25, 26) }));
  });
  afterAll(() => t.close());

  const download = () =>
    t.http
      .get(`/api/events/${event.id}/programme.ics`)
      .buffer(true)
      .parse((res, cb) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => cb(null, text));
      });

  it('is an iCalendar attachment named after the slug, with CRLF line endings', async () => {
    const res = await download().expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${event.slug}.ics"`);
    const text: string = res.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('parses back (ical.js) to one VEVENT per session with the right times, texts and stable UIDs', async () => {
    const first = (await download().expect(200)).body as string;
    const events = parseEvents(first);
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.uid).sort()).toEqual(sessions.map((s) => `${s.id}@rencontres`).sort());
    const opening = events.find((e) => e.uid === `${sessions[0].id}@rencontres`)!;
    expect(opening.summary).toBe('Plénière : bilan, perspectives; suite');
    expect(opening.startDate.toJSDate().toISOString()).toBe(at(event, 0));
    expect(opening.endDate.toJSDate().toISOString()).toBe(at(event, 1.5));
    expect(opening.location).toBe('Salle Einstein — Le Corum, Esplanade Charles-de-Gaulle, 34000 Montpellier');
    expect(opening.description).toContain('Ouverture des travaux.');
    expect(opening.description).toContain('Claire Fabre — Cheffe de projet, DREETS Occitanie');
    expect(first).toContain('SUMMARY:Plénière : bilan\\, perspectives\\; suite');

    const second = (await download().expect(200)).body as string;
    expect(second).toBe(first);
    await t.http
      .patch(`/api/events/${event.id}/sessions/${sessions[1].id}`)
      .set(await t.auth())
      .send({ startsAt: at(event, 2.5), endsAt: at(event, 3.5) })
      .expect(200);
    const moved = parseEvents((await download().expect(200)).body);
    expect(moved.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
    expect(
      moved
        .find((e) => e.uid === `${sessions[1].id}@rencontres`)!
        .startDate.toJSDate()
        .toISOString(),
    ).toBe(at(event, 2.5));
  });

  it('supports If-None-Match and hides drafts from the public', async () => {
    const res = await download().expect(200);
    await t.http.get(`/api/events/${event.id}/programme.ics`).set('If-None-Match', res.headers.etag).expect(304);
    const draft = await createEvent(t, { title: 'Brouillon ics' }, { publish: false });
    await t.http.get(`/api/events/${draft.id}/programme.ics`).expect(404);
    await t.http
      .get(`/api/events/${draft.id}/programme.ics`)
      .set(await t.auth())
      .expect(200);
  });
});
