import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * How many HTTP requests this instance is answering right now. Background work that can wait a
 * moment (delivering mail) gives way while people are being served, so a registration rush is not
 * slowed by rendering the confirmations it causes.
 */
@Injectable()
export class RequestActivity {
  private active = 0;

  get inFlight(): number {
    return this.active;
  }

  /** Express middleware counting requests until their response is finished or abandoned. */
  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    this.active += 1;
    let done = false;
    const leave = () => {
      if (done) return;
      done = true;
      this.active -= 1;
    };
    res.once('finish', leave);
    res.once('close', leave);
    next();
  };
}
