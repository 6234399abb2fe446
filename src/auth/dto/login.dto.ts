import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { MultiLine } from '../../common/text-rules';

export class LoginDto {
  @ApiProperty({ example: 'organisatrice@occitanie.gouv.fr' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'un mot de passe long' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  @MultiLine()
  password: string;
}

export class LoginResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIs…' }) accessToken: string;
  @ApiProperty({ example: 28800, description: 'Seconds until the token expires.' }) expiresIn: number;
}
