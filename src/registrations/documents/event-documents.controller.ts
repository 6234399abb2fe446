import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { OrganiserOnly } from '../../auth/organiser-only.decorator';
import { unprocessable } from '../../common/domain-error';
import { isUuid, UuidPipe } from '../../common/uuid.pipe';
import { EventDocumentsService, RenderedDocument } from './event-documents.service';

const eventId = new UuidPipe('Event');
const sessionId = new UuidPipe('Session');
const PDF = { description: 'application/pdf, streamed', schema: { type: 'string', format: 'binary' } };

/**
 * The document streamed as it is drawn. A failure after the first byte can no longer be a problem
 * answer: the connection is cut, so the client sees a broken download, never a PDF that looks whole.
 */
const pdfFile = (rendered: RenderedDocument) =>
  new StreamableFile(rendered.pdf, { type: 'application/pdf', disposition: `attachment; filename="${rendered.filename}"` }).setErrorHandler((error, res) => {
    if (res.destroy) res.destroy(error);
    else res.end();
  });

/** `a,b,c` → ids; 422 for anything that is not a list of UUIDs (at most 2,000). */
function registrationIdsOf(raw: string | undefined): string[] | null {
  if (raw === undefined) return null;
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.filter((id) => !isUuid(id));
  if (ids.length === 0 || ids.length > 2000 || bad.length) {
    throw unprocessable('invalid-registration-ids', 'registrationIds doit être une liste d’identifiants séparés par des virgules.', [
      { field: 'registrationIds', message: 'liste de 1 à 2 000 UUID séparés par des virgules' },
    ]);
  }
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** Organisers' print runs: badges, sign-in sheets, certificates. Streamed once the first rows are read. */
@ApiTags('documents (organisers)')
@OrganiserOnly()
@Controller('api/events/:id')
export class EventDocumentsController {
  constructor(private readonly documents: EventDocumentsService) {}

  @Get('badges.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'A4 sheets of 8 badges (2 × 4, cut marks): every confirmed on-site registrant by last name, first name, or those of `registrationIds`' })
  @ApiQuery({ name: 'registrationIds', required: false, description: 'Comma-separated registration ids: print only these (confirmed, on site)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse({ description: 'Unknown event' })
  @ApiUnprocessableEntityResponse({ description: 'registrationIds malformed, or naming someone who gets no badge' })
  async badges(@Param('id', eventId) id: string, @Query('registrationIds') ids?: string): Promise<StreamableFile> {
    return pdfFile(await this.documents.badgeSheets(id, registrationIdsOf(ids)));
  }

  @Get('sign-in-sheets.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'The day’s sign-in sheet (feuille d’émargement): every confirmed on-site registrant, morning and afternoon signature columns' })
  @ApiQuery({ name: 'date', required: true, description: 'A day of the event, YYYY-MM-DD (event timezone)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse({ description: 'Unknown event' })
  @ApiUnprocessableEntityResponse({ description: 'date missing, malformed or not a day of the event' })
  async daySheets(@Param('id', eventId) id: string, @Query('date') date?: string): Promise<StreamableFile> {
    return pdfFile(await this.documents.daySignInSheets(id, date));
  }

  @Get('sessions/:sessionId/sign-in-sheet.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'A session’s sign-in sheet: a workshop’s confirmed registrants (others: every confirmed on-site registrant), by name, with a signature column' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse({ description: 'Unknown event, or no such session in this event' })
  async sessionSheet(@Param('id', eventId) id: string, @Param('sessionId', sessionId) session: string): Promise<StreamableFile> {
    return pdfFile(await this.documents.sessionSignInSheet(id, session));
  }

  @Get('certificates.pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'One attendance certificate per checked-in person, by name' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse({ description: 'Unknown event' })
  async certificates(@Param('id', eventId) id: string): Promise<StreamableFile> {
    return pdfFile(await this.documents.certificates(id));
  }
}
