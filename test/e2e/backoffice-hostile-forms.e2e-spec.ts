import { Logger } from '@nestjs/common';
import { signIn, Signed } from '../support/backoffice';
import { createEvent } from '../support/factories';
import { createAction, createRoom, createSession, createSpeaker, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

// The back-office forms are HTML pages (not in OpenAPI, so not in hostile-input's table): every
// form gets the same hostile values here; none may answer a 5xx or log an error.
const HOSTILE: unknown[] = ['', 'a'.repeat(100_000), 'x\u0000y', 'ligne\nsuivante', ['a', 'b'], '2027-02-30T25:61', '-1', '1e309', '../../etc', '<script>alert(1)</script>'];

describe('back-office forms never answer a 500 to hostile values', () => {
  let t: TestApp;
  let s: Signed;
  let logged: jest.SpyInstance;
  const forms: Array<{ path: string; fields: string[] }> = [];
  let followUp = '';

  beforeAll(async () => {
    logged = jest.spyOn(Logger.prototype, 'error');
    t = await startTestApp();
    s = await signIn(t);
    const event = await createEvent(t);
    const room = await createRoom(t, event.id);
    await createSpeaker(t, event.id);
    const session = await createSession(t, event.id, { ...slot(event, 1, 2), roomId: room.id });
    const action = await createAction(t, event.id);
    const e = `/gestion/evenements/${event.id}`;
    const eventFields = [
      'title',
      'kind',
      'format',
      'description',
      'startsAt',
      'endsAt',
      'venueName',
      'venueAddress',
      'venuePostalCode',
      'venueCity',
      'onlineUrl',
      'capacity',
      'onlineCapacity',
      'registrationOpensAt',
      'registrationClosesAt',
      'themes',
      'departments',
    ];
    const sessionFields = ['title', 'type', 'day', 'start', 'end', 'roomId', 'speakerIds', 'themes', 'actionIds', 'capacity', 'description'];
    forms.push(
      { path: '/gestion/evenements', fields: eventFields },
      { path: `${e}/modifier`, fields: eventFields },
      { path: `${e}/programme/sessions`, fields: sessionFields },
      { path: `${e}/programme/sessions/${session.id}`, fields: sessionFields },
      { path: `${e}/programme/salles`, fields: ['name', 'capacity'] },
      { path: `${e}/programme/intervenants`, fields: ['fullName', 'jobTitle', 'organisation', 'email'] },
      { path: `${e}/actions/${action.id}`, fields: ['title', 'summary', 'organisation', 'organisationType', 'departments', 'themes', 'contactName', 'contactEmail', 'url'] },
      { path: `${e}/actions/${action.id}/statut`, fields: ['status'] },
      { path: '/gestion/organisateurs', fields: ['name', 'email'] },
      { path: `${e}/annulation`, fields: ['reason'] },
      { path: `${e}/accueil`, fields: ['q', 'code'] },
      { path: `${e}/accueil/scan`, fields: ['code'] },
      { path: `${e}/messages/nouveau`, fields: ['subject', 'body', 'audience', 'sessionId'] },
      { path: `${e}/messages/apercu`, fields: ['subject', 'body', 'audience', 'sessionId'] },
      { path: `${e}/messages`, fields: ['subject', 'body', 'audience', 'sessionId'] },
      { path: `${e}/messages/00000000-0000-4000-8000-000000000000/relancer`, fields: ['x'] },
      { path: `${e}/inscriptions/00000000-0000-4000-8000-000000000000/annuler`, fields: ['x'] },
    );
    followUp = e;
  });
  afterAll(async () => {
    logged.mockRestore();
    await t.close();
  });

  it('answers every hostile value of every field with a page below 500', async () => {
    const failures: string[] = [];
    for (const form of forms) {
      for (const field of form.fields) {
        for (const value of HOSTILE) {
          const res = await t.http
            .post(form.path)
            .set('Cookie', s.cookie)
            .type('form')
            .send({ _csrf: s.csrf, [field]: value });
          if (res.status >= 500) failures.push(`${form.path} ${field}=${JSON.stringify(value).slice(0, 40)} → ${res.status}`);
        }
      }
    }
    for (const path of [
      '/gestion/evenements/pas-un-id',
      '/gestion/evenements/00000000-0000-4000-8000-000000000000/programme',
      '/gestion/evenements/nouveau?x=%00',
      '/gestion/mot-de-passe/%00',
      '/gestion/connexion?suite=%00',
    ]) {
      const res = await t.http.get(path).set('Cookie', s.cookie);
      if (res.status >= 500) failures.push(`GET ${path} → ${res.status}`);
    }
    for (const query of ['status', 'organisationType', 'department', 'sessionId', 'q', 'page']) {
      for (const value of HOSTILE) {
        const values = Array.isArray(value) ? value : [value];
        const path = `${followUp}/inscriptions?${values.map((v) => `${query}=${encodeURIComponent(String(v))}`).join('&')}`;
        const res = await t.http.get(path).set('Cookie', s.cookie);
        if (res.status >= 500) failures.push(`GET ${path.slice(0, 80)} → ${res.status}`);
      }
    }
    for (const path of [
      '/documents/badges.pdf?registrationIds=%00',
      '/documents/badges.pdf?registrationIds=a&registrationIds=b',
      '/documents/emargement.pdf?date=2027-02-30',
      '/documents/sessions/pas-un-id/emargement.pdf',
      '/messages?status=%00',
      '/inscriptions/pas-un-id',
      '/chiffres?x=1',
    ]) {
      const res = await t.http.get(`${followUp}${path}`).set('Cookie', s.cookie);
      if (res.status >= 500) failures.push(`GET ${path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
    expect(logged).not.toHaveBeenCalled();
  });
});
