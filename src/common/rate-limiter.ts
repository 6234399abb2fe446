import { Injectable, Logger } from '@nestjs/common';
import { Clock } from './clock';
import { tooManyRequests } from './domain-error';
import { RateWindowsRepository } from './rate-windows.repository';

const SWEEP_EVERY_MS = 60_000;

export interface RateLimit {
  /** Names the counter: `public-write`, `login`. */
  scope: string;
  limit: number;
  windowMs: number;
  detail?: string;
}

/**
 * Requests per client key and fixed window, counted in PostgreSQL by every instance alike.
 * Over the limit: 429 with Retry-After until the window ends.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private lastSweep = 0;

  constructor(
    private readonly windows: RateWindowsRepository,
    private readonly clock: Clock,
  ) {}

  async consume(rule: RateLimit, key: string): Promise<void> {
    const now = this.clock.now();
    const { hits, resetsAt } = await this.windows.hit(rule.scope, key, rule.windowMs, now);
    this.sweepNowAndThen(now, rule.windowMs);
    if (hits > rule.limit) throw tooManyRequests((resetsAt.getTime() - now.getTime()) / 1000, rule.detail);
  }

  /** Past windows are deleted by whichever instance comes first each minute; no timer needed. */
  private sweepNowAndThen(now: Date, windowMs: number): void {
    if (now.getTime() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now.getTime();
    this.windows
      .sweep(new Date(now.getTime() - Math.max(windowMs, SWEEP_EVERY_MS) * 2))
      .catch((error: Error) => this.logger.warn(`Sweeping rate windows failed: ${error.message}`));
  }
}
