import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { Metrics } from '../../observability/metrics';
import { DeliveryRepository } from './delivery.repository';

/** Read at most this often: /health is polled at high rates. */
const FRESH_MS = 1000;

export interface Backlog {
  /** Messages waiting to go (pending, or failed and to be retried). */
  depth: number;
  /** How long the longest-waiting due message has waited, in seconds; null when none is due. */
  oldestPendingAgeSeconds: number | null;
}

/**
 * What the outbox still holds, so that a stuck worker shows: for /health (depth and the oldest due
 * message's wait, one small query at most once a second) and for /metrics' gauges.
 */
@Injectable()
export class OutboxBacklog implements OnModuleInit {
  private cached: { at: number; value: Promise<{ pending: number; failed: number; oldestDueAt: Date | null }> } | null = null;

  constructor(
    private readonly repository: DeliveryRepository,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics.readOutboxWith(async () => {
      const now = this.clock.now();
      const b = await this.repository.backlog(now, true);
      return { pending: b.pending, failed: b.failed, dead: b.dead ?? 0, oldestPendingAgeSeconds: this.ageOf(b.oldestDueAt, now) ?? 0 };
    });
  }

  async current(): Promise<Backlog> {
    const at = performance.now();
    if (!this.cached || at - this.cached.at >= FRESH_MS) {
      const value = this.repository.backlog(this.clock.now(), false);
      this.cached = { at, value };
      value.catch(() => (this.cached = null));
    }
    const b = await this.cached.value;
    return { depth: b.pending + b.failed, oldestPendingAgeSeconds: this.ageOf(b.oldestDueAt, this.clock.now()) };
  }

  private ageOf(due: Date | null, now: Date): number | null {
    return due ? Math.max(0, Math.round((now.getTime() - due.getTime()) / 1000)) : null;
  }
}
