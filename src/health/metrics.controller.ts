import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, NotFoundException, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Metrics } from '../observability/metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Prometheus' scrape: the text format, behind `Authorization: Bearer METRICS_TOKEN`. Without
 * METRICS_TOKEN the route answers as if it did not exist. Not part of the API's OpenAPI document.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const expected = this.config.metricsToken;
    if (expected === null) throw new NotFoundException();
    const given = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(expected))) throw new UnauthorizedException('A valid metrics token is required.');
    res.setHeader('Cache-Control', 'no-store');
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
