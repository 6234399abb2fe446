import { generateCheckInCode, generateManageToken, hashManageToken } from '../../src/registrations/manage-token';
import type { TestApp } from './test-app';

/**
 * Rows written straight into the real database, for tests of the organisers' side that must
 * not depend on the public registration flow (and to build exact data sets for the figures).
 */

let counter = 0;

export interface InsertedRegistration {
  id: string;
  checkInCode: string;
  manageToken: string;
  email: string;
}

export interface RegistrationRow {
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

export async function insertRegistration(t: TestApp, eventId: string, row: RegistrationRow = {}): Promise<InsertedRegistration> {
  const n = ++counter;
  const status = row.status ?? 'confirmed';
  const manageToken = generateManageToken();
  const checkInCode = generateCheckInCode();
  const email = row.email ?? `personne${n}@exemple.test`;
  const createdAt = row.createdAt ?? new Date(Date.UTC(2026, 10, 1, 9, 0, n % 60));
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO registration (event_id, first_name, last_name, email, organisation, organisation_type, job_title, department,
       attendance_mode, accessibility_needs, dietary_requirements, consent_at, photo_consent, photo_consent_at, status, waitlist_seq,
       manage_token_hash, check_in_code, checked_in_at, confirmed_at, cancelled_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CASE WHEN $13 THEN $12::timestamptz END, $14,
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
    ],
  );
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

export async function insertRoom(t: TestApp, eventId: string, name: string, capacity: number | null): Promise<string> {
  const [{ id }] = await t.dataSource.query(`INSERT INTO room (event_id, name, capacity) VALUES ($1, $2, $3) RETURNING id`, [eventId, name, capacity]);
  return id;
}

export interface WorkshopRow {
  title: string;
  startsAt: string | Date;
  endsAt: string | Date;
  capacity?: number | null;
  roomId?: string | null;
  themes?: string[];
  type?: string;
}

/** A session (a workshop unless `type` says otherwise). */
export async function insertWorkshop(t: TestApp, eventId: string, row: WorkshopRow): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO session (event_id, title, type, starts_at, ends_at, room_id, themes, capacity) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [eventId, row.title, row.type ?? 'workshop', new Date(row.startsAt), new Date(row.endsAt), row.roomId ?? null, row.themes ?? [], row.capacity ?? null],
  );
  return id;
}

/** An outbox row addressed to a registrant. */
export async function insertMail(t: TestApp, eventId: string, registrationId: string | null, recipient: string, reason: string, status = 'sent'): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO outgoing_mail (event_id, registration_id, recipient, reason, subject, html, text, status)
     VALUES ($1, $2, $3, $4, 'Votre inscription', '<p>Bonjour</p>', 'Bonjour', $5) RETURNING id`,
    [eventId, registrationId, recipient, reason, status],
  );
  return id;
}
