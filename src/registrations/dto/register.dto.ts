import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDepartmentCode, IsOrganisationTypeCode } from '../../reference/reference.validators';
import { MultiLine } from '../../common/text-rules';
import { ACCESSIBILITY_CODES } from '../registration-needs';

// NUL cannot be stored in PostgreSQL text: it is dropped with the surrounding spaces.
const clean = (value: string) => value.replace(/\u0000/g, '').trim();
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? clean(value) : value);
const trimOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? clean(value) || null : value);
const lowerTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? clean(value).toLowerCase() : value);

/** A real-looking address: local part, a domain with a dot, no spaces or angle brackets. */
export const EMAIL_PATTERN = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,}$/;
export const FREE_TEXT_MAX = 1000;

/** The person's details, shared by registering and by changing one's registration. */
export class RegistrantDetailsDto {
  @ApiProperty({ example: 'Camille' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Durand' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;

  @ApiProperty({ example: 'camille.durand@caf34.fr', description: 'Stored in lower case.' })
  @Transform(lowerTrim)
  @IsString()
  @MaxLength(254)
  @Matches(EMAIL_PATTERN, { message: 'must be a valid email address' })
  email: string;

  @ApiPropertyOptional({ example: 'CAF de l’Hérault', nullable: true, type: String })
  @Transform(trimOrNull)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string | null;

  @ApiProperty({ example: 'service_public', description: 'An organisation type code from GET /api/reference' })
  @IsOrganisationTypeCode()
  organisationType: string;

  @ApiPropertyOptional({ example: 'Conseillère en économie sociale et familiale', nullable: true, type: String })
  @Transform(trimOrNull)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jobTitle?: string | null;

  @ApiPropertyOptional({ example: '34', nullable: true, type: String, description: 'A département code from GET /api/reference' })
  @IsOptional()
  @IsDepartmentCode()
  department?: string | null;

  @ApiPropertyOptional({ enum: ['onsite', 'online'], description: 'Required for hybrid events; otherwise the event’s own mode.' })
  @IsOptional()
  @IsIn(['onsite', 'online'])
  attendanceMode?: 'onsite' | 'online';

  @ApiPropertyOptional({ example: 'Accès en fauteuil roulant', nullable: true, type: String })
  @Transform(trimOrNull)
  @IsOptional()
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  @MultiLine()
  accessibilityNeeds?: string | null;

  @ApiPropertyOptional({
    type: [String],
    enum: ACCESSIBILITY_CODES,
    example: ['wheelchair', 'easy_read'],
    description: 'Structured needs (codes and French labels in GET /api/reference, `accessibility`). Replaces the whole list when given.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ACCESSIBILITY_CODES.length)
  @ArrayUnique({ message: 'must not list a need twice' })
  @IsIn(ACCESSIBILITY_CODES, { each: true, message: `each must be one of ${ACCESSIBILITY_CODES.join(', ')}` })
  accessibility?: string[];

  @ApiPropertyOptional({
    example: false,
    description: 'Messages easy to read and understand (FALC): the same as listing `easy_read` in `accessibility` (true adds it, false removes it).',
  })
  @IsOptional()
  @IsBoolean()
  easyRead?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Asks the organisers for help with travel (tickets, costs).' })
  @IsOptional()
  @IsBoolean()
  travelSupport?: boolean;

  @ApiPropertyOptional({ example: 'Végétarien', nullable: true, type: String })
  @Transform(trimOrNull)
  @IsOptional()
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  @MultiLine()
  dietaryRequirements?: string | null;

  @ApiPropertyOptional({ example: false, description: 'Consent to being photographed (stored with its time).' })
  @IsOptional()
  @IsBoolean()
  photoConsent?: boolean;
}

export class WorkshopPreferenceDto {
  @ApiProperty({ format: 'uuid', description: 'A workshop of this event' })
  @IsUUID('all', { message: 'must be a session id (UUID)' })
  sessionId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 3, description: '1 = first choice; at most one workshop per rank in a slot' })
  @IsInt()
  @Min(1)
  @Max(3)
  rank: number;
}

export class RegisterDto extends RegistrantDetailsDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Workshops chosen (sessions of type workshop of this event).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'must not list a session twice' })
  @IsUUID('all', { each: true, message: 'each must be a session id (UUID)' })
  sessionIds?: string[];

  @ApiPropertyOptional({
    type: [WorkshopPreferenceDto],
    description: 'Events whose workshops are allocated by preference: the workshops of each slot ranked (1 to 3); seats are given by the allocation.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique((p: WorkshopPreferenceDto) => p?.sessionId, { message: 'must not rank a workshop twice' })
  @ValidateNested({ each: true })
  @Type(() => WorkshopPreferenceDto)
  preferences?: WorkshopPreferenceDto[];

  @ApiProperty({ example: true, description: 'Consent to the processing of personal data: must be true.' })
  @Equals(true, { message: 'must be true: registering requires consent to the processing of your data' })
  consent: true;
}

export class LinkRequestDto {
  @ApiProperty({ example: 'camille.durand@caf34.fr' })
  @Transform(lowerTrim)
  @IsString()
  @MaxLength(254)
  @Matches(EMAIL_PATTERN, { message: 'must be a valid email address' })
  email: string;
}

export class LinkRequestedDto {
  @ApiProperty({ example: 'Si cette adresse est inscrite à cet événement, le lien de gestion vient de lui être envoyé.' })
  message: string;
}
