import { Module } from '@nestjs/common';

/** Highlighted actions and the public call for contributions. */
@Module({})
export class ActionsModule {}
