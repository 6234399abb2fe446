import { Body, Controller, Delete, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
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
import { LinkRequestDto, LinkRequestedDto, RegisterDto } from './dto/register.dto';
import { ManageLinkRequestService } from './manage-link-request.service';
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
    private readonly linkRequests: ManageLinkRequestService,
  ) {}

  @Post('link')
  @HttpCode(202)
  @UseGuards(PublicRateLimitGuard)
  @ApiOperation({
    summary: 'Ask for one’s manage link again by email',
    description: 'Always 202, whether or not the address is registered: the link is emailed only when it holds an active registration for the event.',
  })
  @ApiAcceptedResponse({ type: LinkRequestedDto })
  @ApiNotFoundResponse({ description: 'Unknown or draft event' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid email' })
  @ApiTooManyRequestsResponse({ description: 'Rate limited (per client address)' })
  async requestLink(@Param('id', eventId) id: string, @Body() body: LinkRequestDto): Promise<LinkRequestedDto> {
    await this.linkRequests.request(id, body.email);
    return { message: 'Si cette adresse est inscrite à cet événement, le lien de gestion vient de lui être envoyé.' };
  }

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
