import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { PagesModule } from '../pages/pages.module';
import { RegistrationsAdminModule } from '../registrations/admin/registrations-admin.module';
import { BackofficePages } from './backoffice-pages';
import { BackofficeGuard } from './backoffice.guard';
import { EventDashboardController } from './events/event-dashboard.controller';
import { BackofficeSessionsRepository } from './sessions/backoffice-sessions.repository';
import { BackofficeSessionsService } from './sessions/backoffice-sessions.service';
import { SignInController } from './sign-in.controller';

/**
 * The organisers' back office under /gestion (DSFR pages, same conventions as src/pages). Other
 * back-office modules import this one for BackofficeGuard (`@BackofficePage()`), BackofficePages
 * and `currentOrganiser`.
 */
@Module({
  imports: [PagesModule, EventsModule, RegistrationsAdminModule],
  controllers: [SignInController, EventDashboardController],
  providers: [BackofficeSessionsRepository, BackofficeSessionsService, BackofficeGuard, BackofficePages],
  exports: [BackofficeSessionsService, BackofficeGuard, BackofficePages, PagesModule],
})
export class BackofficeModule {}
