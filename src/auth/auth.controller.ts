import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { NoStore } from '../common/no-store';

@ApiTags('auth')
@NoStore()
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Organiser login: returns a bearer token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({
    description: '10 failures for one email from one address, or 50 for one email, within 15 minutes; or 20 attempts from one address within a minute',
  })
  login(@Body() body: LoginDto, @Ip() address: string | undefined): Promise<LoginResponseDto> {
    return this.auth.login(body.email, body.password, address);
  }
}
