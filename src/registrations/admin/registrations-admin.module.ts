import { Module } from '@nestjs/common';

/** Organisers' side of registrations: lists, CSV export, figures, check-in, retention. */
@Module({})
export class RegistrationsAdminModule {}
