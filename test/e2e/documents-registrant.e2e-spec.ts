import { createEvent, createRoom, createSession, createSpeaker, slot } from '../support/factories';
import { seedRegistration } from '../support/seeds';
import { ICAL } from '../support/ical';
import { binary, decodeQrCodes, parsePdf } from '../support/pdf';
import { startTestApp, TestApp } from '../support/test-app';
import { RegistrationDocuments } from '../../src/registrations/documents/registration-documents.service';

const NNBSP = '\u202F';
const flat = (s: string) => s.replace(/ *\n */g, ' ');

describe('a registrant’s documents', () => {
  let t: TestApp;
  let event: Record<string, any>;
  let plenary: Record<string, any>;
  let confirmedWorkshop: Record<string, any>;
  let waitlistedWorkshop: Record<string, any>;
  let notChosen: Record<string, any>;

  beforeAll(async () => {
    t = await startTestApp({ env: { MAIL_FROM: 'Commissariat à la lutte contre la pauvreté <contact@occitanie.test>' } });
    event = await createEvent(t, { title: 'Rencontre régionale : « agir ensemble »', format: 'hybrid', onlineUrl: 'https://visio.test/rencontre', onlineCapacity: 100 });
    const room = await createRoom(t, event.id, { name: 'Auditorium Pasteur' });
    const joffre = await createRoom(t, event.id, { name: 'Salle Joffre 1' });
    const speaker = await createSpeaker(t, event.id, { fullName: 'Claire Fabre' });
    plenary = await createSession(t, event.id, { title: 'Plénière d’ouverture', type: 'plenary', roomId: room.id, speakerIds: [speaker.id], ...slot(event, 1, 2) });
    confirmedWorkshop = await createSession(t, event.id, { title: 'Atelier aide alimentaire', roomId: joffre.id, ...slot(event, 3, 4) });
    waitlistedWorkshop = await createSession(t, event.id, { title: 'Atelier non-recours', ...slot(event, 5, 6) });
    notChosen = await createSession(t, event.id, { title: 'Atelier jamais choisi', ...slot(event, 5, 6) });
  });
  afterAll(() => t.close());

  const get = (path: string, token?: string) => {
    const req = t.http.get(`/api/registrations/me/${path}`).buffer(true).parse(binary);
    return token ? req.set('X-Registration-Token', token) : req;
  };

  async function person(overrides: Parameters<typeof seedRegistration>[2] = {}) {
    return seedRegistration(t, event.id, {
      firstName: 'Élodie',
      lastName: 'Lefèvre',
      organisation: 'Association « Solidarités »',
      sessions: [{ id: confirmedWorkshop.id }, { id: waitlistedWorkshop.id, status: 'waitlisted' }],
      ...overrides,
    });
  }

  it('answers 401 as problem+json without a token or with a wrong one, for every document', async () => {
    for (const path of ['badge.pdf', 'agenda.pdf', 'agenda.ics', 'certificate.pdf']) {
      for (const token of [undefined, 'pas-un-vrai-jeton']) {
        const res = await t.http.get(`/api/registrations/me/${path}`).set(token ? { 'X-Registration-Token': token } : {});
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
  });

  it('serves the badge with the person, the event, the mode of a hybrid event and a QR code of the check-in code', async () => {
    const reg = await person();
    const res = await get('badge.pdf', reg.manageToken).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const parsed = await parsePdf(res.body);
    expect(parsed.numPages).toBe(1);
    const text = flat(parsed.text);
    expect(text).toContain('Élodie');
    expect(text).toContain('Lefèvre');
    expect(text).toContain(`Association «${NNBSP}Solidarités${NNBSP}»`);
    expect(text).toContain(`Rencontre régionale${NNBSP}: «${NNBSP}agir ensemble${NNBSP}»`);
    expect(text).toContain('ASSOCIATION');
    expect(text).toContain('Sur place');
    expect(decodeQrCodes(res.body)).toEqual([reg.checkInCode]);
    // ?token= works too, like every registrant endpoint.
    await t.http.get(`/api/registrations/me/badge.pdf?token=${reg.manageToken}`).expect(200);
  });

  it('gives no badge to someone attending online or waitlisted: 409 saying why', async () => {
    for (const row of [{ attendanceMode: 'online' as const }, { status: 'waitlisted' as const }]) {
      const reg = await person(row);
      const res = await t.http.get('/api/registrations/me/badge.pdf').set('X-Registration-Token', reg.manageToken).expect(409);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toContain('badge');
    }
  });

  it('serves the personal agenda: the plenary, the confirmed workshop, the waitlisted one marked, not the others', async () => {
    const reg = await person();
    const res = await get('agenda.pdf', reg.manageToken).expect(200);
    const parsed = await parsePdf(res.body);
    const text = flat(parsed.text);
    expect(text).toContain('Élodie Lefèvre');
    const order = ['Plénière d’ouverture', 'Atelier aide alimentaire', 'Atelier non-recours'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Atelier jamais choisi');
    expect(text).toContain('Salle Joffre 1');
    expect(text).toContain('Avec Claire Fabre');
    expect(text).toContain('Place confirmée');
    expect(text).toMatch(/Sur liste d’attente \(rang \d+\)/);
    expect(text.indexOf('liste d’attente')).toBeGreaterThan(text.indexOf('Atelier non-recours'));
    expect(text).toContain('Le Corum, Esplanade Charles-de-Gaulle, 34000 Montpellier');
    expect(decodeQrCodes(res.body)).toEqual([reg.checkInCode]);
  });

  it('gives an online registrant the link and no QR code in the agenda', async () => {
    const reg = await person({ attendanceMode: 'online' });
    const res = await get('agenda.pdf', reg.manageToken).expect(200);
    const text = flat((await parsePdf(res.body)).text);
    expect(text).toContain('https://visio.test/rencontre');
    expect(decodeQrCodes(res.body)).toEqual([]);
  });

  it('serves the agenda as iCalendar with stable UIDs, the waitlisted workshop marked', async () => {
    const reg = await person();
    const first = await t.http.get('/api/registrations/me/agenda.ics').set('X-Registration-Token', reg.manageToken).buffer(true).parse(binary).expect(200);
    expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = first.body.toString('utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v: any) => new ICAL.Event(v));
    expect(events.map((e: any) => e.summary)).toEqual(['Plénière d’ouverture', 'Atelier aide alimentaire', 'Atelier non-recours (liste d’attente)']);
    expect(events.map((e: any) => e.uid)).toEqual([plenary.id, confirmedWorkshop.id, waitlistedWorkshop.id].map((id) => `${id}.${reg.id}@rencontres`));
    const again = await t.http.get('/api/registrations/me/agenda.ics').set('X-Registration-Token', reg.manageToken).buffer(true).parse(binary).expect(200);
    expect(again.body.toString('utf8')).toBe(text);
    expect(text).not.toContain(notChosen.id);
    expect(text).not.toContain('Atelier jamais choisi');
  });

  it('refuses the certificate before check-in (409) and serves it after', async () => {
    const reg = await person();
    const before = await t.http.get('/api/registrations/me/certificate.pdf').set('X-Registration-Token', reg.manageToken).expect(409);
    expect(before.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http
      .post(`/api/events/${event.id}/check-in`)
      .set(await t.auth())
      .send({ code: reg.checkInCode })
      .expect(200);
    const res = await get('certificate.pdf', reg.manageToken).expect(200);
    const text = flat((await parsePdf(res.body)).text);
    expect(text).toContain('Attestation de présence');
    expect(text).toContain('Commissariat à la lutte contre la pauvreté, organisateur de l’événement');
    expect(text).toContain('Élodie Lefèvre');
    expect(text).toContain('Plénière d’ouverture');
    expect(text).toContain('Atelier aide alimentaire');
    expect(text).not.toContain('Atelier non-recours');
    expect(text).toContain('Fait à Montpellier, le');
  });

  it('exposes the same documents to the mail worker through RegistrationDocuments, by registration id', async () => {
    const documents = t.app.get(RegistrationDocuments, { strict: false });
    const onsite = await person();
    const online = await person({ attendanceMode: 'online' });
    const badge = await documents.badgePdf(onsite.id);
    expect(badge!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(decodeQrCodes(badge!)).toEqual([onsite.checkInCode]);
    expect(await documents.badgePdf(online.id)).toBeNull();
    // Kept once rendered, until something it shows changes.
    expect(await documents.badgePdf(onsite.id)).toBe(badge);
    await t.dataSource.query(`UPDATE registration SET organisation = 'Secours populaire' WHERE id = $1`, [onsite.id]);
    const changed = await documents.badgePdf(onsite.id);
    expect(changed).not.toBe(badge);
    expect(flat((await parsePdf(changed!)).text)).toContain('Secours populaire');
    const agenda = await documents.agendaPdf(online.id, { manageUrl: 'https://rencontres.test/inscription/abc' });
    expect(flat((await parsePdf(agenda)).text)).toContain('https://rencontres.test/inscription/abc');
    expect(await documents.agendaIcs(onsite.id)).toContain('BEGIN:VCALENDAR');
    expect(await documents.certificatePdf(onsite.id)).toBeNull();
  });
});
