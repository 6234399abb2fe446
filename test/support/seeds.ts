import { randomUUID } from 'node:crypto';
import { deriveManageToken, generateCheckInCode, hashManageToken } from '../../src/registrations/manage-token';
import { ACCESSIBILITY_NEEDS, THEMES } from '../../src/reference/reference.data';
import { createEvent } from './factories';
import type { TestApp } from './test-app';

/**
 * Rows written straight into the real database (raw SQL, one style), for what the API cannot make
 * or not quickly: chosen statuses and check-ins, workshops in bulk, outbox rows, exact data sets
 * for the figures; and the rows read back for assertions. Everything else: factories.ts.
 */

let counter = 0;

export interface SeededRegistration {
  id: string;
  checkInCode: string;
  manageToken: string;
  email: string;
}

export interface RegistrationSeed {
  accessibility?: string[];
  travelSupport?: boolean;
  firstName?: string;
  lastName?: string;
  email?: string;
  organisation?: string | null;
  organisationType?: string;
  jobTitle?: string | null;
  department?: string | null;
  attendanceMode?: 'onsite' | 'online';
  accessibilityNeeds?: string | null;
  dietaryRequirements?: string | null;
  photoConsent?: boolean;
  status?: 'confirmed' | 'waitlisted' | 'cancelled';
  checkedInAt?: Date | null;
  createdAt?: Date;
  /** Workshops chosen, with the choice's status (default confirmed). */
  sessions?: Array<{ id: string; status?: 'confirmed' | 'waitlisted' | 'cancelled' }>;
}

export async function seedRegistration(t: TestApp, eventId: string, row: RegistrationSeed = {}): Promise<SeededRegistration> {
  const n = ++counter;
  const status = row.status ?? 'confirmed';
  const registrationId = randomUUID();
  const manageToken = deriveManageToken(t.config.tokenSecret, registrationId, 1);
  const checkInCode = generateCheckInCode();
  const email = row.email ?? `personne${n}@exemple.test`;
  const createdAt = row.createdAt ?? new Date(Date.UTC(2026, 10, 1, 9, 0, n % 60));
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO registration (id, event_id, first_name, last_name, email, organisation, organisation_type, job_title, department,
       attendance_mode, accessibility_needs, dietary_requirements, consent_at, photo_consent, photo_consent_at, status, waitlist_seq,
       manage_token_hash, check_in_code, checked_in_at, confirmed_at, cancelled_at, created_at, updated_at)
     VALUES ($18, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CASE WHEN $13 THEN $12::timestamptz END, $14,
       CASE WHEN $14 = 'waitlisted' THEN nextval('waitlist_seq') END, $15, $16, $17,
       CASE WHEN $14 = 'confirmed' THEN $12::timestamptz END, CASE WHEN $14 = 'cancelled' THEN $12::timestamptz END, $12, $12)
     RETURNING id`,
    [
      eventId,
      row.firstName ?? `Prénom${n}`,
      row.lastName ?? `Nom${String(n).padStart(4, '0')}`,
      email,
      row.organisation === undefined ? 'Association Solidarité Occitanie' : row.organisation,
      row.organisationType ?? 'association',
      row.jobTitle ?? null,
      row.department === undefined ? '34' : row.department,
      row.attendanceMode ?? 'onsite',
      row.accessibilityNeeds ?? null,
      row.dietaryRequirements ?? null,
      createdAt,
      row.photoConsent ?? false,
      status,
      hashManageToken(manageToken),
      checkInCode,
      row.checkedInAt ?? null,
      registrationId,
    ],
  );
  if (row.accessibility || row.travelSupport) {
    await t.dataSource.query(`UPDATE registration SET accessibility = $2, travel_support = $3 WHERE id = $1`, [id, row.accessibility ?? [], row.travelSupport ?? false]);
  }
  for (const session of row.sessions ?? []) {
    const choice = session.status ?? 'confirmed';
    await t.dataSource.query(
      `INSERT INTO session_choice (registration_id, session_id, status, waitlist_seq)
       VALUES ($1, $2, $3, CASE WHEN $3 = 'waitlisted' THEN nextval('waitlist_seq') END)`,
      [id, session.id, choice],
    );
  }
  return { id, checkInCode, manageToken, email };
}

export async function seedRoom(t: TestApp, eventId: string, name: string, capacity: number | null): Promise<string> {
  const [{ id }] = await t.dataSource.query(`INSERT INTO room (event_id, name, capacity) VALUES ($1, $2, $3) RETURNING id`, [eventId, name, capacity]);
  return id;
}

export interface WorkshopSeed {
  title?: string;
  type?: string;
  /** 0, 1, 2…: on the event's first day at 9:00 + 2 h × slot, 90 minutes (same slot: they overlap); or give startsAt and endsAt. */
  slot?: number;
  startsAt?: string | Date;
  endsAt?: string | Date;
  capacity?: number | null;
  roomId?: string | null;
  themes?: string[];
}

export interface SeededWorkshop {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

/** A session of the event (a workshop unless `type` says otherwise). */
export async function seedWorkshop(t: TestApp, event: Record<string, any>, row: WorkshopSeed = {}): Promise<SeededWorkshop> {
  const start = row.startsAt ? new Date(row.startsAt) : new Date(new Date(event.startsAt).getTime() + (1 + 2 * (row.slot ?? 0)) * 3600_000);
  const end = row.endsAt ? new Date(row.endsAt) : new Date(start.getTime() + 90 * 60_000);
  const title = row.title ?? `Atelier ${++counter}`;
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO session (event_id, title, type, starts_at, ends_at, room_id, themes, capacity) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [event.id, title, row.type ?? 'workshop', start, end, row.roomId ?? null, row.themes ?? [], row.capacity ?? null],
  );
  return { id, title, startsAt: start, endsAt: end };
}

/** An outbox row addressed to a registrant. */
export async function seedMail(t: TestApp, eventId: string, registrationId: string, reason: string, status = 'sent', payload: Record<string, unknown> = {}): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO outgoing_mail (event_id, registration_id, reason, status, payload, sent_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $4 = 'sent' THEN now() END) RETURNING id`,
    [eventId, registrationId, reason, status, JSON.stringify(payload)],
  );
  return id;
}

/** A hybrid event with a hand-built set of registrations whose figures are known exactly. */
export async function seedStatsDataSet(t: TestApp) {
  const event = await createEvent(t, {
    title: 'Rencontre régionale hybride',
    format: 'hybrid',
    onlineUrl: 'https://visio.test/rencontre',
    onlineCapacity: 100,
  });
  const start = new Date(event.startsAt).getTime();
  const at = (hours: number) => new Date(start + hours * 3600e3);
  const r1 = await seedRoom(t, event.id, 'Salle Joffre', 20);
  const r2 = await seedRoom(t, event.id, 'Salle Pasteur', null);
  const { id: wa } = await seedWorkshop(t, event, {
    title: 'Atelier A : santé et participation',
    startsAt: at(1),
    endsAt: at(2),
    capacity: 3,
    roomId: r1,
    themes: ['sante', 'participation'],
  });
  const { id: wb } = await seedWorkshop(t, event, { title: 'Atelier B : santé', startsAt: at(3), endsAt: at(4), roomId: r1, themes: ['sante'] });
  const { id: wc } = await seedWorkshop(t, event, { title: 'Atelier C : emploi', startsAt: at(3), endsAt: at(4), roomId: r2, themes: ['insertion_emploi'] });
  await seedWorkshop(t, event, { title: 'Plénière d’ouverture', type: 'plenary', startsAt: at(0), endsAt: at(1), roomId: r2 });
  const checkedIn = at(0);
  const regs = {
    c1: await seedRegistration(t, event.id, {
      organisationType: 'association',
      department: '34',
      checkedInAt: checkedIn,
      sessions: [{ id: wa }, { id: wb }],
      accessibility: ['wheelchair', 'easy_read'],
      travelSupport: true,
    }),
    c2: await seedRegistration(t, event.id, { organisationType: 'association', department: '34', sessions: [{ id: wa }, { id: wc, status: 'waitlisted' }] }),
    c3: await seedRegistration(t, event.id, {
      organisationType: 'service_public',
      department: '31',
      checkedInAt: checkedIn,
      sessions: [{ id: wb }],
      accessibility: ['wheelchair'],
    }),
    c4: await seedRegistration(t, event.id, { organisationType: 'etat', department: null, attendanceMode: 'online', sessions: [{ id: wc }] }),
    w1: await seedRegistration(t, event.id, {
      organisationType: 'association',
      department: '34',
      status: 'waitlisted',
      sessions: [{ id: wa, status: 'waitlisted' }],
      accessibility: ['lsf'],
      travelSupport: true,
    }),
    w2: await seedRegistration(t, event.id, { organisationType: 'citoyen', department: '12', status: 'waitlisted', attendanceMode: 'online' }),
    x1: await seedRegistration(t, event.id, {
      organisationType: 'association',
      department: '34',
      status: 'cancelled',
      checkedInAt: checkedIn,
      sessions: [{ id: wa, status: 'cancelled' }],
    }),
    // A stale confirmed choice of a cancelled registration holds no seat.
    x2: await seedRegistration(t, event.id, { organisationType: 'entreprise', department: '30', status: 'cancelled', attendanceMode: 'online', sessions: [{ id: wb }] }),
  };
  const themeChoices: Record<string, number> = { sante: 4, participation: 2, insertion_emploi: 1 };
  // Needs count confirmed registrants only (w1, waiting, asks for LSF and travel support: not counted).
  const needs = (counts: Record<string, number>, travelSupport: number) => ({
    accessibility: ACCESSIBILITY_NEEDS.map((n) => ({ code: n.code, label: n.label, confirmed: counts[n.code] ?? 0 })),
    travelSupport,
  });
  const expected = {
    registrations: { confirmed: 4, waitlisted: 2, cancelled: 2 },
    byAttendanceMode: { onsite: { confirmed: 3, waitlisted: 1 }, online: { confirmed: 1, waitlisted: 1 } },
    byOrganisationType: [
      { code: 'etat', label: 'Services de l’État', confirmed: 1 },
      { code: 'collectivite', label: 'Collectivité territoriale', confirmed: 0 },
      { code: 'service_public', label: 'Service public (France Travail, CAF…)', confirmed: 1 },
      { code: 'association', label: 'Association', confirmed: 2 },
      { code: 'partenaire_social', label: 'Partenaire social', confirmed: 0 },
      { code: 'entreprise', label: 'Entreprise', confirmed: 0 },
      { code: 'citoyen', label: 'Citoyen', confirmed: 0 },
      { code: 'personne_concernee', label: 'Personne concernée', confirmed: 0 },
      { code: 'autre', label: 'Autre', confirmed: 0 },
    ],
    byDepartment: [
      { code: '34', label: 'Hérault', occitanie: true, confirmed: 2 },
      { code: '31', label: 'Haute-Garonne', occitanie: true, confirmed: 1 },
      { code: null, label: 'Non renseigné', occitanie: false, confirmed: 1 },
    ],
    byTheme: THEMES.map((theme) => ({ code: theme.code, label: theme.label, choices: themeChoices[theme.code] ?? 0 })),
    sessions: [
      { sessionId: wa, title: 'Atelier A : santé et participation', capacity: 3, confirmed: 2, waitlisted: 1, needs: needs({ wheelchair: 1, easy_read: 1 }, 1), fillRate: 0.667 },
      { sessionId: wb, title: 'Atelier B : santé', capacity: 20, confirmed: 2, waitlisted: 0, needs: needs({ wheelchair: 2, easy_read: 1 }, 1), fillRate: 0.1 },
      { sessionId: wc, title: 'Atelier C : emploi', capacity: null, confirmed: 1, waitlisted: 1, needs: needs({}, 0), fillRate: null },
    ],
    needs: needs({ wheelchair: 2, easy_read: 1 }, 1),
    quotas: [],
    checkIn: { checkedIn: 2, expected: 3, rate: 0.667 },
  };
  return { event, regs, workshops: { wa, wb, wc }, expected };
}

/** The outbox rows of an event, oldest first. */
export async function outboxRows(
  t: TestApp,
  eventId: string,
): Promise<Array<{ registration_id: string; reason: string; recipient: string; status: string; payload: Record<string, any> }>> {
  return t.dataSource.query(
    `SELECT m.registration_id, m.reason, r.email AS recipient, m.status, m.payload
     FROM outgoing_mail m JOIN registration r ON r.id = m.registration_id WHERE m.event_id = $1 ORDER BY m.created_at, m.reason`,
    [eventId],
  );
}

/** Confirmed and waitlisted counts straight from the table. */
export async function countsByStatus(t: TestApp, eventId: string, mode?: string): Promise<Record<string, number>> {
  const rows: Array<{ status: string; n: number }> = await t.dataSource.query(
    `SELECT status, count(*)::int AS n FROM registration WHERE event_id = $1 AND ($2::text IS NULL OR attendance_mode = $2) GROUP BY status`,
    [eventId, mode ?? null],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
