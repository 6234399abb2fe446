import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from './clock';
import { tooManyRequests } from './domain-error';

const WINDOW_MS = 60_000;

/**
 * Public writes (registering, proposing an action): PUBLIC_RATE_LIMIT_PER_MINUTE per client
 * address in a fixed one-minute window, per instance. Generous on purpose: a whole office may
 * share one address.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const limit = this.config.publicRateLimitPerMinute;
    if (limit === 0) return true;
    const address = context.switchToHttp().getRequest<Request>().ip ?? 'unknown';
    const now = this.clock.now().getTime();
    let window = this.windows.get(address);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.evict(now);
      window = { start: now, count: 0 };
      this.windows.set(address, window);
    }
    window.count += 1;
    if (window.count > limit) throw tooManyRequests((window.start + WINDOW_MS - now) / 1000);
    return true;
  }

  private evict(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}
