import { Body, Controller, Delete, Get, Patch } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RegistrationDto, RegistrationExportDto } from './dto/registration-response.dto';
import { UpdateRegistrationDto } from './dto/update-registration.dto';
import { RegistrationToken } from './registration-token';
import { SelfServiceService } from './self-service.service';
import { NoStore } from '../common/no-store';

/** The registrant's own registration, opened by the manage token (header or `?token=`). */
@ApiTags('registrant')
@ApiSecurity('registration-token')
@ApiSecurity('registration-token-query')
@ApiUnauthorizedResponse({ description: 'Missing, wrong or unknown token (the same answer in every case)' })
@NoStore()
@Controller('api/registrations/me')
export class RegistrantController {
  constructor(private readonly selfService: SelfServiceService) {}

  @Get()
  @ApiOperation({ summary: 'My registration: status, rank, workshops, check-in code; the online link once confirmed online' })
  @ApiOkResponse({ type: RegistrationDto })
  get(@RegistrationToken() token?: string): Promise<RegistrationDto> {
    return this.selfService.get(token);
  }

  @Patch()
  @ApiOperation({ summary: 'Change my details, attendance mode (hybrid events) or workshops, under the same rules as registering' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiConflictResponse({ description: 'Workshops overlap, email already registered, registration cancelled' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid field, registration closed, session not a workshop of this event' })
  update(@RegistrationToken() token: string | undefined, @Body() body: UpdateRegistrationDto): Promise<RegistrationDto> {
    return this.selfService.update(token, body);
  }

  @Delete()
  @ApiOperation({ summary: 'Cancel my registration; my seats go to the waiting lists' })
  @ApiOkResponse({ type: RegistrationDto, description: 'The cancelled registration' })
  cancel(@RegistrationToken() token?: string): Promise<RegistrationDto> {
    return this.selfService.cancel(token);
  }

  @Get('export')
  @ApiOperation({ summary: 'Everything held on me: registration, consents with their times, messages addressed to me' })
  @ApiOkResponse({ type: RegistrationExportDto })
  export(@RegistrationToken() token?: string): Promise<RegistrationExportDto> {
    return this.selfService.export(token);
  }
}
