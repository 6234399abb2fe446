import { Injectable, Logger } from '@nestjs/common';
import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { EventsRepository } from '../../events/events.repository';
import { CSV_HEADERS, toCsvRecord } from './registration-csv';
import { RegistrationsExportRepository } from './registrations-export.repository';
import { requireEvent } from './require-event';

export interface CsvExport {
  filename: string;
  stream: Readable;
}

/** The registrations of an event as a CSV file that opens cleanly in a French spreadsheet. */
@Injectable()
export class RegistrationsExportService {
  private readonly logger = new Logger('RegistrationsExport');

  constructor(
    private readonly events: EventsRepository,
    private readonly exports: RegistrationsExportRepository,
  ) {}

  /** Checks the event first (a 404 before any byte is sent), then streams rows as they are read. */
  async exportCsv(eventId: string): Promise<CsvExport> {
    const event = await requireEvent(this.events, eventId);
    const batches = this.exports.batches(event.id);
    async function* records() {
      for await (const batch of batches) {
        for (const row of batch) yield toCsvRecord(row, event.timezone);
      }
    }
    // BOM and `;`: Excel in a French locale then reads UTF-8 and splits the columns by itself.
    const csv = stringify({ bom: true, delimiter: ';', record_delimiter: 'windows', header: true, columns: CSV_HEADERS });
    // pipeline() tears the source down (closing the cursor) if the response stops early.
    pipeline(Readable.from(records()), csv, (error) => {
      // A client that hangs up early is not an error; anything else is logged without row data.
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') this.logger.error(`CSV export failed: ${error.name}: ${error.message}`);
    });
    return { filename: `inscriptions-${event.slug}.csv`, stream: csv };
  }
}
