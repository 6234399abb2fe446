import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../documents/documents.module';
import { EventsModule } from '../../events/events.module';
import { AdminRegistrationsRepository } from './admin-registrations.repository';
import { AdminRegistrationsService } from './admin-registrations.service';
import { CheckInController } from './check-in.controller';
import { CheckInService } from './check-in.service';
import { EventReportController } from './event-report.controller';
import { EventReportService } from './event-report.service';
import { EventStatsController } from './event-stats.controller';
import { EventStatsRepository } from './event-stats.repository';
import { EventStatsService } from './event-stats.service';
import { RegistrationsAdminController } from './registrations-admin.controller';
import { RegistrationsExportRepository } from './registrations-export.repository';
import { RegistrationsExportService } from './registrations-export.service';
import { RetentionRepository } from './retention.repository';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

/** Organisers' side of registrations: lists, CSV export, figures, check-in, retention. */
@Module({
  imports: [EventsModule, DocumentsModule],
  controllers: [RegistrationsAdminController, CheckInController, EventStatsController, EventReportController],
  providers: [
    AdminRegistrationsRepository,
    AdminRegistrationsService,
    CheckInService,
    RegistrationsExportRepository,
    RegistrationsExportService,
    EventStatsRepository,
    EventStatsService,
    EventReportService,
    RetentionRepository,
    RetentionService,
    RetentionScheduler,
  ],
  exports: [AdminRegistrationsService, RetentionService, EventStatsService, CheckInService, EventReportService, RegistrationsExportService],
})
export class RegistrationsAdminModule {}
