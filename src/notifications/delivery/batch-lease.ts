/** Renews the held rows' lease from `from` to `to`; answers the ids still held (the others were marked, or taken over). */
export type ExtendLease = (ids: string[], from: Date, to: Date) => Promise<string[]>;

/** The lease is renewed this many times per lease length: a renewal can be late twice before it lapses. */
const RENEWALS_PER_LEASE = 3;

/**
 * The lease on a claimed batch, renewed while its messages are being sent, so that a batch slower
 * than its lease (a slow SMTP server) is not claimed again by another instance meanwhile. The
 * lease's own time is the token: a row whose lease is no longer the one this worker set was marked
 * or taken over, and is not sent from here.
 */
export class BatchLease {
  private held: Set<string>;
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> | null = null;

  constructor(
    ids: string[],
    private until: Date,
    private readonly leaseMs: number,
    private readonly now: () => Date,
    private readonly extend: ExtendLease,
    private readonly onError: (error: Error) => void,
  ) {
    this.held = new Set(ids);
  }

  /** Starts renewing, every third of the lease. */
  start(): this {
    this.timer ??= setInterval(() => void this.renew(), Math.max(1, Math.floor(this.leaseMs / RENEWALS_PER_LEASE)));
    this.timer.unref();
    return this;
  }

  /** Whether this worker still holds the row, and may send it. */
  holds(id: string): boolean {
    return this.held.has(id);
  }

  /** The row's outcome is recorded: its lease is no longer renewed. */
  done(id: string): void {
    this.held.delete(id);
  }

  /** Stops renewing (the batch is over); waits for a renewal in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.renewing;
  }

  private renew(): Promise<void> {
    if (this.renewing || this.held.size === 0) return this.renewing ?? Promise.resolve();
    const to = new Date(this.now().getTime() + this.leaseMs);
    this.renewing = this.extend([...this.held], this.until, to)
      .then(
        (kept) => {
          const still = new Set(kept);
          // Rows marked while the renewal ran are done either way.
          this.held = new Set([...this.held].filter((id) => still.has(id)));
          this.until = to;
        },
        // The lease may lapse: the rows are then at worst sent twice, never lost.
        (error: Error) => this.onError(error),
      )
      .finally(() => (this.renewing = null));
    return this.renewing;
  }
}
