import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Registration, RegistrationStatus } from '../registration.entity';
import type { SessionChoiceStatus } from '../session-choice.entity';

/** A registration as organisers read it: the row plus its current waiting-list rank. */
export interface AdminRegistrationRow extends Registration {
  /** 1 = next to be confirmed; null unless waitlisted. */
  waitlistPosition: number | null;
}

export interface ChosenSession {
  registrationId: string;
  sessionId: string;
  title: string;
  status: SessionChoiceStatus;
}

export interface RegistrationFilter {
  status?: RegistrationStatus;
  organisationType?: string;
  department?: string;
  sessionId?: string;
  q?: string;
}

export interface CheckInRow {
  id: string;
  firstName: string;
  lastName: string;
  organisation: string | null;
  status: RegistrationStatus;
  checkedInAt: Date | null;
}

/** Every column under its entity property name, so raw rows read like entities. */
export const REGISTRATION_COLUMNS = `
  r.id, r.event_id AS "eventId", r.first_name AS "firstName", r.last_name AS "lastName", r.email,
  r.organisation, r.organisation_type AS "organisationType", r.job_title AS "jobTitle", r.department,
  r.attendance_mode AS "attendanceMode", r.accessibility_needs AS "accessibilityNeeds", r.accessibility, r.travel_support AS "travelSupport",
  r.dietary_requirements AS "dietaryRequirements", r.consent_at AS "consentAt", r.photo_consent AS "photoConsent",
  r.photo_consent_at AS "photoConsentAt", r.status, r.waitlist_seq AS "waitlistSeq",
  r.manage_token_hash AS "manageTokenHash", r.check_in_code AS "checkInCode", r.checked_in_at AS "checkedInAt",
  r.confirmed_at AS "confirmedAt", r.cancelled_at AS "cancelledAt", r.anonymised_at AS "anonymisedAt",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

/**
 * Current rank on each waiting list of the event (one list per attendance mode, FIFO by
 * waitlist_seq). Computed over the whole event so that filtering never changes a rank.
 */
export const WAITLIST_RANKS = `
  ranks AS (
    SELECT id, row_number() OVER (PARTITION BY attendance_mode ORDER BY waitlist_seq)::int AS position
    FROM registration WHERE event_id = $1 AND status = 'waitlisted'
  )`;

/** Stable order for lists and exports, as on a sign-in sheet: folded last name, first name (see migration …030). */
export const REGISTRATION_ORDER = `r.sort_name, r.created_at, r.id`;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, '\\$&');

/** WHERE clause for an event's registrations; `$1` is the event id. */
function whereFor(filter: RegistrationFilter & { id?: string }, params: unknown[]): string {
  const clauses = ['r.event_id = $1'];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.id) clauses.push(`r.id = ${param(filter.id)}`);
  if (filter.status) clauses.push(`r.status = ${param(filter.status)}`);
  if (filter.organisationType) clauses.push(`r.organisation_type = ${param(filter.organisationType)}`);
  if (filter.department) clauses.push(`r.department = ${param(filter.department)}`);
  if (filter.sessionId) {
    clauses.push(`EXISTS (SELECT 1 FROM session_choice sc WHERE sc.registration_id = r.id AND sc.session_id = ${param(filter.sessionId)} AND sc.status <> 'cancelled')`);
  }
  const q = filter.q?.trim();
  if (q) {
    // search_text holds both name orders, the email and the organisation, folded once on write.
    clauses.push(`r.search_text LIKE fold(${param(`%${escapeLike(q)}%`)})`);
  }
  return clauses.join(' AND ');
}

const toRow = (raw: Record<string, unknown>) => raw as unknown as AdminRegistrationRow;

/** Organisers' reads and the check-in write on registrations. */
@Injectable()
export class AdminRegistrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(eventId: string, filter: RegistrationFilter, limit: number, offset: number): Promise<{ rows: AdminRegistrationRow[]; total: number }> {
    const params: unknown[] = [eventId];
    const where = whereFor(filter, params);
    const [{ total }] = await this.dataSource.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM registration r WHERE ${where}`, params);
    if (total === 0 || offset >= total) return { rows: [], total };
    const raw = await this.dataSource.query<Record<string, unknown>[]>(
      `WITH ${WAITLIST_RANKS}
       SELECT ${REGISTRATION_COLUMNS}, ranks.position AS "waitlistPosition"
       FROM registration r LEFT JOIN ranks ON ranks.id = r.id
       WHERE ${where}
       ORDER BY ${REGISTRATION_ORDER}
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { rows: raw.map(toRow), total };
  }

  async findInEvent(eventId: string, id: string): Promise<AdminRegistrationRow | null> {
    const params: unknown[] = [eventId];
    const where = whereFor({ id }, params);
    const raw = await this.dataSource.query<Record<string, unknown>[]>(
      `WITH ${WAITLIST_RANKS}
       SELECT ${REGISTRATION_COLUMNS}, ranks.position AS "waitlistPosition"
       FROM registration r LEFT JOIN ranks ON ranks.id = r.id
       WHERE ${where}`,
      params,
    );
    return raw.length ? toRow(raw[0]) : null;
  }

  /** The workshops chosen by these registrations, in programme order. */
  async sessionsOf(registrationIds: string[]): Promise<Map<string, ChosenSession[]>> {
    const bySession = new Map<string, ChosenSession[]>(registrationIds.map((id) => [id, []]));
    if (registrationIds.length === 0) return bySession;
    const rows = await this.dataSource.query<ChosenSession[]>(
      `SELECT sc.registration_id AS "registrationId", sc.session_id AS "sessionId", s.title, sc.status
       FROM session_choice sc JOIN session s ON s.id = sc.session_id
       WHERE sc.registration_id = ANY($1::uuid[])
       ORDER BY s.starts_at, s.title, s.id`,
      [registrationIds],
    );
    for (const row of rows) bySession.get(row.registrationId)?.push(row);
    return bySession;
  }

  /**
   * Marks a confirmed registration present, once. Concurrent scans of one code queue on the
   * row lock; the losers see `checked_in_at` already set and update nothing.
   */
  async markCheckedIn(eventId: string, code: string, at: Date, manager?: EntityManager): Promise<CheckInRow | null> {
    const [rows] = await (manager ?? this.dataSource.manager).query<[CheckInRow[], number]>(
      `UPDATE registration SET checked_in_at = $3, updated_at = $3
       WHERE event_id = $1 AND check_in_code = $2 AND status = 'confirmed' AND checked_in_at IS NULL
       RETURNING id, first_name AS "firstName", last_name AS "lastName", organisation, status, checked_in_at AS "checkedInAt"`,
      [eventId, code, at],
    );
    return rows[0] ?? null;
  }

  async findByCheckInCode(eventId: string, code: string): Promise<CheckInRow | null> {
    const rows: CheckInRow[] = await this.dataSource.query(
      `SELECT id, first_name AS "firstName", last_name AS "lastName", organisation, status, checked_in_at AS "checkedInAt"
       FROM registration WHERE event_id = $1 AND check_in_code = $2`,
      [eventId, code],
    );
    return rows[0] ?? null;
  }
}
