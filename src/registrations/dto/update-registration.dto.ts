import { ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { RegistrantDetailsDto } from './register.dto';

/** What a registrant may change: details, attendance mode (hybrid events), workshop choices. */
export class UpdateRegistrationDto extends PartialType(
  PickType(RegistrantDetailsDto, [
    'firstName',
    'lastName',
    'email',
    'organisation',
    'organisationType',
    'jobTitle',
    'department',
    'attendanceMode',
    'accessibilityNeeds',
    'accessibility',
    'easyRead',
    'travelSupport',
    'dietaryRequirements',
    'photoConsent',
  ] as const),
) {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The full new set of workshops chosen (replaces the old one).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'must not list a session twice' })
  @IsUUID('all', { each: true, message: 'each must be a session id (UUID)' })
  sessionIds?: string[];
}
