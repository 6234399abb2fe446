import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Requests started within this window make the recent rate. */
const WINDOW_MS = 100;
/** From this many requests per window (100 per second) on, people are being served in numbers. */
const BUSY_FROM = 10;

/**
 * How hard this instance is serving HTTP right now. Background work that can wait a moment
 * (delivering mail) gives way while people are being served in numbers, so a registration rush is
 * not slowed by rendering the confirmations it causes; a lone request, or a health probe, does not
 * hold it back.
 */
@Injectable()
export class RequestActivity {
  private readonly started: number[] = [];

  /** Whether requests are arriving in numbers (at least BUSY_FROM within the last WINDOW_MS). */
  get busy(): boolean {
    const since = performance.now() - WINDOW_MS;
    while (this.started.length && this.started[0] < since) this.started.shift();
    return this.started.length >= BUSY_FROM;
  }

  /** Express middleware noting when each request starts. */
  readonly middleware = (_req: Request, _res: Response, next: NextFunction): void => {
    const now = performance.now();
    this.started.push(now);
    // Keep the list short under any load: only the window matters.
    if (this.started.length > 1000) this.started.splice(0, this.started.length - 1000);
    next();
  };
}
