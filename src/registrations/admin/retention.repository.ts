import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** One key for the retention job across every instance sharing the database. */
const RETENTION_LOCK_KEY = 727_274_004;

export interface AnonymisedCounts {
  registrations: number;
  mails: number;
}

@Injectable()
export class RetentionRepository {
  /** true when this transaction now owns the job; false when another instance is running it. */
  async tryLock(manager: EntityManager): Promise<boolean> {
    const [{ locked }] = await manager.query<Array<{ locked: boolean }>>(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RETENTION_LOCK_KEY]);
    return locked === true;
  }

  /**
   * Wipes the personal data of up to `limit` registrations of events that ended before
   * `endedBefore`, and of the emails written to them. What the figures need stays: the structured needs and travel support, organisation
   * type, département, attendance mode, status, check-in time and workshop choices.
   * The manage token is replaced by the hash of nothing anyone holds, so old links stop working;
   * the email becomes unique per row, so the one-active-email-per-event index still holds.
   */
  async anonymiseBatch(endedBefore: Date, now: Date, limit: number, manager: EntityManager): Promise<AnonymisedCounts> {
    const [counts] = await manager.query<AnonymisedCounts[]>(
      `WITH due AS (
         SELECT r.id
         FROM registration r JOIN event e ON e.id = r.event_id
         WHERE r.anonymised_at IS NULL AND e.ends_at <= $1
         ORDER BY r.id
         LIMIT $3
         FOR UPDATE OF r
       ),
       registrations AS (
         UPDATE registration r SET
           first_name = 'Anonyme', last_name = 'Anonyme', email = 'anonyme+' || r.id || '@invalid',
           organisation = NULL, job_title = NULL, accessibility_needs = NULL, dietary_requirements = NULL,
           manage_token_hash = encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'),
           token_version = r.token_version + 1,
           anonymised_at = $2, updated_at = $2
         FROM due WHERE r.id = due.id
         RETURNING r.id
       ),
       mails AS (
         UPDATE outgoing_mail m SET
           payload = '{}',
           status = CASE WHEN m.status IN ('pending', 'failed') THEN 'dead' ELSE m.status END,
           last_error = CASE WHEN m.status IN ('pending', 'failed') THEN 'Anonymisé avant envoi (durée de conservation écoulée)' ELSE NULL END,
           lease_until = NULL
         FROM due
         WHERE m.registration_id = due.id
         RETURNING m.id
       )
       SELECT (SELECT count(*) FROM registrations)::int AS registrations, (SELECT count(*) FROM mails)::int AS mails`,
      [endedBefore, now, limit],
    );
    return counts;
  }
}
