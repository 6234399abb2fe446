import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import type { Clock } from './clock';

/**
 * A job run every SCHEDULER_TICK_SECONDS on every instance, one run at a time, awaited when the
 * application stops (the job itself makes its work happen once across instances). Tests call the
 * job with the clock they choose, so the timer is not started when NODE_ENV=test.
 */
export abstract class TickingJob implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  protected constructor(
    private readonly logger: Logger,
    /** What a failure is called in the log: `Quota release failed: …`. */
    private readonly failure: string,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The work due at `now`. */
  protected abstract runDue(now: Date): Promise<unknown>;

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => this.tick(), this.config.schedulerTickSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.runDue(this.clock.now())
      .catch((error: Error) => this.logger.error(`${this.failure}: ${error.name}: ${error.message}`))
      .finally(() => (this.running = null));
  }
}
