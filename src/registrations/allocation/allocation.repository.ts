import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../../common/sql-rows';
import type { Assignment, AllocationRegistrant, AllocationWorkshop } from './allocation';

/** What the allocation reads and writes: workshops with their seats left, ranks, the once-only mark. */
@Injectable()
export class AllocationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The event's workshops; a slot is the workshops starting at the same time. Capacity is the seats
   * still free (the workshop's, else its room's, less confirmed choices), null = unlimited.
   */
  async workshops(eventId: string, manager?: EntityManager): Promise<AllocationWorkshop[]> {
    const rows: Array<{ id: string; startsAt: Date; endsAt: Date; capacity: number | null }> = await (manager ?? this.dataSource.manager).query(
      `SELECT s.id, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
              CASE WHEN coalesce(s.capacity, rm.capacity) IS NULL THEN NULL
                   ELSE greatest(0, coalesce(s.capacity, rm.capacity) - coalesce((SELECT t.confirmed FROM session_tally t WHERE t.session_id = s.id), 0))::int END AS capacity
       FROM session s LEFT JOIN room rm ON rm.id = s.room_id
       WHERE s.event_id = $1 AND s.type = 'workshop'`,
      [eventId],
    );
    return rows.map((r) => ({ id: r.id, slot: r.startsAt.toISOString(), capacity: r.capacity, startsAt: r.startsAt.getTime(), endsAt: r.endsAt.getTime() }));
  }

  /** Confirmed registrants and their ranks (only they get workshop seats: the seat rule). */
  async registrants(eventId: string, manager?: EntityManager): Promise<AllocationRegistrant[]> {
    const rows: Array<{ id: string; preferences: Array<{ workshopId: string; rank: number }> }> = await (manager ?? this.dataSource.manager).query(
      `SELECT r.id, json_agg(json_build_object('workshopId', p.session_id, 'rank', p.rank)) AS preferences
       FROM registration r JOIN workshop_preference p ON p.registration_id = r.id
       WHERE r.event_id = $1 AND r.status = 'confirmed'
       GROUP BY r.id`,
      [eventId],
    );
    return rows;
  }

  /** Records the allocation once: false when it was already made (the event row must be locked). */
  async markAllocated(eventId: string, seed: string, now: Date, manager: EntityManager): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE event SET allocation_seed = $2, allocated_at = $3, updated_at = $3
       WHERE id = $1 AND workshop_allocation = 'preferences' AND allocated_at IS NULL RETURNING id`,
      [eventId, seed, now],
    );
    return rowsOf(result).length === 1;
  }

  /** The allocated workshops as confirmed choices. */
  async confirmChoices(assignments: Assignment[], now: Date, manager: EntityManager): Promise<void> {
    if (assignments.length === 0) return;
    await manager.query(
      `INSERT INTO session_choice (registration_id, session_id, status, waitlist_seq, created_at, updated_at)
       SELECT a.registration_id, a.session_id, 'confirmed', NULL, $3, $3
       FROM unnest($1::uuid[], $2::uuid[]) AS a(registration_id, session_id)
       ON CONFLICT (registration_id, session_id) DO UPDATE SET status = 'confirmed', waitlist_seq = NULL, updated_at = $3`,
      [assignments.map((a) => a.registrantId), assignments.map((a) => a.workshopId), now],
    );
  }

  /** Published preferences events past their close date, not yet allocated (oldest first). */
  async findDue(now: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM event
       WHERE workshop_allocation = 'preferences' AND allocated_at IS NULL AND preferences_close_at <= $1 AND status = 'published'
       ORDER BY preferences_close_at, id LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }
}
