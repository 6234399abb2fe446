import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../../common/sql-rows';

/** The events whose kept seats are due to go back to everyone. */
@Injectable()
export class QuotaReleaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Published events with quotas, past their release date, not yet released (oldest first). */
  async findDue(now: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM event
       WHERE quotas <> '[]'::jsonb AND quotas_released_at IS NULL AND quotas_release_at <= $1 AND status = 'published'
       ORDER BY quotas_release_at, id LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Sets the release once: false when it was already set (the event row must be locked). */
  async markReleased(eventId: string, now: Date, manager: EntityManager): Promise<boolean> {
    const result: unknown = await manager.query(`UPDATE event SET quotas_released_at = $2 WHERE id = $1 AND quotas_released_at IS NULL RETURNING id`, [eventId, now]);
    return rowsOf(result).length === 1;
  }
}
