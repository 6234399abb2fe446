import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Event, EventStatus } from './event.entity';
import { EventSeats, NO_SEATS_TAKEN } from './event-seats';

export interface EventFilter {
  statuses: EventStatus[];
  endingAfter?: Date;
  startingBefore?: Date;
  kind?: string;
  theme?: string;
  department?: string;
  q?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Event);
  }

  findById(id: string, manager?: EntityManager): Promise<Event | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findBySlug(slug: string): Promise<Event | null> {
    return this.repo().findOneBy({ slug });
  }

  /** The event row locked for the rest of the transaction: serialises edits that depend on it. */
  lockById(id: string, manager: EntityManager): Promise<Event | null> {
    return this.repo(manager).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
  }

  async slugsStartingWith(base: string, manager?: EntityManager): Promise<Set<string>> {
    const rows: { slug: string }[] = await (manager ?? this.dataSource.manager).query(`SELECT slug FROM event WHERE slug = $1 OR slug LIKE $2`, [
      base,
      `${base.replace(/[\\%_]/g, '\\$&')}-%`,
    ]);
    return new Set(rows.map((r) => r.slug));
  }

  insert(values: Partial<Event>, manager: EntityManager): Promise<Event> {
    const repo = this.repo(manager);
    return repo.save(repo.create(values));
  }

  save(event: Event, manager: EntityManager): Promise<Event> {
    return this.repo(manager).save(event);
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  async list(filter: EventFilter): Promise<{ items: Event[]; total: number }> {
    const qb = this.repo().createQueryBuilder('e').where('e.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.endingAfter) qb.andWhere('e.ends_at > :endingAfter', { endingAfter: filter.endingAfter });
    if (filter.startingBefore) qb.andWhere('e.starts_at < :startingBefore', { startingBefore: filter.startingBefore });
    if (filter.kind) qb.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter.theme) qb.andWhere(':theme = ANY(e.themes)', { theme: filter.theme });
    if (filter.department) qb.andWhere(':department = ANY(e.departments)', { department: filter.department });
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
      qb.andWhere(`(fold(e.title) LIKE fold(:q) OR fold(coalesce(e.description, '')) LIKE fold(:q) OR fold(coalesce(e.venue->>'city', '')) LIKE fold(:q))`, { q: pattern });
    }
    const [items, total] = await qb.orderBy('e.starts_at', 'ASC').addOrderBy('e.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }

  /**
   * Seats taken, waiting lists, general seats left and kept seats per event and mode, as the seat
   * rule (seat_state, quota_usage: migration 1764370000110) counts them at `now`.
   */
  async seatsFor(eventIds: string[], now: Date): Promise<Map<string, EventSeats>> {
    const seats = new Map<string, EventSeats>(eventIds.map((id) => [id, { onsite: { ...NO_SEATS_TAKEN.onsite }, online: { ...NO_SEATS_TAKEN.online }, quotas: [] }]));
    if (eventIds.length === 0) return seats;
    const rows: Array<{
      eventId: string;
      mode: 'onsite' | 'online';
      confirmed: number;
      waitlisted: number;
      seatsLeft: number | null;
      quotas: Array<{ organisationType: string; seats: number; taken: number }>;
      hold: boolean;
    }> = await this.dataSource.query(
      `SELECT e.id AS "eventId", m.mode, coalesce(t.confirmed, 0) AS confirmed, coalesce(t.waitlisted, 0) AS waitlisted,
         s.general_left AS "seatsLeft", quotas_hold(e, $2) AS hold,
         (SELECT coalesce(json_agg(json_build_object('organisationType', u.organisation_type, 'seats', u.seats, 'taken', u.taken)), '[]')
          FROM quota_usage(e, m.mode) u) AS quotas
       FROM event e CROSS JOIN unnest(ARRAY['onsite', 'online']) AS m(mode)
       LEFT JOIN registration_tally t ON t.event_id = e.id AND t.attendance_mode = m.mode
       CROSS JOIN LATERAL seat_state(e, m.mode, $2) s
       WHERE e.id = ANY($1::uuid[])`,
      [eventIds, now],
    );
    for (const row of rows) {
      const event = seats.get(row.eventId)!;
      event[row.mode] = { seatsTaken: row.confirmed, waitlistLength: row.waitlisted, seatsLeft: row.seatsLeft };
      for (const q of row.quotas) event.quotas.push({ ...q, attendanceMode: row.mode, left: row.hold ? q.seats - q.taken : 0 });
    }
    return seats;
  }
}
