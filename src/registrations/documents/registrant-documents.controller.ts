import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { RegistrationToken } from '../registration-token';
import { RegistrationDocuments } from './registration-documents.service';

const PDF = { description: 'application/pdf', schema: { type: 'string', format: 'binary' } };

const pdfFile = (body: Buffer, filename: string) => new StreamableFile(body, { type: 'application/pdf', disposition: `inline; filename="${filename}"`, length: body.length });

/** The registrant's own documents, opened by the manage token (header or `?token=`). */
@ApiTags('registrant')
@ApiSecurity('registration-token')
@ApiSecurity('registration-token-query')
@ApiUnauthorizedResponse({ description: 'Missing, wrong or unknown token (the same answer in every case)' })
@Controller('api/registrations/me')
export class RegistrantDocumentsController {
  constructor(private readonly documents: RegistrationDocuments) {}

  @Get('badge.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'My badge (95 × 69 mm): name, organisation, type band, QR code of my check-in code' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiConflictResponse({ description: 'No badge: the registration is not confirmed, or attends online' })
  async badge(@RegistrationToken() token?: string): Promise<StreamableFile> {
    return pdfFile(await this.documents.badgeForRegistrant(token), 'badge.pdf');
  }

  @Get('agenda.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'My programme: sessions for everyone, my workshops (waitlisted ones marked), practical information, QR code' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  async agenda(@RegistrationToken() token?: string): Promise<StreamableFile> {
    return pdfFile(await this.documents.agendaPdf(await this.documents.registrationIdFor(token)), 'programme-personnel.pdf');
  }

  @Get('agenda.ics')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'My programme as iCalendar: stable UIDs, so a re-sent agenda updates the entries in place' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar; charset=utf-8', schema: { type: 'string' } })
  async agendaIcs(@RegistrationToken() token?: string): Promise<StreamableFile> {
    const text = await this.documents.agendaIcs(await this.documents.registrationIdFor(token));
    return new StreamableFile(Buffer.from(text, 'utf8'), { type: 'text/calendar; charset=utf-8', disposition: 'attachment; filename="programme-personnel.ics"' });
  }

  @Get('certificate.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'My attendance certificate (attestation de présence), once checked in' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiConflictResponse({ description: 'Not checked in yet' })
  async certificate(@RegistrationToken() token?: string): Promise<StreamableFile> {
    return pdfFile(await this.documents.certificateForRegistrant(token), 'attestation-de-presence.pdf');
  }
}
