import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';

/** What operators poll: /health (load balancers) and /metrics (Prometheus). */
@Module({ imports: [NotificationsModule], controllers: [HealthController, MetricsController] })
export class HealthModule {}
