import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CheckInDto {
  @ApiProperty({ example: 'K7QX2MPA9RTE', description: 'The code read from the badge’s QR code or typed; case and spaces ignored' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code: string;
}

export class CheckInResultDto {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ example: 'Hélène Martínez' }) fullName: string;
  @ApiProperty({ example: 'CCAS de Montpellier', nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ example: '2027-03-11T08:47:12+01:00' }) checkedInAt: string;
  @ApiProperty({ description: 'true when this badge had already been scanned (checkedInAt is the first scan)' })
  alreadyCheckedIn: boolean;
}
