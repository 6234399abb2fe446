import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { RateLimiter } from './rate-limiter';
import { RateWindowsRepository } from './rate-windows.repository';
import { RequestActivity } from './request-activity';

@Global()
@Module({})
export class CommonModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: CommonModule,
      providers: [{ provide: Clock, useValue: clock }, RateWindowsRepository, RateLimiter, PublicRateLimitGuard, RequestActivity],
      exports: [Clock, RateLimiter, PublicRateLimitGuard, RequestActivity],
    };
  }
}
