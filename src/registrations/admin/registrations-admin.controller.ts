import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Page } from '../../common/pagination';
import { UuidPipe } from '../../common/uuid.pipe';
import { AdminRegistrationDto, AdminRegistrationPageDto } from './dto/admin-registration-response.dto';
import { RegistrationQueryDto } from './dto/registration-query.dto';
import { AdminRegistrationsService } from './admin-registrations.service';
import { RegistrationsExportService } from './registrations-export.service';
import { OrganiserOnly } from '../../auth/organiser-only.decorator';
import { NoStore } from '../../common/no-store';

const eventId = new UuidPipe('Event');
const registrationId = new UuidPipe('Registration');

@ApiTags('registrations (organisers)')
@OrganiserOnly()
@NoStore()
@Controller('api/events/:id')
export class RegistrationsAdminController {
  constructor(
    private readonly registrations: AdminRegistrationsService,
    private readonly exports: RegistrationsExportService,
  ) {}

  @Get('registrations')
  @ApiOperation({ summary: 'An event’s registrations, cancelled included unless filtered; by last name, first name' })
  @ApiOkResponse({ type: AdminRegistrationPageDto })
  @ApiNotFoundResponse({ description: 'Unknown event' })
  list(@Param('id', eventId) id: string, @Query() query: RegistrationQueryDto): Promise<Page<AdminRegistrationDto>> {
    return this.registrations.list(id, query);
  }

  @Get('registrations.csv')
  @ApiOperation({
    summary: 'Every registration as CSV (UTF-8 with BOM, `;`, CRLF, French headers), cancelled included; streamed',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'inscriptions-<slug>.csv', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'Unknown event' })
  async exportCsv(@Param('id', eventId) id: string): Promise<StreamableFile> {
    const { filename, stream } = await this.exports.exportCsv(id);
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });
  }

  @Get('registrations/:registrationId')
  @ApiOperation({ summary: 'One registration with its check-in code, workshops, waiting-list rank and consents' })
  @ApiOkResponse({ type: AdminRegistrationDto })
  @ApiNotFoundResponse({ description: 'Unknown event, or no such registration in this event' })
  get(@Param('id', eventId) id: string, @Param('registrationId', registrationId) regId: string): Promise<AdminRegistrationDto> {
    return this.registrations.get(id, regId);
  }
}
