import { ApiProperty } from '@nestjs/swagger';

export class OutboxBacklogDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'Messages waiting to go (pending or being sent)' })
  depth!: number;

  @ApiProperty({ type: 'integer', minimum: 0, nullable: true, example: null, description: 'How long the longest-waiting due message has waited, in seconds (null: none due)' })
  oldestPendingAgeSeconds!: number | null;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'], example: 'ok', description: '`error` (with 503) when the database does not answer' })
  status!: 'ok' | 'error';

  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  database!: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'], example: 'up', description: 'The mail transport’s last known state (no connection is opened per call)' })
  mail!: 'up' | 'down';

  @ApiProperty({ type: OutboxBacklogDto, nullable: true, description: 'The outbox, so a stuck worker is visible; null when the database is down' })
  outbox!: OutboxBacklogDto | null;
}
