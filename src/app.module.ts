import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ActionsModule } from './actions/actions.module';
import { AuthModule } from './auth/auth.module';
import { Clock } from './common/clock';
import { CommonModule } from './common/common.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { PagesModule } from './pages/pages.module';
import { BackofficeModule } from './backoffice/backoffice.module';
import { BackofficeFollowUpModule } from './backoffice/follow-up.module';
import { NotificationsModule } from './notifications/notifications.module';
import { MetricsModule } from './observability/metrics.module';
import { ProgrammeModule } from './programme/programme.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { ReferenceModule } from './reference/reference.module';

/** Feature modules, in the order they build on each other. */
const FEATURES = [
  ReferenceModule,
  EventsModule,
  ActionsModule,
  ProgrammeModule,
  NotificationsModule,
  RegistrationsModule,
  HealthModule,
  PagesModule,
  BackofficeModule,
  BackofficeFollowUpModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [ScheduleModule.forRoot(), ConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl), CommonModule.forRoot(clock), MetricsModule, AuthModule, ...FEATURES],
    };
  }
}
