import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A fact to tell a registrant: who, about which event, why, and what the database will not know later. */
export interface OutboxFact {
  eventId: string;
  registrationId: string;
  /** With registrationId, the key that keeps a message from being written twice. */
  reason: string;
  payload?: Record<string, unknown>;
}

/** The channel every instance listens on: a commit that queued mail wakes the workers at once. */
export const OUTBOX_CHANNEL = 'rencontres_outbox';

/** Edits of one session within this window are told in one message (what was last told → now). */
export const SESSION_CHANGE_WINDOW_MS = 3 * 60_000;

/** The outbox table, written inside the caller's transaction, never on its own. */
@Injectable()
export class OutboxRepository {
  /**
   * Inserts the facts in one statement and wakes the workers at commit. A (registration, reason)
   * already in the outbox is skipped: what was said once is not said again. Returns how many rows
   * were written.
   */
  async insertMany(facts: OutboxFact[], now: Date, manager: EntityManager): Promise<number> {
    if (facts.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO outgoing_mail (event_id, registration_id, reason, payload, next_attempt_at, created_at, updated_at)
       SELECT f.event_id, f.registration_id, f.reason, f.payload, $5, $5, $5
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[]) AS f(event_id, registration_id, reason, payload)
       ON CONFLICT (registration_id, reason) DO NOTHING
       RETURNING id`,
      [facts.map((f) => f.eventId), facts.map((f) => f.registrationId), facts.map((f) => f.reason), facts.map((f) => JSON.stringify(f.payload ?? {})), now],
    );
    if (rows.length) await this.notify(manager);
    return rows.length;
  }

  /**
   * A session moved: one message per registrant, unless one about this session still waits
   * unclaimed — that one is kept (its payload holds what they were last told) and will say the
   * latest state. Waiting rows are locked first, so a worker cannot claim one in between; a row a
   * worker already holds gets a successor. Delivery waits for the window, to collapse edits.
   */
  async insertSessionChange(eventId: string, sessionId: string, registrationIds: string[], before: Record<string, unknown>, now: Date, manager: EntityManager): Promise<number> {
    if (registrationIds.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `WITH waiting AS (
         SELECT m.registration_id FROM outgoing_mail m
         WHERE m.registration_id = ANY($3::uuid[]) AND m.reason LIKE 'session_changed:' || $2 || ':%'
           AND m.status = 'pending' AND m.attempts = 0 AND (m.lease_until IS NULL OR m.lease_until <= $5)
         FOR UPDATE
       )
       INSERT INTO outgoing_mail (event_id, registration_id, reason, payload, next_attempt_at, created_at, updated_at)
       SELECT $1, r.id, 'session_changed:' || $2 || ':' || (extract(epoch FROM $5::timestamptz) * 1000)::bigint, $4::jsonb,
         $5::timestamptz + $6 * interval '1 millisecond', $5, $5
       FROM unnest($3::uuid[]) AS r(id)
       WHERE r.id NOT IN (SELECT registration_id FROM waiting)
       ON CONFLICT (registration_id, reason) DO NOTHING
       RETURNING id`,
      [eventId, sessionId, registrationIds, JSON.stringify(before), now, SESSION_CHANGE_WINDOW_MS],
    );
    if (rows.length) await this.notify(manager);
    return rows.length;
  }

  /** Delivered at commit (and once per transaction whatever the number of calls). */
  /** The message carrying an organiser's invitation link (rendered at delivery, the token derived then). */
  async insertInvitation(invitationId: string, now: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO outgoing_mail (invitation_id, reason, payload, next_attempt_at, created_at, updated_at)
       VALUES ($1, 'organiser_invitation', '{}', $2, $2, $2)`,
      [invitationId, now],
    );
    await this.notify(manager);
  }

  async notify(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }

  /** Every message addressed to one registration, oldest first (for the personal-data export). */
  findForRegistration(registrationId: string, manager: EntityManager): Promise<Array<{ reason: string; status: string; createdAt: Date; sentAt: Date | null }>> {
    return manager.query(
      `SELECT reason, status, created_at AS "createdAt", sent_at AS "sentAt"
       FROM outgoing_mail WHERE registration_id = $1 ORDER BY created_at, reason`,
      [registrationId],
    );
  }
}
