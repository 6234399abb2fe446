import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventsRepository } from '../../events/events.repository';
import { modesOf } from '../registration-rules';
import { WaitlistService } from '../waitlist.service';
import { QuotaReleaseRepository } from './quota-release.repository';

const BATCH = 100;

export interface QuotaReleaseRun {
  /** Events whose kept seats this call released. */
  released: string[];
  /** Registrations promoted from the waiting lists, in order. */
  promoted: string[];
}

/**
 * At `quotasReleaseAt`, kept seats not taken go back to everyone and the waiting lists are promoted
 * in order, once: each event is released in its own transaction under its row lock, and
 * `quotas_released_at` is set only if it was not (a second instance doing the same waits for the
 * lock, then finds it set and does nothing).
 */
@Injectable()
export class QuotaReleaseService {
  private readonly logger = new Logger('Quotas');

  constructor(
    private readonly releases: QuotaReleaseRepository,
    private readonly events: EventsRepository,
    private readonly waitlist: WaitlistService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async releaseDue(now: Date): Promise<QuotaReleaseRun> {
    const run: QuotaReleaseRun = { released: [], promoted: [] };
    for (const eventId of await this.releases.findDue(now, BATCH)) {
      const promoted = await this.dataSource.transaction(async (manager) => {
        const event = await this.events.lockById(eventId, manager);
        if (!event || event.status !== 'published') return null;
        if (!(await this.releases.markReleased(eventId, now, manager))) return null;
        const ids: string[] = [];
        for (const mode of modesOf(event.format)) ids.push(...(await this.waitlist.promoteEvent(event, mode, manager)));
        return ids;
      });
      if (!promoted) continue;
      run.released.push(eventId);
      run.promoted.push(...promoted);
    }
    // Counts only: never a name in the logs.
    if (run.released.length) this.logger.log(`Released kept seats of ${run.released.length} events; ${run.promoted.length} promoted`);
    return run;
  }
}
