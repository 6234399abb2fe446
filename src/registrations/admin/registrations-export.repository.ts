import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ExportRow } from './registration-csv';
import { REGISTRATION_ORDER, WAITLIST_RANKS } from './admin-registrations.repository';

const EXPORT_QUERY = `
  WITH ${WAITLIST_RANKS}
  SELECT r.last_name AS "lastName", r.first_name AS "firstName", r.email, r.organisation, r.job_title AS "jobTitle",
    r.organisation_type AS "organisationType", r.department, r.attendance_mode AS "attendanceMode", r.status,
    ranks.position AS "waitlistPosition",
    (SELECT coalesce(json_agg(json_build_object('title', s.title, 'status', sc.status) ORDER BY s.starts_at, s.title, s.id), '[]')
       FROM session_choice sc JOIN session s ON s.id = sc.session_id
       WHERE sc.registration_id = r.id AND sc.status <> 'cancelled') AS sessions,
    r.accessibility_needs AS "accessibilityNeeds", r.accessibility, r.travel_support AS "travelSupport", r.dietary_requirements AS "dietaryRequirements",
    r.photo_consent AS "photoConsent", r.created_at AS "createdAt", r.checked_in_at AS "checkedInAt"
  FROM registration r LEFT JOIN ranks ON ranks.id = r.id
  WHERE r.event_id = $1
  ORDER BY ${REGISTRATION_ORDER}`;

@Injectable()
export class RegistrationsExportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every registration of the event, in batches read from a server-side cursor: thousands of
   * rows never sit in memory at once, and the whole export is one consistent snapshot.
   * Stopping the iteration early (client gone) closes the cursor and frees the connection.
   */
  async *batches(eventId: string, batchSize = 500): AsyncGenerator<ExportRow[]> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await runner.query(`DECLARE registration_export NO SCROLL CURSOR FOR ${EXPORT_QUERY}`, [eventId]);
      for (;;) {
        const rows = (await runner.query(`FETCH FORWARD ${Number(batchSize)} FROM registration_export`)) as ExportRow[];
        if (rows.length > 0) yield rows;
        if (rows.length < batchSize) break;
      }
    } finally {
      try {
        await runner.query('ROLLBACK');
      } finally {
        await runner.release();
      }
    }
  }
}
