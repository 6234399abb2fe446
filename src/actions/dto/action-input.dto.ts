import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PaginationQuery } from '../../common/pagination';
import { IsDepartmentCode, IsOrganisationTypeCode, IsThemeCode } from '../../reference/reference.validators';
import { MultiLine } from '../../common/text-rules';

/** A local project worth copying, as proposed through the call for contributions or added by organisers. */
export class ProposeActionDto {
  @ApiProperty({ example: 'Le bus des droits' }) @IsString() @MinLength(3) @MaxLength(200) title: string;

  @ApiProperty({ example: 'Un bus itinérant accompagne les habitants des villages dans leurs démarches d’accès aux droits.', maxLength: 2000 })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  @MultiLine()
  summary: string;

  @ApiProperty({ example: 'MSA Midi-Pyrénées Sud' }) @IsString() @MinLength(2) @MaxLength(200) organisation: string;

  @ApiProperty({ example: 'service_public', description: 'Organisation type code from GET /api/reference' })
  @IsOrganisationTypeCode()
  organisationType: string;

  @ApiProperty({ example: ['32', '65'], description: 'Département codes where the action runs' })
  @IsArray()
  @ArrayMaxSize(110)
  @ArrayUnique()
  @IsDepartmentCode(true)
  departments: string[];

  @ApiProperty({ example: ['ruralite', 'travail_social'], description: 'Theme codes from GET /api/reference' })
  @IsArray()
  @ArrayMaxSize(11)
  @ArrayUnique()
  @IsThemeCode(true)
  themes: string[];

  @ApiPropertyOptional({ example: 'Julie Marty', nullable: true, type: String })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactName?: string | null;

  @ApiPropertyOptional({ example: 'julie.marty@example.org', nullable: true, type: String, description: 'Never shown publicly' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ example: 'https://www.msa-mps.fr/bus-des-droits', nullable: true, type: String })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  url?: string | null;
}

/** Organisers add actions directly (selected). */
export class CreateActionDto extends ProposeActionDto {}

export class UpdateActionDto extends PartialType(ProposeActionDto) {
  @ApiPropertyOptional({ enum: ['selected', 'rejected'], description: 'Select or reject a proposal' })
  @IsOptional()
  @IsIn(['selected', 'rejected'])
  status?: 'selected' | 'rejected';
}

export class ActionQueryDto extends PaginationQuery {
  @ApiPropertyOptional({ enum: ['proposed', 'selected', 'rejected'], description: 'Organisers only; the public sees selected actions' })
  @IsOptional()
  @IsIn(['proposed', 'selected', 'rejected'])
  status?: 'proposed' | 'selected' | 'rejected';

  @ApiPropertyOptional({ example: 'ruralite' }) @IsOptional() @IsThemeCode() theme?: string;
  @ApiPropertyOptional({ example: '32' }) @IsOptional() @IsDepartmentCode() department?: string;
}
