import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { MultiLine } from '../../../common/text-rules';

export class CreateSpeakerDto {
  @ApiProperty({ example: 'Claire Fabre' }) @IsString() @MinLength(1) @MaxLength(200) fullName: string;

  @ApiPropertyOptional({ example: 'Directrice de l’action sociale', nullable: true, type: String })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jobTitle?: string | null;

  @ApiPropertyOptional({ example: 'Conseil départemental de l’Hérault', nullable: true, type: String })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string | null;

  @ApiPropertyOptional({ example: 'Vingt ans d’accompagnement social dans les quartiers prioritaires.', nullable: true, type: String })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @MultiLine()
  bio?: string | null;

  @ApiPropertyOptional({ example: 'claire.fabre@herault.fr', nullable: true, type: String, description: 'Shown to organisers only' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email?: string | null;
}

export class UpdateSpeakerDto extends PartialType(CreateSpeakerDto) {}

export class SpeakerResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'Claire Fabre' }) fullName: string;
  @ApiProperty({ nullable: true, type: String }) jobTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ nullable: true, type: String }) bio: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Organisers only' }) email?: string | null;
}

export class SpeakerPageDto {
  @ApiProperty({ type: [SpeakerResponseDto] }) items: SpeakerResponseDto[];
  @ApiProperty({ example: 12 }) total: number;
}
