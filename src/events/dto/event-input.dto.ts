import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsTimestamp, IsTimeZone } from '../../common/validators';
import { IsDepartmentCode, IsOrganisationTypeCode, IsThemeCode } from '../../reference/reference.validators';
import { MultiLine } from '../../common/text-rules';

export class VenueDto {
  @ApiProperty({ example: 'Le Corum' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ example: 'Esplanade Charles-de-Gaulle' }) @IsString() @MinLength(1) @MaxLength(300) address: string;
  @ApiProperty({ example: '34000' })
  @IsString()
  @Matches(/^(\d{5}|\d{4}[A-Z]?)$/, { message: 'must be a postal code such as 34000' })
  postalCode: string;
  @ApiProperty({ example: 'Montpellier' }) @IsString() @MinLength(1) @MaxLength(120) city: string;
}

export class ReminderDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 86400, example: 1440, description: 'Minutes before the event starts (1 minute to 60 days).' })
  @IsInt()
  @Min(1)
  @Max(86400)
  offsetMinutes: number;
}

export class QuotaDto {
  @ApiProperty({ example: 'personne_concernee', description: 'An organisation type code from GET /api/reference' })
  @IsOrganisationTypeCode()
  organisationType: string;

  @ApiPropertyOptional({
    enum: ['onsite', 'online'],
    description: 'Hybrid events: the mode whose capacity the seats are kept from (default onsite); otherwise the event’s own mode.',
  })
  @IsOptional()
  @IsIn(['onsite', 'online'])
  attendanceMode?: 'onsite' | 'online';

  @ApiProperty({ example: 30, description: 'Seats kept: a minimum guaranteed to that type, not a ceiling' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  seats: number;
}

export class CreateEventDto {
  @ApiProperty({ example: 'Rencontre régionale de la lutte contre la pauvreté 2027' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: ['conference', 'study_day', 'webinar'] })
  @IsIn(['conference', 'study_day', 'webinar'])
  kind: 'conference' | 'study_day' | 'webinar';

  @ApiProperty({ enum: ['onsite', 'online', 'hybrid'] })
  @IsIn(['onsite', 'online', 'hybrid'])
  format: 'onsite' | 'online' | 'hybrid';

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Deux journées pour partager les actions remarquables du territoire.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  @MultiLine()
  description?: string | null;

  @ApiProperty({ example: '2027-03-11T09:00:00+01:00' }) @IsTimestamp() startsAt: string;
  @ApiProperty({ example: '2027-03-12T17:00:00+01:00' }) @IsTimestamp() endsAt: string;

  @ApiPropertyOptional({ example: 'Europe/Paris', default: 'Europe/Paris' }) @IsOptional() @IsTimeZone() timezone?: string;

  @ApiPropertyOptional({ type: VenueDto, nullable: true, description: 'Required unless the event is online.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueDto)
  venue?: VenueDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uri', example: 'https://visio.example.org/rencontre', description: 'Required unless onsite.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  onlineUrl?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 1_000_000,
    example: 400,
    description: 'Onsite places (online places for online events; null = unlimited there).',
  })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  capacity?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 1_000_000, example: 200, description: 'Hybrid only: online places; null = unlimited.' })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  onlineCapacity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', example: '2027-01-15T09:00:00+01:00' })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsTimestamp()
  registrationOpensAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', example: '2027-03-05T23:59:00+01:00' })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsTimestamp()
  registrationClosesAt?: string | null;

  @ApiPropertyOptional({
    type: [QuotaDto],
    description: 'Seats kept for organisation types until quotasReleaseAt; all kept seats of a mode together ≤ its capacity (422 otherwise). Replaces the whole list when given.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => QuotaDto)
  quotas?: QuotaDto[];

  @ApiPropertyOptional({
    example: '2027-03-04T09:00:00+01:00',
    nullable: true,
    type: String,
    description: 'When kept seats not taken go back to everyone; default (null or absent): 7 days before the start',
  })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsTimestamp()
  quotasReleaseAt?: string | null;

  @ApiPropertyOptional({
    enum: ['first_come', 'preferences'],
    default: 'first_come',
    description: 'first_come: a workshop seat at registration; preferences: registrants rank the workshops of each slot and one allocation gives the seats.',
  })
  @IsOptional()
  @IsIn(['first_come', 'preferences'])
  workshopAllocation?: 'first_come' | 'preferences';

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    example: '2027-03-01T12:00:00+01:00',
    description: 'Required with preferences, before the event starts: ranking ends and the allocation runs (if no organiser confirmed it before).',
  })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsTimestamp()
  preferencesCloseAt?: string | null;

  @ApiPropertyOptional({ example: ['insertion_emploi', 'participation'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(11)
  @ArrayUnique()
  @IsThemeCode(true)
  themes?: string[];

  @ApiPropertyOptional({ example: ['34', '30'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(110)
  @ArrayUnique()
  @IsDepartmentCode(true)
  departments?: string[];

  @ApiPropertyOptional({ type: [ReminderDto], example: [{ offsetMinutes: 10080 }, { offsetMinutes: 1440 }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ReminderDto)
  reminders?: ReminderDto[];
}

export class UpdateEventDto extends PartialType(CreateEventDto) {}

export class CancelEventDto {
  @ApiProperty({ example: 'Alerte météo : la rencontre est reportée.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  @MultiLine()
  reason: string;
}
