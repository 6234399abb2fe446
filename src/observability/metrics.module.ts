import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** The instance's metrics, reported to by the feature modules and read by GET /metrics. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
