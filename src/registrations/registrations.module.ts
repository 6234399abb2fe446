import { Module } from '@nestjs/common';
import { RegistrationsAdminModule } from './admin/registrations-admin.module';

/** Registrations, waiting lists, workshop choices, check-in, exports and figures. */
@Module({ imports: [RegistrationsAdminModule] })
export class RegistrationsModule {}
