import { Module } from '@nestjs/common';

/** Registrations, waiting lists, workshop choices, check-in, exports and figures. */
@Module({})
export class RegistrationsModule {}
