import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { RetentionRepository } from './retention.repository';

const DAY_MS = 24 * 3600 * 1000;
const BATCH_SIZE = 1000;

export interface RetentionRun {
  /** false when another instance held the job. */
  ran: boolean;
  registrations: number;
  mails: number;
}

/** Personal data is kept `RETENTION_DAYS` after an event ends, then anonymised. */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly retention: RetentionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Anonymises every registration whose event ended at least `retentionDays` before `now`.
   * Safe to call from several instances at once (one does the work) and to call again.
   * Works in batches, each its own short transaction.
   */
  async anonymiseExpired(now: Date): Promise<RetentionRun> {
    const endedBefore = new Date(now.getTime() - this.config.retentionDays * DAY_MS);
    const total: RetentionRun = { ran: false, registrations: 0, mails: 0 };
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        if (!(await this.retention.tryLock(manager))) return null;
        return this.retention.anonymiseBatch(endedBefore, now, BATCH_SIZE, manager);
      });
      if (!batch) break;
      total.ran = true;
      total.registrations += batch.registrations;
      total.mails += batch.mails;
      if (batch.registrations < BATCH_SIZE) break;
    }
    // Counts only: never a name or an address in the logs.
    if (total.registrations > 0) this.logger.log(`Anonymised ${total.registrations} registrations and ${total.mails} emails`);
    return total;
  }
}
