import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { routeOf } from './logging';

export type MailResult = 'sent' | 'failed' | 'dead' | 'discarded';
export type JobName = 'scheduler_tick' | 'reminders' | 'retention';

/** What the outbox holds at scrape time (read by whoever owns the outbox). */
export interface OutboxGauges {
  pending: number;
  failed: number;
  dead: number;
  oldestPendingAgeSeconds: number | null;
}

/**
 * The Prometheus instruments of one application instance (its own registry, so two instances
 * in one process, as in the tests, do not mix). Code that makes a decision only reports it here.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly http = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly registrations = new Counter({
    name: 'rencontres_registrations_total',
    help: 'Registration attempts by outcome (register_attendee’s code) and status given',
    labelNames: ['outcome', 'status'] as const,
    registers: [this.registry],
  });
  private readonly mail = new Counter({
    name: 'rencontres_mail_deliveries_total',
    help: 'Delivery attempts by result: sent, failed (will retry), dead (no more attempts, or not to be sent), discarded (obsolete)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  private readonly jobs = new Counter({
    name: 'rencontres_job_runs_total',
    help: 'Background job runs by job and result',
    labelNames: ['job', 'result'] as const,
    registers: [this.registry],
  });
  private outboxSource: (() => Promise<OutboxGauges>) | null = null;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Both outbox gauges come from one read (the source keeps it for a second).
    const read = async (): Promise<OutboxGauges | null> => (this.outboxSource ? this.outboxSource() : null);
    new Gauge({
      name: 'rencontres_outbox_messages',
      help: 'Messages in the outbox not delivered, by status',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const gauges = await read();
        if (!gauges) return;
        for (const status of ['pending', 'failed', 'dead'] as const) this.set({ status }, gauges[status]);
      },
    });
    new Gauge({
      name: 'rencontres_outbox_oldest_pending_age_seconds',
      help: 'How long the longest-waiting due message has waited (0 when none is due)',
      registers: [this.registry],
      async collect() {
        const gauges = await read();
        if (gauges) this.set(gauges.oldestPendingAgeSeconds ?? 0);
      },
    });
  }

  /** The outbox's owner tells where its gauges come from. */
  readOutboxWith(source: () => Promise<OutboxGauges>): void {
    this.outboxSource = source;
  }

  registration(outcome: string, status: string | null): void {
    this.registrations.inc({ outcome, status: status ?? 'none' });
  }

  mailDelivery(result: MailResult): void {
    this.mail.inc({ result });
  }

  jobRun(job: JobName, result: 'ok' | 'error'): void {
    this.jobs.inc({ job, result });
  }

  /** Express middleware timing every answer under its route pattern. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.http.startTimer();
    res.once('finish', () => end({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
    next();
  };
}
