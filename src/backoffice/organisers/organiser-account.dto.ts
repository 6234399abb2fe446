import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { MultiLine } from '../../common/text-rules';

export class InviteOrganiserDto {
  @IsEmail({}, { message: 'must be an email address' }) @MaxLength(254) email: string;
  @IsString() @MinLength(1) @MaxLength(200) name: string;
}

/** The same length rule as ORGANISER_PASSWORD and `npm run organiser:create`. */
export class ChoosePasswordDto {
  @IsString() @MinLength(12) @MaxLength(1024) @MultiLine() password: string;
  @IsString() @MaxLength(1024) @MultiLine() confirmation: string;
}
