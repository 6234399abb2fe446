import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AllocationService } from './allocation.service';

/**
 * Runs the due allocations every SCHEDULER_TICK_SECONDS on every instance (the service makes each
 * happen once). Tests call `AllocationService.allocateDue(now)` with the clock they choose, so the
 * timer is not started when NODE_ENV=test.
 */
@Injectable()
export class AllocationScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Allocation');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly allocation: AllocationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => this.run(), this.config.schedulerTickSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private run(): void {
    if (this.running) return;
    this.running = this.allocation
      .allocateDue(this.clock.now())
      .catch((error: Error) => this.logger.error(`Allocation failed: ${error.name}: ${error.message}`))
      .finally(() => (this.running = null));
  }
}
