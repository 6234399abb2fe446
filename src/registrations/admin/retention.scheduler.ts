import { Metrics } from '../../observability/metrics';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { RetentionService } from './retention.service';

/** Hourly: the job is cheap and idempotent, and an instance restarted daily still runs it. */
const EVERY_MS = 3600 * 1000;
/** Let the instance finish booting (and migrations settle) before the first run. */
const FIRST_RUN_AFTER_MS = 60 * 1000;

/**
 * Runs the retention job on every instance; the advisory lock inside makes only one of them
 * work at a time. Tests call `RetentionService.anonymiseExpired(now)` directly instead, with
 * the dates they choose, so the timer is not started when NODE_ENV=test.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly retention: RetentionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setTimeout(() => {
      this.run();
      this.timer = setInterval(() => this.run(), EVERY_MS);
      this.timer.unref();
    }, FIRST_RUN_AFTER_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private run(): void {
    if (this.running) return;
    this.running = this.retention
      .anonymiseExpired(this.clock.now())
      .then(
        () => this.metrics.jobRun('retention', 'ok'),
        (error: Error) => {
          this.metrics.jobRun('retention', 'error');
          this.logger.error(`Retention run failed: ${error.name}: ${error.message}`);
        },
      )
      .finally(() => (this.running = null));
  }
}
