import { Module } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/** The outbox (written by the modules whose changes cause messages); delivery comes later. */
@Module({
  providers: [OutboxRepository, OutboxService],
  exports: [OutboxService],
})
export class NotificationsModule {}
