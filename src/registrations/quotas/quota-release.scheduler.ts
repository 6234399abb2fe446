import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { TickingJob } from '../../common/ticking-job';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { QuotaReleaseService } from './quota-release.service';

/** Runs the quota release on every instance (the service makes it happen once per event); tests call `QuotaReleaseService.releaseDue(now)`. */
@Injectable()
export class QuotaReleaseScheduler extends TickingJob {
  constructor(
    private readonly release: QuotaReleaseService,
    clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(new Logger('Quotas'), 'Quota release failed', clock, config);
  }

  protected runDue(now: Date): Promise<unknown> {
    return this.release.releaseDue(now);
  }
}
