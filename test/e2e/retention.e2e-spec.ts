import { hashManageToken } from '../../src/registrations/manage-token';
import { RetentionService } from '../../src/registrations/admin/retention.service';
import { createEvent } from '../support/factories';
import { seedMail, seedRegistration, seedStatsDataSet } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;

describe('retention: anonymising registrations RETENTION_DAYS after their event', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let retention: RetentionService;
  beforeAll(async () => {
    t = await startTestApp({ env: { RETENTION_DAYS: '365' } });
    auth = await t.auth();
    retention = t.app.get(RetentionService);
  });
  afterAll(() => t.close());

  const personalRows = (eventId: string) =>
    t.dataSource.query(
      `SELECT id, first_name, last_name, email, organisation, job_title, accessibility_needs, dietary_requirements, manage_token_hash,
              organisation_type, department, attendance_mode, status, checked_in_at, anonymised_at
       FROM registration WHERE event_id = $1 ORDER BY id`,
      [eventId],
    );

  it('wipes names, emails, free texts and the manage token, and leaves the figures exactly as they were', async () => {
    const { event, regs } = await seedStatsDataSet(t);
    await t.dataSource.query(
      `UPDATE registration SET first_name = 'Héloïse', last_name = 'Garnier', organisation = 'CCAS de Sète', job_title = 'Directrice',
         accessibility_needs = 'Interprète LSF', dietary_requirements = 'Sans gluten' WHERE id = $1`,
      [regs.c1.id],
    );
    await seedMail(t, event.id, regs.c1.id, 'confirmation', 'sent');
    await seedMail(t, event.id, regs.w1.id, 'waitlisted', 'pending');
    await seedMail(t, event.id, regs.c2.id, 'cancellation', 'failed', { byOrganiser: true });
    const later = await createEvent(t, {
      title: 'Rencontre suivante',
      startsAt: new Date(Date.now() + 90 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 91 * DAY).toISOString(),
    });
    const untouched = await seedRegistration(t, later.id, { firstName: 'Reste', lastName: 'Intacte' });
    await seedMail(t, later.id, untouched.id, 'confirmation', 'pending');

    const statsBefore = (await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200)).body;
    const rowsBefore = await personalRows(event.id);
    const endsAt = new Date(event.endsAt).getTime();

    // Not yet: a day short of the retention period.
    expect(await retention.anonymiseExpired(new Date(endsAt + 364 * DAY))).toEqual({ ran: true, registrations: 0, mails: 0 });
    expect((await t.http.get(`/api/events/${event.id}/registrations?q=garnier`).set(auth).expect(200)).body.total).toBe(1);

    const now = new Date(endsAt + 365 * DAY + 60_000);
    expect(await retention.anonymiseExpired(now)).toEqual({ ran: true, registrations: 8, mails: 3 });

    const rowsAfter = await personalRows(event.id);
    expect(rowsAfter).toHaveLength(8);
    rowsAfter.forEach((row: any, i: number) => {
      const before = rowsBefore[i];
      expect(row).toMatchObject({
        first_name: 'Anonyme',
        last_name: 'Anonyme',
        email: `anonyme+${row.id}@invalid`,
        organisation: null,
        job_title: null,
        accessibility_needs: null,
        dietary_requirements: null,
        organisation_type: before.organisation_type,
        department: before.department,
        attendance_mode: before.attendance_mode,
        status: before.status,
        checked_in_at: before.checked_in_at,
      });
      expect(row.anonymised_at).toEqual(now);
      expect(row.manage_token_hash).not.toBe(before.manage_token_hash);
    });
    expect(rowsAfter.find((r: any) => r.id === regs.c1.id).manage_token_hash).not.toBe(hashManageToken(regs.c1.manageToken));

    // The figures do not move.
    expect((await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200)).body).toEqual(statsBefore);

    // Names and addresses are gone from the list, the detail and the export.
    const list = (await t.http.get(`/api/events/${event.id}/registrations?limit=500`).set(auth).expect(200)).body;
    expect(list.total).toBe(8);
    expect(new Set(list.items.map((i: any) => `${i.firstName} ${i.lastName}`))).toEqual(new Set(['Anonyme Anonyme']));
    expect((await t.http.get(`/api/events/${event.id}/registrations?q=garnier`).set(auth).expect(200)).body.total).toBe(0);
    const detail = (await t.http.get(`/api/events/${event.id}/registrations/${regs.c1.id}`).set(auth).expect(200)).body;
    expect(detail).toMatchObject({ organisation: null, accessibilityNeeds: null, anonymisedAt: expect.stringMatching(/^\d{4}-/) });
    expect(detail.sessions).toHaveLength(2);
    const csv = (await t.http.get(`/api/events/${event.id}/registrations.csv`).set(auth).expect(200)).text;
    for (const secret of ['Héloïse', 'Garnier', 'CCAS', 'Interprète', 'gluten', ...Object.values(regs).map((r) => r.email)]) {
      expect(csv).not.toContain(secret);
    }

    // Messages to them: their facts blanked, and never sent now (the outbox holds no text or address).
    const mails = await t.dataSource.query(`SELECT reason, payload, status FROM outgoing_mail WHERE event_id = $1 ORDER BY reason`, [event.id]);
    expect(mails).toEqual([
      { reason: 'cancellation', payload: {}, status: 'dead' },
      { reason: 'confirmation', payload: {}, status: 'sent' },
      { reason: 'waitlisted', payload: {}, status: 'dead' },
    ]);

    // Another event, still within its retention period, is untouched.
    const [kept] = await personalRows(later.id);
    expect(kept).toMatchObject({ first_name: 'Reste', last_name: 'Intacte', anonymised_at: null });
    const [keptMail] = await t.dataSource.query(`SELECT status FROM outgoing_mail WHERE registration_id = $1`, [untouched.id]);
    expect(keptMail).toEqual({ status: 'pending' });

    // Running it again changes nothing.
    expect(await retention.anonymiseExpired(new Date(now.getTime() + DAY))).toEqual({ ran: true, registrations: 0, mails: 0 });
    expect(await personalRows(event.id)).toEqual(rowsAfter);
  });

  it('does nothing while another instance holds the job, and exactly once across two instances', async () => {
    const event = await createEvent(t, { title: 'Journée d’étude Albi' });
    for (let i = 0; i < 30; i++) await seedRegistration(t, event.id);
    const now = new Date(new Date(event.endsAt).getTime() + 366 * DAY);

    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT pg_advisory_xact_lock(727274004)');
    try {
      expect(await retention.anonymiseExpired(now)).toEqual({ ran: false, registrations: 0, mails: 0 });
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }

    const second = await startTestApp({ databaseUrl: t.databaseUrl });
    try {
      const runs = await Promise.all([retention.anonymiseExpired(now), second.app.get(RetentionService).anonymiseExpired(now)]);
      expect(runs[0].registrations + runs[1].registrations).toBe(30);
    } finally {
      await second.close();
    }
    const [{ left }] = await t.dataSource.query(`SELECT count(*)::int AS left FROM registration WHERE event_id = $1 AND anonymised_at IS NULL`, [event.id]);
    expect(left).toBe(0);
  });

  it('reads the retention period from RETENTION_DAYS', async () => {
    const short = await startTestApp({ databaseUrl: t.databaseUrl, env: { RETENTION_DAYS: '30' } });
    try {
      const event = await createEvent(t, { title: 'Webinaire court' });
      const reg = await seedRegistration(t, event.id, { firstName: 'Court', lastName: 'Terme' });
      const endsAt = new Date(event.endsAt).getTime();
      const service = short.app.get(RetentionService);
      await service.anonymiseExpired(new Date(endsAt + 29 * DAY));
      expect((await t.dataSource.query(`SELECT first_name FROM registration WHERE id = $1`, [reg.id]))[0].first_name).toBe('Court');
      await service.anonymiseExpired(new Date(endsAt + 30 * DAY));
      expect((await t.dataSource.query(`SELECT first_name FROM registration WHERE id = $1`, [reg.id]))[0].first_name).toBe('Anonyme');
    } finally {
      await short.close();
    }
  });
});
