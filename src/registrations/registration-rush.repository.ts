import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OutboxMessage } from '../notifications/outbox.repository';
import type { InsertedRegistration, NewRegistration } from './registrations.repository';

/** Markers in the pre-rendered messages that the statement fills in once the seats are decided. */
export const POSITION_MARK = '\u0001position\u0001';
export const WORKSHOPS_MARK = '\u0001workshops\u0001';

export interface RushRequest {
  registration: NewRegistration;
  /** What the pre-read saw; the statement re-checks it under the lock. */
  eventFormat: string;
  now: Date;
  /** Chosen workshops, in the order their lines appear in the messages. */
  workshops: Array<{ sessionId: string; textLine: string; htmlLine: string }>;
  statusLabels: { confirmed: string; waitlisted: string };
  confirmed: OutboxMessage;
  waitlisted: OutboxMessage;
}

/** One parameter per argument of register_attendee (migration 1764370000040), in its order. */
const REGISTER = `SELECT status, "position", sessions FROM register_attendee(${Array.from({ length: 32 }, (_, i) => `$${i + 1}`).join(', ')})`;

/**
 * The registration rush path: the whole transaction (lock the event row, decide, insert the
 * registration, its choices and its outbox row) is one call of the register_attendee function,
 * sent as ONE parameterised statement outside any explicit transaction. It runs in its own
 * implicit transaction, so the event lock is held only for the server's own work, never across
 * network or event-loop round trips. Each statement of the function gets a fresh snapshot (READ
 * COMMITTED), so what the decision reads after the lock is exact.
 * Returns null when the event no longer matches what the caller pre-read (closed, cancelled,
 * changed format, a session no longer a workshop of it, two chosen workshops now overlapping):
 * the caller then takes the fully checked path.
 */
@Injectable()
export class RegistrationRushRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async register(req: RushRequest): Promise<InsertedRegistration | null> {
    const r = req.registration;
    const rows: Array<{ status: 'confirmed' | 'waitlisted'; position: number; sessions: InsertedRegistration['sessions'] }> =
      await this.dataSource.query(REGISTER, [
        r.id, r.eventId, r.firstName, r.lastName, r.email, r.organisation, r.organisationType, r.jobTitle, r.department,
        r.attendanceMode, r.accessibilityNeeds, r.dietaryRequirements, r.photoConsent, r.manageTokenHash, r.checkInCode,
        req.now, req.eventFormat,
        req.workshops.map((w) => w.sessionId), req.workshops.map((w) => w.textLine), req.workshops.map((w) => w.htmlLine),
        req.statusLabels.confirmed, req.statusLabels.waitlisted, req.confirmed.recipient,
        req.confirmed.subject, req.waitlisted.subject, req.confirmed.html, req.waitlisted.html,
        req.confirmed.text, req.waitlisted.text, JSON.stringify(req.confirmed.attachments ?? []),
        POSITION_MARK, WORKSHOPS_MARK,
      ]);
    const row = rows[0];
    if (!row) return null;
    return { status: row.status, waitlistPosition: row.status === 'waitlisted' ? row.position : null, sessions: row.sessions };
  }
}
