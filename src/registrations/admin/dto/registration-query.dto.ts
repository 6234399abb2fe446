import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../../common/pagination';
import { IsDepartmentCode, IsOrganisationTypeCode } from '../../../reference/reference.validators';
import type { RegistrationStatus } from '../../registration.entity';

export class RegistrationQueryDto extends PaginationQuery {
  @ApiPropertyOptional({ enum: ['confirmed', 'waitlisted', 'cancelled'], description: 'Without it, cancelled registrations are listed too' })
  @IsOptional()
  @IsIn(['confirmed', 'waitlisted', 'cancelled'])
  status?: RegistrationStatus;

  @ApiPropertyOptional({ example: 'association' }) @IsOptional() @IsOrganisationTypeCode() organisationType?: string;
  @ApiPropertyOptional({ example: '34' }) @IsOptional() @IsDepartmentCode() department?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Registrations that chose this workshop (confirmed or waitlisted choice)' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({ example: 'hélène', description: 'Part of the name, email or organisation; accents and case ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
