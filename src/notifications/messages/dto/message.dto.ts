import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PaginationQuery } from '../../../common/pagination';
import { MultiLine } from '../../../common/text-rules';

const STATUSES = ['pending', 'sent', 'failed', 'dead'] as const;
const AUDIENCES = ['confirmed', 'waitlisted', 'all', 'session'] as const;
export type BroadcastAudience = (typeof AUDIENCES)[number];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\u0000/g, '').trim() : value);

export class MessageQueryDto extends PaginationQuery {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ example: 'reminder', description: 'A reason (`confirmation`), or its kind (`reminder` matches `reminder:1440`)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

/** One outbox row as organisers see it: never a body or a link. */
export class MessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ example: 'camille.durand@caf34.fr' }) recipient: string;
  @ApiProperty({ example: 'reminder:1440' }) reason: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-03-05T09:00:00+01:00' }) sentAt: string | null;
  @ApiProperty({ example: '2027-03-05T09:00:00+01:00' }) nextAttemptAt: string;
  @ApiProperty({ example: '2027-03-05T09:00:00+01:00' }) createdAt: string;
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageDto] }) items: MessageDto[];
  @ApiProperty() total: number;
}

export class BroadcastDto {
  @ApiProperty({ example: 'Changement de salle pour la plénière', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  subject: string;

  @ApiProperty({ example: 'Bonjour,\nLa plénière aura lieu dans l’auditorium Pasteur.', maxLength: 10000 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(10000)
  @MultiLine()
  body: string;

  @ApiProperty({ enum: AUDIENCES, description: '`session`: those who chose the workshop `sessionId` (confirmed or waiting)' })
  @IsIn(AUDIENCES)
  audience: BroadcastAudience;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required when audience is `session`' })
  @ValidateIf((o: BroadcastDto) => o.audience === 'session' || o.sessionId !== undefined)
  @IsUUID()
  sessionId?: string;
}

export class QueuedDto {
  @ApiProperty({ example: 42, description: 'Messages queued (one per person of the audience)' }) queued: number;
  @ApiProperty({ format: 'uuid' }) broadcastId: string;
}
