import { AllocationService } from '../../src/registrations/allocation/allocation.service';
import { createEvent, createSession, eventInput, register, slot } from '../support/factories';
import { recipientOf } from '../support/mail-sink';
import { parsePdf } from '../support/pdf';
import { outboxRows } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;

/** A preferences event closing 7 days before it starts, with two slots: A (W1: 1 seat, W2: 5) and B (W3: 10). */
async function preferencesEvent(t: TestApp) {
  const start = new Date(Date.now() + 30 * DAY);
  start.setUTCHours(8, 0, 0, 0);
  const event = await createEvent(t, { workshopAllocation: 'preferences', preferencesCloseAt: new Date(start.getTime() - 7 * DAY).toISOString() });
  const w1 = await createSession(t, event.id, { title: 'Atelier : l’accès aux droits', ...slot(event, 2, 3), capacity: 1 });
  const w2 = await createSession(t, event.id, { title: 'Atelier : le logement d’abord', ...slot(event, 2, 3), capacity: 5 });
  const w3 = await createSession(t, event.id, { title: 'Atelier : l’aide alimentaire', ...slot(event, 5, 6), capacity: 10 });
  return { event, w1, w2, w3 };
}

describe('workshops allocated by preference', () => {
  let t: TestApp;
  let second: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp({ mail: true });
    second = await startTestApp({ databaseUrl: t.databaseUrl });
    auth = await t.auth();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });
  afterEach(() => {
    t.clock.reset();
    second.clock.reset();
  });

  const choicesOf = async (eventId: string): Promise<Array<{ registration_id: string; session_id: string; status: string }>> =>
    t.dataSource.query(
      `SELECT c.registration_id, c.session_id, c.status FROM session_choice c JOIN registration r ON r.id = c.registration_id WHERE r.event_id = $1 ORDER BY 1, 2`,
      [eventId],
    );

  it('wants preferencesCloseAt before the start with preferences (422), and answers the settings', async () => {
    const missing = await t.http
      .post('/api/events')
      .set(auth)
      .send(eventInput({ workshopAllocation: 'preferences' }))
      .expect(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('preferencesCloseAt');
    const { event } = await preferencesEvent(t);
    expect(event).toMatchObject({ workshopAllocation: 'preferences', allocatedAt: null });
    expect(new Date(event.preferencesCloseAt).getTime()).toBe(new Date(event.startsAt).getTime() - 7 * DAY);
    await t.http.patch(`/api/events/${event.id}`).set(auth).send({ preferencesCloseAt: event.endsAt }).expect(422);
    const firstCome = await createEvent(t);
    expect(firstCome).toMatchObject({ workshopAllocation: 'first_come', preferencesCloseAt: null });
  });

  it('takes ranks instead of seats at registration, refuses sessionIds and a rank given twice in a slot (422), and says when the allocation will be made', async () => {
    const { event, w1, w2, w3 } = await preferencesEvent(t);
    const seats = await register(t, event.id, { sessionIds: [w1.id] }).expect(422);
    expect(seats.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(seats.body.errors).toEqual([expect.objectContaining({ field: 'sessionIds' })]);
    expect(seats.body.detail).toContain('selon vos préférences');
    const twice = await register(t, event.id, {
      preferences: [
        { sessionId: w1.id, rank: 1 },
        { sessionId: w2.id, rank: 1 },
      ],
    }).expect(422);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'preferences' })]);
    await register(t, event.id, { preferences: [{ sessionId: w1.id, rank: 4 }] }).expect(422);

    const ok = await register(t, event.id, {
      email: 'rang.un@caf34.test',
      preferences: [
        { sessionId: w1.id, rank: 1 },
        { sessionId: w2.id, rank: 2 },
        { sessionId: w3.id, rank: 1 },
      ],
    }).expect(201);
    expect(ok.body).toMatchObject({ status: 'confirmed', sessions: [] });
    const stored = await t.dataSource.query(`SELECT session_id, rank FROM workshop_preference WHERE registration_id = $1 ORDER BY rank, session_id`, [ok.body.id]);
    expect(stored).toHaveLength(3);
    const [mail] = await t.mail.waitFor(1, (m) => recipientOf(m) === 'rang.un@caf34.test', 5000);
    expect(mail.text).toContain('Les ateliers sont attribués selon vos préférences le');
    // Nor can a seat be taken through the manage link before the allocation.
    const change = await t.http
      .patch('/api/registrations/me')
      .set('X-Registration-Token', ok.body.manageToken)
      .send({ sessionIds: [w2.id] })
      .expect(422);
    expect(change.body.errors).toEqual([expect.objectContaining({ field: 'sessionIds' })]);

    // A first-come event takes no ranks.
    const firstCome = await createEvent(t);
    const w = await createSession(t, firstCome.id, slot(firstCome, 2, 3));
    await register(t, firstCome.id, { preferences: [{ sessionId: w.id, rank: 1 }] }).expect(422);
  });

  it('previews with a seed (nothing written), confirms that allocation once (409 after), and emails each person their workshops with their agenda', async () => {
    const { event, w1, w2, w3 } = await preferencesEvent(t);
    const people: Array<{ id: string; email: string }> = [];
    for (let i = 0; i < 3; i++) {
      const email = `alloc.${i}.${event.id.slice(0, 8)}@caf34.test`;
      const res = await register(t, event.id, {
        email,
        preferences: [{ sessionId: w1.id, rank: 1 }, { sessionId: w2.id, rank: 2 }, ...(i === 0 ? [{ sessionId: w3.id, rank: 1 }] : [])],
      }).expect(201);
      people.push({ id: res.body.id as string, email });
    }
    // Until the allocation, the agenda sent with the confirmation says when the workshops are given out.
    const [confirmation] = await t.mail.waitFor(1, (m) => m.subject?.startsWith('Inscription confirmée') === true && recipientOf(m) === people[0].email);
    const before = (await parsePdf(confirmation.attachments.find((a) => a.filename === 'agenda.pdf')!.content)).text.replace(/\s+/g, ' ');
    expect(before).toMatch(/Ateliers\s?: attribués selon vos préférences le \S+ \d+ \S+ \d{4} à \d+ h \d\d\s?: nous vous enverrons alors votre programme à jour/);
    const preview = await t.http.get(`/api/events/${event.id}/allocation/preview?seed=audit-1`).set(auth).expect(200);
    expect(preview.body).toEqual({ seed: 'audit-1', registrants: 3, first: 2, second: 2, third: 0, none: 0, allocatedAt: null });
    const again = await t.http.get(`/api/events/${event.id}/allocation/preview?seed=audit-1`).set(auth).expect(200);
    expect(again.body).toEqual(preview.body);
    const fresh = await t.http.get(`/api/events/${event.id}/allocation/preview`).set(auth).expect(200);
    expect(fresh.body.seed).not.toBe('audit-1');
    expect(await choicesOf(event.id)).toEqual([]);
    await t.http.get(`/api/events/${event.id}/allocation/preview`).expect(401);

    const done = await t.http.post(`/api/events/${event.id}/allocation`).set(auth).send({ seed: 'audit-1' }).expect(200);
    expect(done.body).toMatchObject({ seed: 'audit-1', first: 2, second: 2, third: 0, none: 0 });
    expect(done.body.allocatedAt).toEqual(expect.any(String));
    const choices = await choicesOf(event.id);
    expect(choices).toHaveLength(4);
    expect(choices.every((c) => c.status === 'confirmed')).toBe(true);
    expect(choices.filter((c) => c.session_id === w1.id)).toHaveLength(1);
    const eventRow = (await t.dataSource.query(`SELECT allocation_seed, allocated_at FROM event WHERE id = $1`, [event.id]))[0];
    expect(eventRow.allocation_seed).toBe('audit-1');

    const conflict = await t.http.post(`/api/events/${event.id}/allocation`).set(auth).send({}).expect(409);
    expect(conflict.headers['content-type']).toMatch(/application\/problem\+json/);

    const mails = await t.mail.waitFor(3, (m) => m.subject?.startsWith('Vos ateliers') === true && people.some((p) => p.email === recipientOf(m)), 10000);
    for (const p of people) {
      const mail = mails.find((m) => recipientOf(m) === p.email)!;
      const mine = choices.filter((c) => c.registration_id === p.id).map((c) => [w1, w2, w3].find((w) => w.id === c.session_id)!.title as string);
      for (const title of mine) expect(mail.text).toContain(title);
      for (const other of [w1, w2, w3].filter((w) => !mine.includes(w.title as string))) expect(mail.text).not.toContain(other.title);
      expect(mail.attachments.map((a) => a.filename).sort()).toEqual(['agenda.ics', 'agenda.pdf']);
      // French spacing (narrow no-break spaces) compared as plain spaces.
      const agenda = (await parsePdf(mail.attachments.find((a) => a.filename === 'agenda.pdf')!.content)).text.replace(/\s+/g, ' ');
      for (const title of mine) expect(agenda).toContain(title.replace(/\s+/g, ' '));
      expect(agenda).not.toContain('attribués selon vos préférences');
    }
    expect((await outboxRows(t, event.id)).filter((r) => r.reason === 'allocation')).toHaveLength(3);

    // Afterwards: first come. A newcomer chooses a workshop with seats; ranks are no longer taken.
    const late = await register(t, event.id, { sessionIds: [w3.id] }).expect(201);
    expect(late.body.sessions).toEqual([{ sessionId: w3.id, status: 'confirmed' }]);
    await register(t, event.id, { preferences: [{ sessionId: w3.id, rank: 1 }] }).expect(422);
    expect((await t.http.get(`/api/events/${event.id}`).expect(200)).body.allocatedAt).toEqual(expect.any(String));
  });

  it('refuses allocation on a first-come event (422) and on an unknown one (404)', async () => {
    const firstCome = await createEvent(t);
    await t.http.post(`/api/events/${firstCome.id}/allocation`).set(auth).send({}).expect(422);
    await t.http.get(`/api/events/${firstCome.id}/allocation/preview`).set(auth).expect(422);
    await t.http.post(`/api/events/00000000-0000-4000-8000-000000000000/allocation`).set(auth).send({}).expect(404);
  });

  it('runs at preferencesCloseAt when no organiser did, once across two instances', async () => {
    const { event, w1, w2 } = await preferencesEvent(t);
    const a = await register(t, event.id, {
      preferences: [
        { sessionId: w1.id, rank: 1 },
        { sessionId: w2.id, rank: 2 },
      ],
    }).expect(201);
    const b = await register(t, event.id, {
      preferences: [
        { sessionId: w1.id, rank: 1 },
        { sessionId: w2.id, rank: 2 },
      ],
    }).expect(201);

    const before = new Date(new Date(event.preferencesCloseAt).getTime() - 60_000);
    expect(await t.app.get(AllocationService).allocateDue(before)).not.toContain(event.id);
    expect(await choicesOf(event.id)).toEqual([]);

    const after = new Date(new Date(event.preferencesCloseAt).getTime() + 60_000);
    t.clock.set(after);
    second.clock.set(after);
    const runs = await Promise.all([t.app.get(AllocationService).allocateDue(after), second.app.get(AllocationService).allocateDue(after)]);
    expect(runs.flat().filter((id) => id === event.id)).toEqual([event.id]);
    const choices = await choicesOf(event.id);
    expect(choices.map((c) => c.session_id).sort()).toEqual([w1.id, w2.id].sort());
    expect(new Set(choices.map((c) => c.registration_id))).toEqual(new Set([a.body.id, b.body.id]));
    const row = (await t.dataSource.query(`SELECT allocation_seed, allocated_at FROM event WHERE id = $1`, [event.id]))[0];
    expect(row.allocation_seed).toEqual(expect.any(String));
    expect(new Date(row.allocated_at).getTime()).toBe(after.getTime());
    expect(await t.app.get(AllocationService).allocateDue(after)).not.toContain(event.id);
    await t.http.post(`/api/events/${event.id}/allocation`).set(auth).send({}).expect(409);
  });
});
