import { ApiProperty } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'], example: 'ok', description: '`error` (with 503) when the database does not answer' })
  status!: 'ok' | 'error';

  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  database!: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'], example: 'up', description: 'The mail transport’s last known state (no connection is opened per call)' })
  mail!: 'up' | 'down';
}
