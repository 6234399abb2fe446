import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PaginationQuery } from '../../../common/pagination';
import { IsTimestamp } from '../../../common/validators';
import { IsThemeCode } from '../../../reference/reference.validators';
import type { SessionType } from '../session.entity';
import { MultiLine } from '../../../common/text-rules';

export const SESSION_TYPES: SessionType[] = ['plenary', 'workshop', 'round_table', 'talk', 'break', 'networking'];

export class CreateSessionDto {
  @ApiProperty({ example: 'Atelier : l’accès aux droits en milieu rural' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: SESSION_TYPES, example: 'workshop' })
  @IsIn(SESSION_TYPES)
  type: SessionType;

  @ApiProperty({ example: '2027-03-11T14:00:00+01:00', description: 'Within the event' }) @IsTimestamp() startsAt: string;
  @ApiProperty({ example: '2027-03-11T15:30:00+01:00', description: 'After startsAt, within the event' }) @IsTimestamp() endsAt: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'A room of the same event; null = no room yet' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsUUID('all', { message: 'must be a room id' })
  roomId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Speakers of the same event' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'must be speaker ids' })
  speakerIds?: string[];

  @ApiPropertyOptional({ example: ['ruralite', 'insertion_emploi'], description: 'Theme codes from GET /api/reference' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(11)
  @ArrayUnique()
  @IsThemeCode(true)
  themes?: string[];

  @ApiPropertyOptional({
    example: 30,
    nullable: true,
    type: Number,
    description: 'Workshops: how many registrants may choose it; null = the room’s capacity, or unlimited',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @ApiPropertyOptional({ example: 'Retours d’expérience des groupes de travail.', nullable: true, type: String })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  @MultiLine()
  description?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Highlighted actions of the same event, shown under the session' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'must be highlighted action ids' })
  actionIds?: string[];
}

export class UpdateSessionDto extends PartialType(CreateSessionDto) {}

export class SessionQueryDto extends PaginationQuery {
  @ApiPropertyOptional({ enum: SESSION_TYPES }) @IsOptional() @IsIn(SESSION_TYPES) type?: SessionType;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') roomId?: string;
}
