import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../common/pagination';
import { IsTimestamp } from '../../common/validators';
import { IsDepartmentCode, IsThemeCode } from '../../reference/reference.validators';

export class EventQueryDto extends PaginationQuery {
  @ApiPropertyOptional({ enum: ['conference', 'study_day', 'webinar'] })
  @IsOptional()
  @IsIn(['conference', 'study_day', 'webinar'])
  kind?: string;

  @ApiPropertyOptional({ example: 'sante' }) @IsOptional() @IsThemeCode() theme?: string;
  @ApiPropertyOptional({ example: '34' }) @IsOptional() @IsDepartmentCode() department?: string;
  @ApiPropertyOptional({ description: 'Events ending after this instant' }) @IsOptional() @IsTimestamp() from?: string;
  @ApiPropertyOptional({ description: 'Events starting before this instant' }) @IsOptional() @IsTimestamp() to?: string;
  @ApiPropertyOptional({ description: 'Words in the title, description or city' }) @IsOptional() @IsString() @MaxLength(200) q?: string;

  @ApiPropertyOptional({ enum: ['draft', 'published', 'cancelled', 'all'], description: 'Organisers only' })
  @IsOptional()
  @IsIn(['draft', 'published', 'cancelled', 'all'])
  status?: 'draft' | 'published' | 'cancelled' | 'all';
}
