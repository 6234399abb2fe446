import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { clientKey } from './client-address';
import { RateLimiter } from './rate-limiter';

/**
 * Public writes (registering, proposing an action, asking for one's link):
 * PUBLIC_RATE_LIMIT_PER_MINUTE per client address (IPv6: per /64) in a fixed one-minute window,
 * shared by every instance. Generous on purpose: a whole office may share one address.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limit = this.config.publicRateLimitPerMinute;
    if (limit === 0) return true;
    const address = context.switchToHttp().getRequest<Request>().ip;
    await this.limiter.consume({ scope: 'public-write', limit, windowMs: 60_000 }, clientKey(address));
    return true;
  }
}
