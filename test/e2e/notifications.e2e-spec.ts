import type { ParsedMail } from 'mailparser';
import { formatFrenchTime } from '../../src/common/time';
import { createEvent, register } from '../support/factories';
import { seedWorkshop } from '../support/seeds';
import { recipientOf } from '../support/mail-sink';
import { startTestApp, TestApp } from '../support/test-app';

/** The manage link of a delivered message (text part), zero-width defusing removed. */
function manageLinkIn(m: ParsedMail): string {
  const match = /(https?:\/\/\S+\/inscription\/[A-Za-z0-9_%-]+)/.exec(m.text!);
  if (!match) throw new Error(`no manage link in: ${m.text}`);
  return match[1];
}

async function outbox(
  t: TestApp,
  registrationId: string,
): Promise<Array<{ id: string; reason: string; status: string; attempts: number; last_error: string | null; next_attempt_at: Date }>> {
  return t.dataSource.query(`SELECT id, reason, status, attempts, last_error, next_attempt_at FROM outgoing_mail WHERE registration_id = $1 ORDER BY created_at`, [registrationId]);
}

describe('notifications delivered over SMTP (worker woken by the commit)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ mail: true });
  });
  afterAll(() => t.close());

  it('sends exactly one confirmation: French subject, text and HTML, local time, a manage link that opens the registration', async () => {
    const event = await createEvent(t, { title: 'Journée d’étude « Accès aux droits »' });
    const res = await register(t, event.id, { firstName: 'Camille', lastName: 'Durand', email: 'camille.durand@caf34.test' }).expect(201);
    const [mail] = await t.mail.waitFor(1, (m) => recipientOf(m) === 'camille.durand@caf34.test', 3000);
    expect(mail.subject).toBe('Inscription confirmée\u202f: Journée d’étude « Accès aux droits »');
    expect(mail.text).toContain('Bonjour Camille');
    expect(mail.text).toContain('Votre inscription est confirmée.');
    // 08:00 UTC is 9 h 00 in Paris in winter, 10 h 00 in summer.
    expect(mail.text).toContain(`à ${formatFrenchTime(new Date(event.startsAt), 'Europe/Paris')}`);
    expect(formatFrenchTime(new Date(event.startsAt), 'Europe/Paris')).toMatch(/^(9|10) h 00$/);
    expect(mail.text).toContain('Le Corum');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain(`href="${res.body.manageUrl}"`);
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@rencontres\.localhost>$/);
    const link = manageLinkIn(mail);
    expect(link).toBe(res.body.manageUrl);
    // The link opens the person's manage page; its token opens the API's view of the registration.
    const page = await t.http.get(link.replace(t.config.publicBaseUrl, '')).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Camille');
    const token = decodeURIComponent(link.split('/inscription/')[1]);
    const me = await t.http.get('/api/registrations/me').set('X-Registration-Token', token).expect(200);
    expect(me.body).toMatchObject({ id: res.body.id, firstName: 'Camille', status: 'confirmed' });
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual(['agenda.ics', 'agenda.pdf', 'badge.pdf']);
    for (const pdf of mail.attachments.filter((a) => a.filename?.endsWith('.pdf'))) expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    const ics = mail.attachments.find((a) => a.filename === 'agenda.ics')!;
    expect(ics.content.toString()).toContain('BEGIN:VEVENT');
    // Each part as a mail client reads it: its type, an attachment, and the very bytes the API serves.
    expect(Object.fromEntries(mail.attachments.map((a) => [a.filename, [a.contentType, a.contentDisposition]]))).toEqual({
      'badge.pdf': ['application/pdf', 'attachment'],
      'agenda.pdf': ['application/pdf', 'attachment'],
      'agenda.ics': ['text/calendar', 'attachment'],
    });
    expect(ics.content.toString()).toBe((await t.http.get('/api/registrations/me/agenda.ics').set('X-Registration-Token', token).expect(200)).text);
    const badge = await t.http.get('/api/registrations/me/badge.pdf').set('X-Registration-Token', token).buffer(true).expect(200);
    expect(mail.attachments.find((a) => a.filename === 'badge.pdf')!.content.equals(badge.body as Buffer)).toBe(true);
    await t.worker.drain();
    expect(t.mail.to('camille.durand@caf34.test')).toHaveLength(1);
    expect(await outbox(t, res.body.id)).toMatchObject([{ reason: 'confirmation', status: 'sent', attempts: 1 }]);
  });

  it('keeps no usable manage token anywhere in the database, yet every later message carries a working link', async () => {
    const event = await createEvent(t);
    const res = await register(t, event.id, { email: 'secret.keeper@exemple.test' }).expect(201);
    await t.mail.waitFor(1, (m) => recipientOf(m) === 'secret.keeper@exemple.test');
    const tables: Array<{ name: string }> = await t.dataSource.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
    let dump = '';
    for (const { name } of tables) {
      const rows: Array<{ row: string }> = await t.dataSource.query(`SELECT t::text AS row FROM "${name}" t`);
      dump += rows.map((r) => r.row).join('\n');
    }
    expect(dump).toContain(res.body.id);
    expect(dump).not.toContain(res.body.manageToken);
    expect(dump).not.toContain(encodeURIComponent(res.body.manageToken));
    // An organiser's broadcast, days later, still carries the same working link.
    await t.http
      .post(`/api/events/${event.id}/messages`)
      .set(await t.auth())
      .send({ subject: 'Infos pratiques', body: 'Le déjeuner est offert.', audience: 'all' })
      .expect(202);
    const [broadcast] = await t.mail.waitFor(1, (m) => recipientOf(m) === 'secret.keeper@exemple.test' && m.subject === 'Infos pratiques');
    expect(manageLinkIn(broadcast)).toBe(res.body.manageUrl);
  });

  it('tells a waitlisted person their rank, then that they are promoted when a seat frees up', async () => {
    const event = await createEvent(t, { capacity: 1 });
    const a = await register(t, event.id, { email: 'first@exemple.test' }).expect(201);
    const b = await register(t, event.id, { email: 'second@exemple.test', firstName: 'Inès' }).expect(201);
    const [waiting] = await t.mail.waitFor(1, (m) => recipientOf(m) === 'second@exemple.test');
    expect(waiting.subject).toMatch(/liste d’attente/i);
    expect(waiting.text).toMatch(/n°\s1 sur la liste d’attente/);
    expect(waiting.attachments).toHaveLength(0);
    await t.http.delete('/api/registrations/me').set('X-Registration-Token', a.body.manageToken).expect(200);
    const [cancelled] = await t.mail.waitFor(2, (m) => recipientOf(m) === 'first@exemple.test').then((ms) => ms.slice(1));
    expect(cancelled.text).toMatch(/annulation/);
    const [promoted] = await t.mail.waitFor(2, (m) => recipientOf(m) === 'second@exemple.test').then((ms) => ms.slice(1));
    expect(promoted.text).toContain('Bonjour Inès');
    expect(promoted.text).toMatch(/confirmée/);
    expect(manageLinkIn(promoted)).toBe(b.body.manageUrl);
    expect(promoted.attachments.map((f) => f.filename)).toContain('agenda.ics');
  });

  it('tells confirmed and waitlisted people once when the event is cancelled, with the reason', async () => {
    const event = await createEvent(t, { capacity: 1 });
    await register(t, event.id, { email: 'c1@exemple.test' }).expect(201);
    await register(t, event.id, { email: 'w1@exemple.test' }).expect(201);
    await t.http
      .post(`/api/events/${event.id}/cancel`)
      .set(await t.auth())
      .send({ reason: 'Alerte météo rouge sur l’Hérault' })
      .expect(200);
    for (const address of ['c1@exemple.test', 'w1@exemple.test']) {
      const [cancelled] = await t.mail.waitFor(1, (m) => recipientOf(m) === address && /annulé/i.test(m.subject ?? ''));
      expect(cancelled.text).toContain('Alerte météo rouge sur l’Hérault');
    }
    await t.mail.waitFor(2, (m) => recipientOf(m) === 'c1@exemple.test');
    await t.worker.drain();
    expect(t.mail.to('c1@exemple.test')).toHaveLength(2);
  });

  it('collapses several moves of a workshop into one message: what they were told → now', async () => {
    const event = await createEvent(t, { capacity: 10 });
    const workshop = await seedWorkshop(t, event, { slot: 0, title: 'Atelier mobilité' });
    const r = await register(t, event.id, { email: 'mobile@exemple.test', sessionIds: [workshop.id] }).expect(201);
    await t.mail.waitFor(1, (m) => recipientOf(m) === 'mobile@exemple.test');
    const move = async (hours: number) => {
      const startsAt = new Date(new Date(event.startsAt).getTime() + hours * 3600_000);
      await t.http
        .patch(`/api/events/${event.id}/sessions/${workshop.id}`)
        .set(await t.auth())
        .send({ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString() })
        .expect(200);
    };
    await move(4);
    await move(6);
    await t.worker.drain();
    expect(t.mail.to('mobile@exemple.test')).toHaveLength(1); // held for the collapsing window
    t.clock.set(new Date(Date.now() + 4 * 60_000));
    try {
      await t.worker.drain();
    } finally {
      t.clock.reset();
    }
    const [, changed] = await t.mail.waitFor(2, (m) => recipientOf(m) === 'mobile@exemple.test');
    expect(changed.subject).toContain('Atelier mobilité');
    const hour = (d: Date) => formatFrenchTime(d, 'Europe/Paris').replace(/ h 00$/, '');
    const original = new Date(workshop.startsAt);
    const latest = new Date(new Date(event.startsAt).getTime() + 6 * 3600_000);
    const text = changed.text!;
    expect(text).toContain(`${hour(original)} h 00`);
    expect(text).toContain(`${hour(latest)} h 00`);
    expect(text.indexOf(`${hour(original)} h 00`)).toBeLessThan(text.indexOf(`${hour(latest)} h 00`));
    expect(changed.attachments.map((f) => f.filename)).toContain('agenda.ics');
    expect((await outbox(t, r.body.id)).filter((m) => m.reason.startsWith('session_changed:'))).toHaveLength(1);
  });

  it('tells every confirmed registrant (not the waitlisted) when a plenary moves', async () => {
    const event = await createEvent(t, { capacity: 1 });
    const plenary = await seedWorkshop(t, event, { slot: 0, type: 'plenary', title: 'Plénière d’ouverture' });
    await register(t, event.id, { email: 'pleniere.c@exemple.test' }).expect(201);
    await register(t, event.id, { email: 'pleniere.w@exemple.test' }).expect(201);
    // Delivered before the clock jumps past their leases.
    await t.mail.waitFor(1, (m) => recipientOf(m) === 'pleniere.w@exemple.test');
    await t.mail.waitFor(1, (m) => recipientOf(m) === 'pleniere.c@exemple.test');
    const startsAt = new Date(new Date(plenary.startsAt).getTime() + 30 * 60_000);
    await t.http
      .patch(`/api/events/${event.id}/sessions/${plenary.id}`)
      .set(await t.auth())
      .send({ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString() })
      .expect(200);
    t.clock.set(new Date(Date.now() + 4 * 60_000));
    try {
      await t.worker.drain();
    } finally {
      t.clock.reset();
    }
    const [, moved] = await t.mail.waitFor(2, (m) => recipientOf(m) === 'pleniere.c@exemple.test');
    expect(moved.subject).toContain('Plénière d’ouverture');
    await t.worker.drain();
    expect(t.mail.to('pleniere.w@exemple.test').map((m) => m.subject)).toEqual([expect.stringMatching(/attente/i)]);
  });

  it('emails the manage link again on request, answering 202 alike for unknown addresses', async () => {
    const event = await createEvent(t);
    const r = await register(t, event.id, { email: 'oublieuse@exemple.test' }).expect(201);
    await t.mail.waitFor(1, (m) => recipientOf(m) === 'oublieuse@exemple.test');
    const known = await t.http.post(`/api/events/${event.id}/registrations/link`).send({ email: 'Oublieuse@Exemple.test' }).expect(202);
    const unknown = await t.http.post(`/api/events/${event.id}/registrations/link`).send({ email: 'personne@exemple.test' }).expect(202);
    expect(unknown.body).toEqual(known.body);
    await t.http.post(`/api/events/${event.id}/registrations/link`).send({ email: 'pas-une-adresse' }).expect(422);
    const [, resent] = await t.mail.waitFor(2, (m) => recipientOf(m) === 'oublieuse@exemple.test');
    expect(manageLinkIn(resent)).toBe(r.body.manageUrl);
    // Asking again at once sends nothing more.
    await t.http.post(`/api/events/${event.id}/registrations/link`).send({ email: 'oublieuse@exemple.test' }).expect(202);
    await t.worker.drain();
    expect(t.mail.to('oublieuse@exemple.test')).toHaveLength(2);
    expect(t.mail.to('personne@exemple.test')).toHaveLength(0);
  });

  it('lets organisers broadcast to an audience and follow the outbox, never showing a body or a link', async () => {
    const event = await createEvent(t, { capacity: 1 });
    const workshop = await seedWorkshop(t, event, { slot: 0 });
    await register(t, event.id, { email: 'in@exemple.test', sessionIds: [workshop.id] }).expect(201);
    await register(t, event.id, { email: 'wait@exemple.test' }).expect(201);
    const auth = await t.auth();
    const url = `/api/events/${event.id}/messages`;
    expect(
      (await t.http.post(url).set(auth).send({ subject: 'Salle changée', body: 'Rendez-vous salle Pasteur.', audience: 'session', sessionId: workshop.id }).expect(202)).body,
    ).toMatchObject({ queued: 1 });
    expect((await t.http.post(url).set(auth).send({ subject: 'Liste d’attente', body: 'Patience !', audience: 'waitlisted' }).expect(202)).body).toMatchObject({ queued: 1 });
    await t.http.post(url).set(auth).send({ subject: 'x', body: 'Corps', audience: 'all' }).expect(422);
    await t.http.post(url).set(auth).send({ subject: 'Deux\r\nlignes', body: 'Corps', audience: 'all' }).expect(422);
    await t.http.post(url).set(auth).send({ subject: 'Sans session', body: 'Corps', audience: 'session' }).expect(422);
    await t.http.post(url).send({ subject: 'Anonyme', body: 'Corps', audience: 'all' }).expect(401);
    const [room] = await t.mail.waitFor(1, (m) => m.subject === 'Salle changée');
    expect(recipientOf(room)).toBe('in@exemple.test');
    expect(room.text).toContain('Rendez-vous salle Pasteur.');
    await t.mail.waitFor(1, (m) => m.subject === 'Liste d’attente' && recipientOf(m) === 'wait@exemple.test');
    await t.worker.drain();

    const list = await t.http.get(url).set(auth).expect(200);
    expect(list.body.total).toBe(4);
    expect(list.body.items.map((m: { reason: string }) => m.reason.split(':')[0]).sort()).toEqual(['broadcast', 'broadcast', 'confirmation', 'waitlisted']);
    expect(list.body.items[0]).toEqual({
      id: expect.any(String),
      registrationId: expect.any(String),
      recipient: expect.any(String),
      reason: expect.any(String),
      status: 'sent',
      attempts: 1,
      lastError: null,
      sentAt: expect.any(String),
      nextAttemptAt: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(list.body)).not.toMatch(/token|Pasteur|https?:/);
    expect((await t.http.get(`${url}?reason=broadcast`).set(auth).expect(200)).body.total).toBe(2);
    expect((await t.http.get(`${url}?status=dead`).set(auth).expect(200)).body.total).toBe(0);
    await t.http.get(`${url}?status=lost`).set(auth).expect(422);
    await t.http.get(`/api/events/00000000-0000-4000-8000-000000000000/messages`).set(auth).expect(404);
  });

  it('escapes what registrants typed and never turns it into a link', async () => {
    const event = await createEvent(t);
    const res = await register(t, event.id, { email: 'hostile@exemple.test', firstName: 'http://evil.example/x', lastName: '<script>alert(1)</script> {{title}}' }).expect(201);
    const [mail] = await t.mail.waitFor(1, (m) => recipientOf(m) === 'hostile@exemple.test');
    const html = String(mail.html);
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/href="[^"]*evil/);
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toContain(res.body.manageUrl);
    expect(hrefs.filter((href) => href !== res.body.manageUrl && !href.startsWith('mailto:'))).toEqual([]);
    expect(mail.text!.replace(/\u200b/g, '')).toContain('Bonjour http://evil.example/x');
    expect(mail.text).not.toContain('Bonjour http://evil.example/x');
  });

  it('documents the messages endpoints and the link request in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/events/{id}/messages', '/api/events/{id}/messages/{messageId}/retry', '/api/events/{id}/registrations/link']),
    );
    expect(doc.paths['/api/events/{id}/messages'].post.responses['202']).toBeDefined();
  });
});
