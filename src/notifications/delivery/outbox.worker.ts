import { Metrics } from '../../observability/metrics';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep, setImmediate as yieldToLoop } from 'node:timers/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { RequestActivity } from '../../common/request-activity';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { OUTBOX_CHANNEL } from '../outbox.repository';
import { RemindersRepository } from '../reminders/reminders.repository';
import { MailDelivery, ReadBatch } from './mail-delivery';

/** Small batches: several instances share a burst, and a crash leaves few messages in flight. */
const BATCH = 20;
const TICK = 'outbox-tick';
/** While requests arrive in numbers, each batch waits up to this long for a quieter moment… */
const MAX_GIVE_WAY_MS = 5000;
/** …and then takes a single message, so that requests are held up for a few milliseconds at most. */
const BUSY_BATCH = 1;

/**
 * Delivers the outbox on every instance: every SCHEDULER_TICK_SECONDS (reminders that became due
 * are queued first), and at once when a commit that queued mail is announced on the outbox channel
 * (PostgreSQL LISTEN/NOTIFY reaches every instance). Rows are claimed under a lease with
 * `FOR UPDATE SKIP LOCKED`, so instances never send the same row at the same time, and a row held
 * by an instance that died is taken up again once its lease has passed.
 * Not started when NODE_ENV=test: tests start it, or call `drain()` and `tick()` themselves.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private listener: Client | null = null;
  private running: Promise<void> | null = null;
  private scanning: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  /** Set by stop(): the drain in progress ends after its current batch, and the next one if already read (the rest waits for the next start). */
  private stopping = false;
  private reconnect: NodeJS.Timeout | null = null;

  constructor(
    private readonly delivery: MailDelivery,
    private readonly reminders: RemindersRepository,
    private readonly scheduler: SchedulerRegistry,
    private readonly activity: RequestActivity,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.nodeEnv !== 'test') await this.start();
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    await this.listen();
    const interval = setInterval(() => void this.tick(), this.config.schedulerTickSeconds * 1000);
    this.scheduler.addInterval(TICK, interval);
    void this.tick();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /** Stops listening and ticking, and waits for the delivery in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.scheduler.doesExist('interval', TICK)) this.scheduler.deleteInterval(TICK);
    if (this.reconnect) clearTimeout(this.reconnect);
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
    await this.scanning;
    await this.running;
  }

  /** One scheduler tick: queue the reminders that became due, then deliver. */
  async tick(): Promise<void> {
    this.metrics.jobRun('scheduler_tick', 'ok');
    this.scanning ??= this.reminders
      .queueDue(this.clock.now())
      .then(
        (queued) => {
          this.metrics.jobRun('reminders', 'ok');
          if (queued) this.logger.log(`${queued} reminders queued`);
        },
        (error: Error) => {
          this.metrics.jobRun('reminders', 'error');
          this.logger.error(`Reminder scan failed: ${error.message}`);
        },
      )
      .finally(() => (this.scanning = null));
    await this.scanning;
    this.wake();
    await this.running;
  }

  /** Starts a drain, or makes the running one go round again (a commit may have come in between). */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.drain(() => this.stopping);
        } catch (error) {
          this.logger.error(`Outbox drain failed: ${(error as Error).message}`);
        }
      } while (this.again && !this.stopping);
    })().finally(() => (this.running = null));
  }

  /**
   * Delivers every due message this instance can claim (until `enough()`); returns how many it
   * handled. While the last messages of a batch are on their way, the next batch is claimed and read,
   * so the SMTP connection and the render workers do not wait for the database between batches; a
   * batch read is always sent, even once `enough()` (it is leased to this instance).
   */
  async drain(enough: () => boolean = () => false): Promise<number> {
    let handled = 0;
    // Set from the send's callback (TypeScript cannot see that assignment).
    let next = null as Promise<ReadBatch | null> | null;
    // Each message gives way too, well within the batch's lease.
    const beforeEach = async () => {
      await yieldToLoop();
      await this.giveWay();
    };
    for (;;) {
      let batch: ReadBatch | null = next ? await next : null;
      next = null;
      if (!batch) {
        if (enough()) return handled;
        batch = await this.delivery.claim((await this.giveWay()) ? BATCH : BUSY_BATCH);
        if (!batch) return handled;
      }
      // Still being sent when the next batch is claimed: never claimed again by this worker.
      const holding = [...batch.invitations, ...batch.queue].map((row) => row.id);
      try {
        await this.delivery.send(batch, beforeEach, () => {
          // Read ahead only while requests leave room (else the next batch waits, and is smaller).
          if (enough() || this.activity.busy) return;
          next = this.delivery.claim(BATCH, holding);
          // Awaited, and a failure thrown from the drain, on the next turn.
          next.catch(() => undefined);
        });
      } catch (error) {
        // The batch read ahead is not sent now: its lease is no longer renewed, so it lapses and
        // the rows are taken up again (by the next drain here, or by another instance).
        const unsent = next as Promise<ReadBatch | null> | null;
        await unsent?.then(
          (read) => read?.lease.stop(),
          () => undefined,
        );
        throw error;
      }
      handled += holding.length;
      // Let HTTP requests in between batches.
      await yieldToLoop();
    }
  }

  /**
   * HTTP first: while requests arrive in numbers, wait (at most MAX_GIVE_WAY_MS) before the
   * next batch; true when it is quieter. A lone registration's confirmation goes at once; in a rush,
   * mail follows the rush, and under load that never stops it still trickles out.
   */
  private async giveWay(): Promise<boolean> {
    for (let waited = 0; this.activity.busy && waited < MAX_GIVE_WAY_MS && !this.stopped; waited += 25) await sleep(25);
    return !this.activity.busy;
  }

  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url!;
    const client = new Client({ connectionString: url });
    client.on('notification', () => this.wake());
    const retry = () => {
      if (this.stopped || this.reconnect) return;
      this.listener = null;
      // Meanwhile the ticks still deliver; reconnect and drain what came in.
      this.reconnect = setTimeout(() => {
        this.reconnect = null;
        void this.listen().then(() => this.wake());
      }, 1000);
    };
    client.on('error', retry);
    client.on('end', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn(`Cannot listen for queued mail (${(error as Error).message}); retrying`);
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      retry();
    }
  }
}
