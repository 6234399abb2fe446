import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProgrammeMemory } from './programme-view/programme-memory';

/** The per-event programme counter (see the baseline migration): every programme write bumps it. */
@Injectable()
export class ProgrammeRevisionsRepository {
  constructor(private readonly memory: ProgrammeMemory) {}

  /**
   * Call inside the transaction of the change, so the bump commits (or rolls back) with it, and
   * LAST: an insert's foreign-key check takes a share lock on the event row, which must not be
   * awaited while holding this counter's row (a session edit holds the event and bumps last too).
   */
  async bump(eventId: string, manager: EntityManager): Promise<void> {
    // This instance reads its own write at once, before the notification of the commit arrives.
    this.memory.writing(eventId);
    await manager.query(
      `INSERT INTO programme_revision AS p (event_id, revision) VALUES ($1, 1)
       ON CONFLICT (event_id) DO UPDATE SET revision = p.revision + 1`,
      [eventId],
    );
  }
}
