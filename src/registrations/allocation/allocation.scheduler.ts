import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { TickingJob } from '../../common/ticking-job';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AllocationService } from './allocation.service';

/** Runs the due allocations on every instance (the service makes each happen once); tests call `AllocationService.allocateDue(now)`. */
@Injectable()
export class AllocationScheduler extends TickingJob {
  constructor(
    private readonly allocation: AllocationService,
    clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(new Logger('Allocation'), 'Allocation failed', clock, config);
  }

  protected runDue(now: Date): Promise<unknown> {
    return this.allocation.allocateDue(now);
  }
}
