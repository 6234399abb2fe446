import { MailAttachments } from '../../src/notifications/delivery/mail-attachments';
import { backoffMs } from '../../src/notifications/delivery/mail-delivery';
import { parsePdf } from '../support/pdf';
import { createEvent, createSession, register, slot } from '../support/factories';
import { recipientOf, startMailSink } from '../support/mail-sink';
import { startTestApp, TestApp } from '../support/test-app';

type Row = { id: string; reason: string; status: string; attempts: number; last_error: string | null; next_attempt_at: Date };

async function rows(t: TestApp, registrationId: string): Promise<Row[]> {
  return t.dataSource.query(`SELECT id, reason, status, attempts, last_error, next_attempt_at FROM outgoing_mail WHERE registration_id = $1 ORDER BY created_at`, [registrationId]);
}

describe('delivery when SMTP fails (worker driven by the test, with a moving clock)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ mail: 'manual', env: { MAIL_MAX_ATTEMPTS: '3', MAIL_RECIPIENT_CAP: '4' } });
  });
  afterAll(() => t.close());
  afterEach(() => {
    t.mail.failWith(null);
    t.clock.reset();
  });

  it('delivers a batch of several people, two events, each with their own badge and agenda (their workshops, not the others’)', async () => {
    const [first, second] = [await createEvent(t, { title: 'Journée A' }), await createEvent(t, { title: 'Journée B' })];
    const workshops = [
      await createSession(t, first.id, { ...slot(first, 1, 2), title: 'Atelier Logement' }),
      await createSession(t, first.id, { ...slot(first, 1, 2), title: 'Atelier Santé' }),
      await createSession(t, second.id, { ...slot(second, 1, 2), title: 'Atelier Mobilité' }),
    ];
    const people = [
      { event: first, workshop: workshops[0], lastName: 'Lefèvre' },
      { event: first, workshop: workshops[1], lastName: 'Nguyen' },
      { event: second, workshop: workshops[2], lastName: 'Ørsted' },
    ];
    for (const p of people) await register(t, p.event.id, { lastName: p.lastName, email: `${p.workshop.id}@batch.test`, sessionIds: [p.workshop.id] }).expect(201);
    // One drain: the three messages are claimed and read as one batch.
    expect(await t.worker.drain()).toBe(3);
    for (const p of people) {
      const [mail] = t.mail.to(`${p.workshop.id}@batch.test`);
      const agenda = mail.attachments.find((a) => a.filename === 'agenda.ics')!.content.toString();
      expect(agenda).toContain(p.workshop.title);
      for (const other of workshops.filter((w) => w.id !== p.workshop.id)) expect(agenda).not.toContain(other.title);
      const badge = await parsePdf(mail.attachments.find((a) => a.filename === 'badge.pdf')!.content);
      expect(badge.text).toContain(p.lastName);
      expect(badge.text).toContain(p.event.title);
    }
  });

  it('documents drawn ahead of their lane: one that cannot be drawn holds back its own message only, which is retried', async () => {
    const event = await createEvent(t, { title: 'Journée C' });
    const ids: string[] = [];
    for (const name of ['Abadie', 'Bonnet', 'Carpentier', 'Delmas', 'Estève', 'Fabre']) {
      ids.push(
        (
          await register(t, event.id, {
            lastName: name,
            email: `${name
              .normalize('NFD')
              .replace(/[\u0300-\u036f]/g, '')
              .toLowerCase()}@ahead.test`,
          }).expect(201)
        ).body.id as string,
      );
    }
    const attachments = t.app.get(MailAttachments);
    const draw = attachments.for.bind(attachments);
    const spy = jest
      .spyOn(attachments, 'for')
      .mockImplementation((ctx, prepared) => (ctx.registration.id === ids[2] ? Promise.reject(new Error('Rendu impossible')) : draw(ctx, prepared)));
    try {
      expect(await t.worker.drain()).toBe(6);
    } finally {
      spy.mockRestore();
    }
    for (const [i, id] of ids.entries()) {
      const [row] = await rows(t, id);
      if (i === 2) expect(row).toMatchObject({ status: 'failed', attempts: 1, last_error: 'Rendu impossible' });
      else expect(row).toMatchObject({ status: 'sent' });
    }
    expect(t.mail.to('carpentier@ahead.test')).toHaveLength(0);
    expect(t.mail.to('fabre@ahead.test')[0].attachments.map((a) => a.filename)).toEqual(['badge.pdf', 'agenda.pdf', 'agenda.ics']);
    // Its retry, once due, carries its documents.
    t.clock.set(new Date(Date.now() + 3600_000));
    expect(await t.worker.drain()).toBe(1);
    const [retried] = t.mail.to('carpentier@ahead.test');
    expect(retried.attachments.map((a) => a.filename)).toEqual(['badge.pdf', 'agenda.pdf', 'agenda.ics']);
  });

  it('retries with growing, jittered delays and delivers once when the server answers again', async () => {
    expect(backoffMs(1, 0.5)).toBe(30_000);
    expect(backoffMs(2, 0.5)).toBe(60_000);
    expect(backoffMs(3, 0)).toBe(96_000);
    expect(backoffMs(30, 1)).toBe(6 * 3600_000 * 1.2);
    const event = await createEvent(t);
    const r = await register(t, event.id, { email: 'patiente@exemple.test' }).expect(201);
    t.mail.failWith(451, 'Greylisted, try again later');
    const start = Date.now();
    t.clock.set(new Date(start));
    await t.worker.drain();
    let [row] = await rows(t, r.body.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toMatch(/451/);
    const delay = new Date(row.next_attempt_at).getTime() - start;
    expect(delay).toBeGreaterThanOrEqual(24_000);
    expect(delay).toBeLessThanOrEqual(36_000);
    // Not due yet: nothing is tried.
    t.clock.set(new Date(start + 20_000));
    expect(await t.worker.drain()).toBe(0);
    // The server comes back.
    t.mail.failWith(null);
    t.clock.set(new Date(start + 40_000));
    expect(await t.worker.drain()).toBe(1);
    [row] = await rows(t, r.body.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(t.mail.to('patiente@exemple.test')).toHaveLength(1);
    t.clock.set(new Date(start + 3600_000));
    await t.worker.drain();
    expect(t.mail.to('patiente@exemple.test')).toHaveLength(1);
  });

  it('marks a message dead after MAIL_MAX_ATTEMPTS, shows it to organisers, who retry it', async () => {
    const event = await createEvent(t);
    const r = await register(t, event.id, { email: 'inconnue@exemple.test' }).expect(201);
    t.mail.failWith(550, 'Mailbox unavailable: inconnue@exemple.test');
    let now = Date.now();
    for (let attempt = 1; attempt <= 3; attempt++) {
      t.clock.set(new Date(now));
      expect(await t.worker.drain()).toBe(1);
      now += 7 * 3600_000;
    }
    const [row] = await rows(t, r.body.id);
    expect(row).toMatchObject({ status: 'dead', attempts: 3 });
    expect(row.last_error).toMatch(/550/);
    expect(row.last_error).not.toContain('inconnue@exemple.test');
    t.clock.set(new Date(now + 24 * 3600_000));
    expect(await t.worker.drain()).toBe(0);

    const auth = await t.auth();
    const dead = (await t.http.get(`/api/events/${event.id}/messages?status=dead`).set(auth).expect(200)).body;
    expect(dead.items).toEqual([expect.objectContaining({ id: row.id, recipient: 'inconnue@exemple.test', status: 'dead', attempts: 3, lastError: expect.stringMatching(/550/) })]);
    t.mail.failWith(null);
    const retried = await t.http.post(`/api/events/${event.id}/messages/${row.id}/retry`).set(auth).expect(200);
    expect(retried.body).toMatchObject({ id: row.id, status: 'pending', attempts: 0 });
    await t.http.post(`/api/events/${event.id}/messages/${row.id}/retry`).set(auth).expect(409);
    await t.http.post(`/api/events/${event.id}/messages/00000000-0000-4000-8000-000000000000/retry`).set(auth).expect(404);
    expect(await t.worker.drain()).toBe(1);
    expect(t.mail.to('inconnue@exemple.test')).toHaveLength(1);
    expect((await rows(t, r.body.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    await t.http.post(`/api/events/${event.id}/messages/${row.id}/retry`).set(auth).expect(409);
  });

  it('caps what one address receives about one event (registering and cancelling in a loop), but never an event cancellation', async () => {
    const event = await createEvent(t);
    for (let i = 0; i < 3; i++) {
      const r = await register(t, event.id, { email: 'boucle@exemple.test' }).expect(201);
      await t.http.delete('/api/registrations/me').set('X-Registration-Token', r.body.manageToken).expect(200);
      await t.worker.drain();
    }
    const last = await register(t, event.id, { email: 'boucle@exemple.test' }).expect(201);
    await t.worker.drain();
    expect(t.mail.to('boucle@exemple.test')).toHaveLength(4);
    const statuses: Array<{ status: string; last_error: string | null }> = await t.dataSource.query(
      `SELECT m.status, m.last_error FROM outgoing_mail m JOIN registration r ON r.id = m.registration_id WHERE r.email = 'boucle@exemple.test' ORDER BY m.created_at`,
    );
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'dead', 'dead', 'dead']);
    expect(statuses[6].last_error).toMatch(/plafond de 4 messages/);
    await t.http
      .post(`/api/events/${event.id}/cancel`)
      .set(await t.auth())
      .send({ reason: 'Salle indisponible' })
      .expect(200);
    await t.worker.drain();
    expect(t.mail.to('boucle@exemple.test').map((m) => m.subject)).toContainEqual(expect.stringMatching(/annulé/i));
    expect((await rows(t, last.body.id)).map((m) => m.reason)).toEqual(['confirmation', 'event_cancelled']);
  });

  it('the cap holds across batches read ahead: 30 messages to one address in one drain, 4 sent', async () => {
    t.clock.set(new Date());
    await t.worker.drain(); // what earlier tests left due
    const event = await createEvent(t);
    // 15 registrations cancelled at once: 30 messages queued, more than one batch (20).
    for (let i = 0; i < 15; i++) {
      const r = await register(t, event.id, { email: 'rafale@exemple.test' }).expect(201);
      await t.http.delete('/api/registrations/me').set('X-Registration-Token', r.body.manageToken).expect(200);
    }
    expect(await t.worker.drain()).toBe(30);
    expect(t.mail.to('rafale@exemple.test')).toHaveLength(4);
    const statuses: Array<{ status: string; n: number }> = await t.dataSource.query(
      `SELECT m.status, count(*)::int AS n FROM outgoing_mail m JOIN registration r ON r.id = m.registration_id
       WHERE r.email = 'rafale@exemple.test' GROUP BY m.status ORDER BY m.status`,
    );
    expect(statuses).toEqual([
      { status: 'dead', n: 26 },
      { status: 'sent', n: 4 },
    ]);
  });

  it('a worker told to stop sends the batch it already read ahead, and leaves the rest unclaimed for the next start', async () => {
    const event = await createEvent(t, { capacity: 1000 });
    // Time stands still: earlier tests' retries do not fall due in between.
    t.clock.set(new Date());
    await t.worker.drain();
    for (let i = 0; i < 45; i++) await register(t, event.id, { email: `arret${i}@exemple.test` }).expect(201);
    // Stop once the first batch (20) has arrived: by then the second batch was already read, while
    // the first one's last message was on its way.
    const arrived = () => t.mail.messages.filter((m) => recipientOf(m).startsWith('arret')).length;
    // Past the burst of registrations (RequestActivity's 100 ms window): the worker takes whole batches.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await t.worker.drain(() => arrived() >= 20)).toBe(40);
    const counts: Array<{ status: string; leased: boolean; n: number }> = await t.dataSource.query(
      `SELECT m.status, (m.lease_until > now()) AS leased, count(*)::int AS n FROM outgoing_mail m
       JOIN registration r ON r.id = m.registration_id WHERE r.event_id = $1 GROUP BY 1, 2 ORDER BY 1`,
      [event.id],
    );
    // Nothing left under a lease: the next start does not wait for one to pass.
    expect(counts).toEqual([
      { status: 'pending', leased: null, n: 5 },
      { status: 'sent', leased: null, n: 40 },
    ]);
    expect(await t.worker.drain()).toBe(5);
    expect(new Set(t.mail.messages.map(recipientOf).filter((to) => to.startsWith('arret'))).size).toBe(45);
  });

  it('a batch slower than its lease: reading ahead never takes again the messages still being sent', async () => {
    const event = await createEvent(t, { capacity: 1000 });
    t.clock.set(new Date());
    await t.worker.drain();
    for (let i = 0; i < 5; i++) await register(t, event.id, { email: `lent${i}@exemple.test` }).expect(201);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const before = t.mail.messages.length;
    // When the first message arrives, the batch's lease has passed: the other four are still queued
    // on the one SMTP connection as the last one is taken and the next batch claimed.
    void t.mail.waitFor(before + 1).then(() => t.clock.advance((t.config.mailLeaseSeconds + 1) * 1000));
    expect(await t.worker.drain()).toBe(5);
    const received = t.mail.messages.slice(before).filter((m) => recipientOf(m).startsWith('lent'));
    expect(received.map(recipientOf).sort()).toEqual(Array.from({ length: 5 }, (_, i) => `lent${i}@exemple.test`));
  });

  it('with the SMTP server down: the message waits for a retry and /health says mail is down', async () => {
    const down = await startTestApp({ databaseUrl: t.databaseUrl, mail: 'manual', env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
    try {
      const event = await createEvent(down);
      const r = await register(down, event.id, { email: 'panne@exemple.test' }).expect(201);
      // Other instances would deliver it; only this one drains here.
      await down.worker.drain();
      const [row] = await rows(down, r.body.id);
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
      const health = (await down.http.get('/health').expect(200)).body;
      expect(health).toMatchObject({ status: 'ok', database: 'up', mail: 'down' });
      expect(health.outbox.depth).toBeGreaterThanOrEqual(1);
      // The working instance delivers it once due.
      t.clock.set(new Date(Date.now() + 3600_000));
      await t.worker.drain();
      expect(t.mail.to('panne@exemple.test')).toHaveLength(1);
      expect((await rows(t, r.body.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await down.close();
    }
  });

  it('two instances draining one outbox send each message once', async () => {
    const second = await startTestApp({ databaseUrl: t.databaseUrl, mail: 'manual', env: { SMTP_URL: t.mail.url } });
    try {
      const event = await createEvent(t, { capacity: 1000 });
      const registered = await Promise.all(Array.from({ length: 60 }, (_, i) => register(t, event.id, { email: `duo${i}@exemple.test` }).expect(201)));
      const before = t.mail.messages.length;
      const handled = await Promise.all([t.worker.drain(), second.worker.drain(), t.worker.drain(), second.worker.drain()]);
      expect(handled.reduce((a, b) => a + b, 0)).toBe(60);
      const received = t.mail.messages.slice(before);
      expect(received).toHaveLength(60);
      expect(new Set(received.map((m) => m.messageId)).size).toBe(60);
      expect(new Set(received.map(recipientOf))).toEqual(new Set(registered.map((_, i) => `duo${i}@exemple.test`)));
    } finally {
      await second.close();
    }
  });
});

describe('a batch slower than its lease (a slow SMTP server), with another instance draining', () => {
  it('keeps its lease while it sends: the other instance takes none of its messages, each arrives once', async () => {
    // 400 ms per message, a lease of 1 s: five messages take twice their lease.
    const slow = await startMailSink({ ackDelayMs: 400 });
    const env = { SMTP_URL: slow.url, MAIL_LEASE_SECONDS: '1' };
    const first = await startTestApp({ mail: 'manual', env });
    const second = await startTestApp({ databaseUrl: first.databaseUrl, mail: 'manual', env });
    try {
      const event = await createEvent(first, { capacity: 100 });
      for (let i = 0; i < 5; i++) await register(first, event.id, { email: `lente${i}@exemple.test` }).expect(201);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const sending = first.worker.drain();
      // Once the lease the batch was claimed under has passed.
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(await second.worker.drain()).toBe(0);
      expect(await sending).toBe(5);
      expect(slow.messages.map(recipientOf).sort()).toEqual(Array.from({ length: 5 }, (_, i) => `lente${i}@exemple.test`));
      const statuses: Array<{ status: string; n: number }> = await first.dataSource.query(`SELECT status, count(*)::int AS n FROM outgoing_mail GROUP BY status`);
      expect(statuses).toEqual([{ status: 'sent', n: 5 }]);
    } finally {
      await second.close();
      await first.close();
      await slow.close();
    }
  });
});

describe('a drain that fails half-way (the database refuses an outcome)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ mail: 'manual', env: { MAIL_LEASE_SECONDS: '1', MAIL_RECIPIENT_CAP: '1' } });
  });
  afterAll(() => t.close());

  it('leaves no batch held: what it claimed, the batch read ahead included, is delivered by the next drain', async () => {
    const event = await createEvent(t, { capacity: 1000 });
    // Two messages to one address, the first of the queue: the second goes over the cap (1), and
    // recording it as dead is refused.
    const r = await register(t, event.id, { email: 'refus@exemple.test' }).expect(201);
    await t.http.delete('/api/registrations/me').set('X-Registration-Token', r.body.manageToken).expect(200);
    for (let i = 0; i < 45; i++) await register(t, event.id, { email: `suite${i}@exemple.test` }).expect(201);
    await t.dataSource.query(`CREATE FUNCTION refuse_dead() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'panne simulée'; END $$`);
    await t.dataSource.query(`CREATE TRIGGER refuse_dead BEFORE UPDATE ON outgoing_mail FOR EACH ROW WHEN (NEW.status = 'dead') EXECUTE FUNCTION refuse_dead()`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    try {
      await expect(t.worker.drain()).rejects.toThrow('panne simulée');
    } finally {
      await t.dataSource.query(`DROP TRIGGER refuse_dead ON outgoing_mail; DROP FUNCTION refuse_dead()`);
    }
    // Every lease taken by the failed drain lapses (1 s): nothing stays held by renewals.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await t.worker.drain();
    const statuses: Array<{ status: string; n: number }> = await t.dataSource.query(
      `SELECT status, count(*)::int AS n FROM outgoing_mail WHERE event_id = $1 GROUP BY status ORDER BY status`,
      [event.id],
    );
    expect(statuses).toEqual([
      { status: 'dead', n: 1 },
      { status: 'sent', n: 46 },
    ]);
    expect(new Set(t.mail.messages.map(recipientOf)).size).toBe(46);
  });
});
