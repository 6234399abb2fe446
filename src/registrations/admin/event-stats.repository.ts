import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AttendanceMode, RegistrationStatus } from '../registration.entity';

export interface StatusModeCount {
  status: RegistrationStatus;
  mode: AttendanceMode;
  count: number;
  checkedIn: number;
}

export interface KeyCount {
  code: string | null;
  count: number;
}

export interface NeedCount {
  /** null: the whole event. */
  sessionId: string | null;
  /** An accessibility code, or `travel_support`. */
  code: string;
  count: number;
}

export interface SessionCount {
  sessionId: string;
  title: string;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
}

/** The grouped counts behind an event's figures: one query per breakdown, never one per row. */
@Injectable()
export class EventStatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** All figures from one snapshot, so that they add up with each other. */
  inSnapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', work);
  }

  countByStatusAndMode(eventId: string, manager: EntityManager): Promise<StatusModeCount[]> {
    return manager.query(
      `SELECT status, attendance_mode AS mode, count(*)::int AS count, count(checked_in_at)::int AS "checkedIn"
       FROM registration WHERE event_id = $1 GROUP BY status, attendance_mode`,
      [eventId],
    );
  }

  confirmedByOrganisationType(eventId: string, manager: EntityManager): Promise<KeyCount[]> {
    return manager.query(
      `SELECT organisation_type AS code, count(*)::int AS count
       FROM registration WHERE event_id = $1 AND status = 'confirmed' GROUP BY organisation_type`,
      [eventId],
    );
  }

  confirmedByDepartment(eventId: string, manager: EntityManager): Promise<KeyCount[]> {
    return manager.query(
      `SELECT department AS code, count(*)::int AS count
       FROM registration WHERE event_id = $1 AND status = 'confirmed' GROUP BY department`,
      [eventId],
    );
  }

  /** A workshop with several themes counts once for each of them. */
  confirmedChoicesByTheme(eventId: string, manager: EntityManager): Promise<KeyCount[]> {
    return manager.query(
      `SELECT theme AS code, count(*)::int AS count
       FROM session_choice sc
       JOIN registration r ON r.id = sc.registration_id
       JOIN session s ON s.id = sc.session_id
       CROSS JOIN LATERAL unnest(s.themes) AS theme
       WHERE r.event_id = $1 AND r.status = 'confirmed' AND sc.status = 'confirmed'
       GROUP BY theme`,
      [eventId],
    );
  }

  /** Seats held per workshop (choices of registrations that are not cancelled), with the effective capacity. */
  workshopFill(eventId: string, manager: EntityManager): Promise<SessionCount[]> {
    return manager.query(
      `SELECT s.id AS "sessionId", s.title, coalesce(s.capacity, room.capacity) AS capacity,
         count(r.id) FILTER (WHERE sc.status = 'confirmed')::int AS confirmed,
         count(r.id) FILTER (WHERE sc.status = 'waitlisted')::int AS waitlisted
       FROM session s
       LEFT JOIN room ON room.id = s.room_id
       LEFT JOIN session_choice sc ON sc.session_id = s.id
       LEFT JOIN registration r ON r.id = sc.registration_id AND r.status <> 'cancelled'
       WHERE s.event_id = $1 AND s.type = 'workshop'
       GROUP BY s.id, room.capacity
       ORDER BY s.starts_at, s.title, s.id`,
      [eventId],
    );
  }

  /**
   * Needs of confirmed registrants: per accessibility code and for travel support, for the whole
   * event (`sessionId` null) and per workshop (confirmed choices).
   */
  confirmedNeeds(eventId: string, manager: EntityManager): Promise<NeedCount[]> {
    return manager.query(
      `WITH confirmed AS (
         SELECT id, accessibility || CASE WHEN travel_support THEN ARRAY['travel_support'] ELSE '{}'::text[] END AS needs
         FROM registration WHERE event_id = $1 AND status = 'confirmed'
       )
       SELECT NULL::uuid AS "sessionId", need AS code, count(*)::int AS count
       FROM confirmed CROSS JOIN LATERAL unnest(needs) AS need GROUP BY need
       UNION ALL
       SELECT sc.session_id, need, count(*)::int
       FROM confirmed r JOIN session_choice sc ON sc.registration_id = r.id AND sc.status = 'confirmed'
       CROSS JOIN LATERAL unnest(r.needs) AS need GROUP BY sc.session_id, need`,
      [eventId],
    );
  }

  /** Confirmed registrants' needs stated in their own words, grouped by their text (case and spaces folded), most frequent first. */
  statedNeeds(eventId: string): Promise<StatedNeed[]> {
    return this.dataSource.query(
      `SELECT kind, min(text) AS text, count(*)::int AS count FROM (
         SELECT 'accessibility' AS kind, btrim(accessibility_needs) AS text FROM registration
         WHERE event_id = $1 AND status = 'confirmed' AND btrim(coalesce(accessibility_needs, '')) <> ''
         UNION ALL
         SELECT 'dietary', btrim(dietary_requirements) FROM registration
         WHERE event_id = $1 AND status = 'confirmed' AND btrim(coalesce(dietary_requirements, '')) <> ''
       ) needs GROUP BY kind, lower(regexp_replace(text, '\\s+', ' ', 'g')) ORDER BY kind, count(*) DESC, min(text)`,
      [eventId],
    );
  }

  /** Per workshop: how many of its confirmed participants stated an accessibility need, a dietary requirement. */
  workshopNeeds(eventId: string): Promise<SessionNeeds[]> {
    return this.dataSource.query(
      `SELECT s.id AS "sessionId", s.title,
         count(r.id)::int AS confirmed,
         count(r.id) FILTER (WHERE btrim(coalesce(r.accessibility_needs, '')) <> '')::int AS accessibility,
         count(r.id) FILTER (WHERE btrim(coalesce(r.dietary_requirements, '')) <> '')::int AS dietary
       FROM session s
       LEFT JOIN session_choice sc ON sc.session_id = s.id AND sc.status = 'confirmed'
       LEFT JOIN registration r ON r.id = sc.registration_id AND r.status = 'confirmed'
       WHERE s.event_id = $1 AND s.type = 'workshop'
       GROUP BY s.id ORDER BY s.starts_at, s.title, s.id`,
      [eventId],
    );
  }
}

export interface StatedNeed {
  kind: 'accessibility' | 'dietary';
  text: string;
  count: number;
}

export interface SessionNeeds {
  sessionId: string;
  title: string;
  confirmed: number;
  accessibility: number;
  dietary: number;
}
