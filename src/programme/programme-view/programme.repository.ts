import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SessionType } from '../sessions/session.entity';

export interface ProgrammeRow {
  id: string;
  title: string;
  type: SessionType;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  themes: string[];
  capacity: number | null;
  room: { id: string; name: string; capacity: number | null } | null;
  speakers: { id: string; fullName: string; jobTitle: string | null; organisation: string | null }[];
  /** Selected actions only. */
  actions: { id: string; title: string; organisation: string; departments: string[] }[];
}

/** A row of PROGRAMME_SQL: the row's own columns, and its room, speakers and actions already as JSON. */
type ProgrammeSqlRow = Omit<ProgrammeRow, 'startsAt' | 'endsAt' | 'updatedAt'> & { starts_at: Date; ends_at: Date; updated_at: Date };

/** What changes without the programme itself changing: registrations and workshop choices. */
export interface ProgrammeState {
  /** Bumped by every programme write (see ProgrammeRevisionsRepository); null before the first. */
  revision: string | null;
  hasRegistrations: boolean;
  /** Confirmed choices per session, `id:count` pairs in id order: a cheap key for the seats. */
  confirmedKey: string;
  confirmed: Map<string, number>;
}

/**
 * The whole programme of an event in ONE query, whatever its size: rooms joined, speakers and
 * selected actions aggregated per session inside PostgreSQL. It is the most-read endpoint; a
 * query per session would not survive a conference morning.
 */
const PROGRAMME_SQL = `
  SELECT s.id, s.title, s.type, s.description, s.starts_at, s.ends_at, s.updated_at, s.themes, s.capacity,
         CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('id', r.id, 'name', r.name, 'capacity', r.capacity) END AS room,
         coalesce((SELECT json_agg(json_build_object('id', sp.id, 'fullName', sp.full_name, 'jobTitle', sp.job_title,
                                                    'organisation', sp.organisation) ORDER BY sp.full_name, sp.id)
                     FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id
                    WHERE ss.session_id = s.id), '[]'::json) AS speakers,
         coalesce((SELECT json_agg(json_build_object('id', a.id, 'title', a.title, 'organisation', a.organisation,
                                                    'departments', a.departments) ORDER BY a.title, a.id)
                     FROM session_action sa JOIN highlighted_action a ON a.id = sa.action_id
                    WHERE sa.session_id = s.id AND a.status = 'selected'), '[]'::json) AS actions
    FROM session s
    LEFT JOIN room r ON r.id = s.room_id
   WHERE s.event_id = $1
   ORDER BY s.starts_at, r.name NULLS LAST, s.title, s.id`;

@Injectable()
export class ProgrammeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async programmeOf(eventId: string): Promise<ProgrammeRow[]> {
    const rows = await this.dataSource.query<ProgrammeSqlRow[]>(PROGRAMME_SQL, [eventId]);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      type: r.type,
      description: r.description,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      updatedAt: new Date(r.updated_at),
      themes: r.themes,
      capacity: r.capacity,
      room: r.room,
      speakers: r.speakers,
      actions: r.actions,
    }));
  }

  /** The programme's revision and its seats, in one small query (index-only on session_choice). */
  async stateOf(eventId: string): Promise<ProgrammeState> {
    const [row]: { revision: string | null; has_registrations: boolean; confirmed: string | null }[] = await this.dataSource.query(
      `SELECT (SELECT revision::text FROM programme_revision WHERE event_id = $1) AS revision,
              EXISTS (SELECT 1 FROM registration WHERE event_id = $1) AS has_registrations,
              (SELECT string_agg(c.session_id || ':' || c.n, ',' ORDER BY c.session_id)
                 FROM (SELECT sc.session_id, count(*) AS n FROM session_choice sc JOIN session s ON s.id = sc.session_id
                        WHERE s.event_id = $1 AND sc.status = 'confirmed' GROUP BY sc.session_id) c) AS confirmed`,
      [eventId],
    );
    const confirmedKey = row.confirmed ?? '';
    const confirmed = new Map<string, number>();
    for (const pair of confirmedKey ? confirmedKey.split(',') : []) {
      const [id, n] = pair.split(':');
      confirmed.set(id, Number(n));
    }
    return { revision: row.revision, hasRegistrations: row.has_registrations, confirmedKey, confirmed };
  }

  /** Speakers of the event who speak in no session, by name. */
  speakersWithoutSession(eventId: string): Promise<{ id: string; fullName: string }[]> {
    return this.dataSource.query(
      `SELECT sp.id, sp.full_name AS "fullName" FROM speaker sp
        WHERE sp.event_id = $1 AND NOT EXISTS (SELECT 1 FROM session_speaker ss WHERE ss.speaker_id = sp.id)
        ORDER BY sp.full_name, sp.id`,
      [eventId],
    );
  }
}
