import { Module } from '@nestjs/common';

/** Rooms, speakers, sessions, the public programme and its calendar. */
@Module({})
export class ProgrammeModule {}
