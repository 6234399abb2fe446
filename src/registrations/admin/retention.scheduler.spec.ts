import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { RetentionScheduler } from './retention.scheduler';
import { Metrics } from '../../observability/metrics';
import type { RetentionRun, RetentionService } from './retention.service';

class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

/** Records when the job was asked to run; the job itself is tested against PostgreSQL in test/e2e/retention. */
class RecordingRetention {
  calls: Date[] = [];
  pending: Array<() => void> = [];
  hold = false;
  anonymiseExpired(now: Date): Promise<RetentionRun> {
    this.calls.push(now);
    const done = { ran: true, registrations: 0, mails: 0 };
    if (!this.hold) return Promise.resolve(done);
    return new Promise((resolve) => this.pending.push(() => resolve(done)));
  }
}

describe('retention schedule', () => {
  const now = new Date('2028-01-15T03:00:00Z');
  let retention: RecordingRetention;
  const scheduler = (nodeEnv: AppConfig['nodeEnv']) =>
    new RetentionScheduler(retention as unknown as RetentionService, new FixedClock(now), { nodeEnv } as AppConfig, new Metrics());

  beforeEach(() => {
    jest.useFakeTimers();
    retention = new RecordingRetention();
  });
  afterEach(() => jest.useRealTimers());

  it('runs a minute after start, then every hour, with the clock’s time, until shutdown', async () => {
    const s = scheduler('production');
    s.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(59_000);
    expect(retention.calls).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(retention.calls).toEqual([now]);
    await jest.advanceTimersByTimeAsync(3600_000);
    expect(retention.calls).toHaveLength(2);
    await s.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(5 * 3600_000);
    expect(retention.calls).toHaveLength(2);
  });

  it('never overlaps a run still going, and waits for it at shutdown', async () => {
    retention.hold = true;
    const s = scheduler('development');
    s.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(60_000 + 3 * 3600_000);
    expect(retention.calls).toHaveLength(1);
    let stopped = false;
    const stopping = s.onModuleDestroy().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    retention.pending.forEach((finish) => finish());
    await stopping;
    expect(stopped).toBe(true);
  });

  it('is not started under NODE_ENV=test, where tests call the job with their own dates', async () => {
    const s = scheduler('test');
    s.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(48 * 3600_000);
    expect(retention.calls).toHaveLength(0);
    await s.onModuleDestroy();
  });
});
