import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { EventsModule } from '../events/events.module';
import { ProgrammeModule } from '../programme/programme.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { ActionPagesController } from './action-pages.controller';
import { CsrfGuard } from './csrf.guard';
import { EventPage } from './event-page';
import { EventPagesController } from './event-pages.controller';
import { ManagePagesController } from './manage-pages.controller';
import { PageRenderer } from './page-renderer';
import { ProgrammeReader } from './programme-reader';
import { PublicPagesController } from './public-pages.controller';
import { RegistrationPagesController } from './registration-pages.controller';

/** The public HTML pages (DSFR). Thin: each calls the same service as the matching API endpoint. */
@Module({
  imports: [EventsModule, ProgrammeModule, ActionsModule, RegistrationsModule],
  controllers: [PublicPagesController, EventPagesController, RegistrationPagesController, ActionPagesController, ManagePagesController],
  providers: [PageRenderer, ProgrammeReader, EventPage, CsrfGuard],
  exports: [PageRenderer],
})
export class PagesModule {}
