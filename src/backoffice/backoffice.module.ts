import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { PagesModule } from '../pages/pages.module';
import { RegistrationsAdminModule } from '../registrations/admin/registrations-admin.module';
import { BackofficePages } from './backoffice-pages';
import { BackofficeGuard } from './backoffice.guard';
import { EventDashboardController } from './events/event-dashboard.controller';
import { EventPagesController } from './events/event-pages.controller';
import { ProgrammePagesController } from './programme/programme-pages.controller';
import { ActionsModule } from '../actions/actions.module';
import { ProgrammeModule } from '../programme/programme.module';
import { BackofficeSessionsRepository } from './sessions/backoffice-sessions.repository';
import { BackofficeSessionsService } from './sessions/backoffice-sessions.service';
import { SignInController } from './sign-in.controller';
import { ActionPagesController } from './actions/action-pages.controller';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganiserAccountsRepository } from './organisers/organiser-accounts.repository';
import { OrganiserAccountsService } from './organisers/organiser-accounts.service';
import { OrganisersPagesController } from './organisers/organisers-pages.controller';
import { PasswordPagesController } from './organisers/password-pages.controller';

/**
 * The organisers' back office under /gestion (DSFR pages, same conventions as src/pages). Other
 * back-office modules import this one for BackofficeGuard (`@BackofficePage()`), BackofficePages
 * and `currentOrganiser`.
 */
@Module({
  imports: [PagesModule, EventsModule, ProgrammeModule, ActionsModule, RegistrationsAdminModule, NotificationsModule],
  controllers: [
    SignInController,
    EventDashboardController,
    EventPagesController,
    ProgrammePagesController,
    OrganisersPagesController,
    PasswordPagesController,
    ActionPagesController,
  ],
  providers: [BackofficeSessionsRepository, BackofficeSessionsService, BackofficeGuard, BackofficePages, OrganiserAccountsRepository, OrganiserAccountsService],
  exports: [BackofficeSessionsService, BackofficeGuard, BackofficePages, PagesModule],
})
export class BackofficeModule {}
