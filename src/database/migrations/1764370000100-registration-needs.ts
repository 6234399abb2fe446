import { MigrationInterface, QueryRunner } from 'typeorm';
import { REGISTER_ATTENDEE } from './register-attendee-baseline';

const CODES = `ARRAY['lsf', 'captions', 'wheelchair', 'induction_loop', 'easy_read', 'companion', 'quiet_room']::text[]`;

/** register_attendee of 1764370000050, writing the two new columns as well. */
export function withNeeds(fn: string): string {
  const columns = 'attendance_mode, accessibility_needs, dietary_requirements,';
  const values = 'r.attendance_mode, r.accessibility_needs, r.dietary_requirements,';
  if (!fn.includes(columns) || !fn.includes(values)) throw new Error('register_attendee has changed: rewrite this migration');
  return fn
    .replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')
    .replace(columns, 'attendance_mode, accessibility_needs, accessibility, travel_support, dietary_requirements,')
    .replace(values, `r.attendance_mode, r.accessibility_needs, coalesce(r.accessibility, '{}'), coalesce(r.travel_support, false), r.dietary_requirements,`);
}

/**
 * Needs organisers can act on: structured accessibility codes (easy_read among them, which also
 * selects the easy-to-read messages) and whether travel support is asked for, beside the free text.
 */
export class RegistrationNeeds1764370000100 implements MigrationInterface {
  name = 'RegistrationNeeds1764370000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration
      ADD COLUMN accessibility text[] NOT NULL DEFAULT '{}' CONSTRAINT registration_accessibility_codes CHECK (accessibility <@ ${CODES}),
      ADD COLUMN travel_support boolean NOT NULL DEFAULT false`);
    await q.query(withNeeds(REGISTER_ATTENDEE));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(REGISTER_ATTENDEE.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await q.query(`ALTER TABLE registration DROP COLUMN accessibility, DROP COLUMN travel_support`);
  }
}
