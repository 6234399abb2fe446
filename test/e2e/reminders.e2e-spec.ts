import { createEvent, register } from '../support/factories';
import { recipientOf } from '../support/mail-sink';
import { startTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** Reminders driven by a fake clock: each scan (`tick`) queues what became due, then delivers. */
describe('reminders', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ mail: 'manual' });
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const reminders = (address: string) => t.mail.to(address).filter((m) => /rappel/i.test(m.subject ?? ''));
  const at = async (when: number) => {
    t.clock.set(new Date(when));
    await t.worker.tick();
  };

  it('J-7 and J-1 at the right minute, to those confirmed at that moment, never to the waitlisted, with the manage link', async () => {
    const event = await createEvent(t, { capacity: 2, title: 'Rencontre régionale de Montpellier' });
    const start = new Date(event.startsAt).getTime();
    const a = await register(t, event.id, { email: 'rappel.a@exemple.test' }).expect(201);
    const b = await register(t, event.id, { email: 'rappel.b@exemple.test' }).expect(201);
    await register(t, event.id, { email: 'rappel.w@exemple.test' }).expect(201);
    await t.worker.drain();

    await at(start - 7 * DAY - MINUTE);
    expect(reminders('rappel.a@exemple.test')).toHaveLength(0);
    await at(start - 7 * DAY);
    const [j7] = reminders('rappel.a@exemple.test');
    expect(j7.subject).toContain('Rencontre régionale de Montpellier');
    expect(j7.text).toMatch(/dans 7 jours/);
    expect(j7.text).toContain(a.body.manageUrl);
    expect(j7.attachments.map((f) => f.filename)).toContain('agenda.ics');
    expect(reminders('rappel.b@exemple.test')).toHaveLength(1);
    expect(reminders('rappel.w@exemple.test')).toHaveLength(0);

    // b cancels after the J-7 moment: the waitlisted person is promoted, and was not confirmed at J-7.
    t.clock.set(new Date(start - 6 * DAY));
    await t.http.delete('/api/registrations/me').set('X-Registration-Token', b.body.manageToken).expect(200);
    await at(start - 5 * DAY);
    expect(reminders('rappel.w@exemple.test')).toHaveLength(0);
    expect(t.mail.to('rappel.w@exemple.test').map((m) => m.subject)).toContainEqual(expect.stringMatching(/confirmée/i));

    // Scanning again, or a second time at the same minute, says nothing twice.
    await at(start - 5 * DAY);
    await at(start - DAY - MINUTE);
    expect(reminders('rappel.a@exemple.test')).toHaveLength(1);
    await at(start - DAY);
    expect(reminders('rappel.a@exemple.test')).toHaveLength(2);
    expect(reminders('rappel.a@exemple.test')[1].text).toMatch(/demain/);
    expect(reminders('rappel.w@exemple.test')).toHaveLength(1); // confirmed before J-1
    expect(reminders('rappel.b@exemple.test')).toHaveLength(1); // cancelled: no J-1
    await at(start - DAY + 10 * MINUTE);
    expect(reminders('rappel.a@exemple.test')).toHaveLength(2);
  });

  it('a moved event moves its reminders; one missed while down still goes before the start, never after', async () => {
    const event = await createEvent(t, { capacity: 10 });
    const start = new Date(event.startsAt).getTime();
    await register(t, event.id, { email: 'moved@exemple.test' }).expect(201);
    const late = await createEvent(t, { capacity: 10 });
    const lateStart = new Date(late.startsAt).getTime();
    await register(t, late.id, { email: 'late@exemple.test' }).expect(201);
    await t.worker.drain();

    // Moved three days later before its J-7 moment.
    const moved = start + 3 * DAY;
    await t.http
      .patch(`/api/events/${event.id}`)
      .set(await t.auth())
      .send({ startsAt: new Date(moved).toISOString(), endsAt: new Date(moved + DAY).toISOString() })
      .expect(200);
    await at(start - 7 * DAY);
    expect(reminders('moved@exemple.test')).toHaveLength(0);
    await at(moved - 7 * DAY);
    expect(reminders('moved@exemple.test')).toHaveLength(1);

    // The service was down from before J-7 to J-3: J-7 still goes out at the next scan.
    await at(lateStart - 3 * DAY);
    expect(reminders('late@exemple.test')).toHaveLength(1);
    expect(reminders('late@exemple.test')[0].text).toMatch(/dans 7 jours/);
    // Down again from before J-1 until the event started: nothing is sent late.
    await at(lateStart + MINUTE);
    expect(reminders('late@exemple.test')).toHaveLength(1);
  });

  it('webinars: J-1 and one hour before, the hour-before reminder carrying the link', async () => {
    const event = await createEvent(t, { kind: 'webinar', format: 'online', venue: null, onlineUrl: 'https://visio.exemple.test/rencontre', capacity: null });
    const start = new Date(event.startsAt).getTime();
    await register(t, event.id, { email: 'webinaire@exemple.test' }).expect(201);
    await t.worker.drain();
    await at(start - DAY);
    await at(start - 60 * MINUTE - MINUTE);
    expect(reminders('webinaire@exemple.test')).toHaveLength(1);
    await at(start - 60 * MINUTE);
    const sent = reminders('webinaire@exemple.test');
    expect(sent).toHaveLength(2);
    expect(sent[1].text).toMatch(/dans 1 heure/);
    expect(sent[1].text).toContain('https://visio.exemple.test/rencontre');
    expect(sent[1].html).toContain('href="https://visio.exemple.test/rencontre"');
    // Online only: the agenda, no badge.
    expect(sent[1].attachments.map((a) => a.filename).sort()).toEqual(['agenda.ics', 'agenda.pdf']);
  });

  it('two instances scanning and draining at the same minute send each reminder once', async () => {
    const second = await startTestApp({ databaseUrl: t.databaseUrl, mail: 'manual', env: { SMTP_URL: t.mail.url } });
    try {
      const event = await createEvent(t, { capacity: 100 });
      const start = new Date(event.startsAt).getTime();
      await Promise.all(Array.from({ length: 30 }, (_, i) => register(t, event.id, { email: `scan${i}@exemple.test` }).expect(201)));
      await t.worker.drain();
      t.clock.set(new Date(start - 7 * DAY));
      second.clock.set(new Date(start - 7 * DAY));
      await Promise.all([t.worker.tick(), second.worker.tick(), t.worker.tick(), second.worker.tick()]);
      await Promise.all([t.worker.drain(), second.worker.drain()]);
      const got = t.mail.messages.filter((m) => /rappel/i.test(m.subject ?? '') && recipientOf(m).startsWith('scan'));
      expect(got).toHaveLength(30);
      expect(new Set(got.map(recipientOf)).size).toBe(30);
    } finally {
      second.clock.reset();
      await second.close();
    }
  });
});
