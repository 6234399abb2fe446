import { Body, Controller, Delete, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { PublicRateLimitGuard } from '../common/public-rate-limit.guard';
import { UuidPipe } from '../common/uuid.pipe';
import { RegisterDto } from './dto/register.dto';
import { RegistrationCreatedDto, RegistrationDto } from './dto/registration-response.dto';
import { RegisterService } from './register.service';
import { SelfServiceService } from './self-service.service';
import { OrganiserOnly } from '../auth/organiser-only.decorator';
import { NoStore } from '../common/no-store';

const eventId = new UuidPipe('Event');
const registrationId = new UuidPipe('Registration');

@ApiTags('registrations')
@NoStore()
@Controller('api/events/:id/registrations')
export class RegistrationsController {
  constructor(
    private readonly register: RegisterService,
    private readonly selfService: SelfServiceService,
  ) {}

  @Post()
  @UseGuards(PublicRateLimitGuard)
  @ApiOperation({
    summary: 'Register for a published event whose registration is open',
    description:
      'Confirmed while the event (per attendance mode for hybrid events) has seats, else waitlisted with its rank; ' +
      'each chosen workshop likewise. The manage token is shown once.',
  })
  @ApiCreatedResponse({ type: RegistrationCreatedDto })
  @ApiNotFoundResponse({ description: 'Unknown or draft event' })
  @ApiConflictResponse({ description: 'Email already registered (active registration), or two chosen workshops overlap' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid field, consent not given, registration closed, session not a workshop of this event' })
  @ApiTooManyRequestsResponse({ description: 'Rate limited (per client address)' })
  create(@Param('id', eventId) id: string, @Body() body: RegisterDto): Promise<RegistrationCreatedDto> {
    return this.register.register(id, body);
  }

  @Delete(':registrationId')
  @OrganiserOnly()
  @ApiOperation({ summary: 'Cancel a registration on the person’s behalf; the freed seats go to the waiting lists' })
  @ApiOkResponse({ type: RegistrationDto, description: 'The cancelled registration' })
  @ApiNotFoundResponse()
  cancel(@Param('id', eventId) id: string, @Param('registrationId', registrationId) regId: string): Promise<RegistrationDto> {
    return this.selfService.cancelByOrganiser(id, regId);
  }
}
