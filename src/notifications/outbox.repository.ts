import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface OutboxMessage {
  eventId: string | null;
  registrationId: string | null;
  recipient: string;
  /** With registrationId, the key that keeps a message from being written twice. */
  reason: string;
  subject: string;
  text: string;
  html: string;
  /** What to attach at delivery, e.g. [{ kind: 'badge' }]. */
  attachments?: Array<Record<string, unknown>>;
}

const COLUMNS = 9;

/** The outbox table: rows are written inside the caller's transaction, never on their own. */
@Injectable()
export class OutboxRepository {
  /**
   * Inserts the messages in one statement. A (registration, reason) already in the outbox is
   * skipped: what was said once is not said again. Returns how many rows were written.
   */
  async insertMany(messages: OutboxMessage[], now: Date, manager: EntityManager): Promise<number> {
    let written = 0;
    // Stay far below PostgreSQL's 65,535 bind parameters per statement.
    for (let start = 0; start < messages.length; start += 1000) {
      const chunk = messages.slice(start, start + 1000);
      const params: unknown[] = [];
      const rows = chunk.map((m, i) => {
        params.push(m.eventId, m.registrationId, m.recipient, m.reason, m.subject, m.html, m.text, JSON.stringify(m.attachments ?? []), now);
        const b = i * COLUMNS;
        return `($${b + 1}::uuid, $${b + 2}::uuid, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}::jsonb, $${b + 9}::timestamptz, $${b + 9}::timestamptz)`;
      });
      const result: unknown[] = await manager.query(
        `INSERT INTO outgoing_mail (event_id, registration_id, recipient, reason, subject, html, text, attachments, next_attempt_at, created_at)
         VALUES ${rows.join(', ')}
         ON CONFLICT (registration_id, reason) WHERE registration_id IS NOT NULL DO NOTHING
         RETURNING id`,
        params,
      );
      written += result.length;
    }
    return written;
  }

  /** Every message addressed to one registration, oldest first (for the personal-data export). */
  findForRegistration(
    registrationId: string,
    manager: EntityManager,
  ): Promise<Array<{ reason: string; recipient: string; subject: string; text: string; status: string; createdAt: Date; sentAt: Date | null }>> {
    return manager.query(
      `SELECT reason, recipient, subject, text, status, created_at AS "createdAt", sent_at AS "sentAt"
       FROM outgoing_mail WHERE registration_id = $1 ORDER BY created_at, reason`,
      [registrationId],
    );
  }
}
