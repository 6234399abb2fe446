import { Module } from '@nestjs/common';
import { EventHooks } from './event-hooks';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

@Module({
  controllers: [EventsController],
  providers: [EventsService, EventsRepository, EventHooks],
  exports: [EventsService, EventsRepository, EventHooks],
})
export class EventsModule {}
