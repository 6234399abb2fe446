import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { conflict, notFound } from '../../common/domain-error';
import { toZonedIso } from '../../common/time';
import { EventsRepository } from '../../events/events.repository';
import { CheckInResultDto } from './dto/check-in.dto';
import { AdminRegistrationsRepository, CheckInRow } from './admin-registrations.repository';
import { requireEvent } from './require-event';

/** Codes are printed in upper case; people type them with spaces, dashes or in lower case. */
export const normaliseCheckInCode = (code: string) => code.replace(/[\s-]+/g, '').toUpperCase();

/** Checking people in at the door by their badge's code. */
@Injectable()
export class CheckInService {
  constructor(
    private readonly events: EventsRepository,
    private readonly registrations: AdminRegistrationsRepository,
    private readonly clock: Clock,
  ) {}

  async checkIn(eventId: string, rawCode: string): Promise<CheckInResultDto> {
    const event = await requireEvent(this.events, eventId);
    if (event.status === 'cancelled') throw conflict('event-cancelled', 'Cet événement est annulé : aucun accueil n’est possible.');
    const code = normaliseCheckInCode(rawCode);
    // A second round only when the registration was promoted between our update and our read.
    for (let attempt = 0; attempt < 2; attempt++) {
      const marked = await this.registrations.markCheckedIn(event.id, code, this.clock.now());
      if (marked) return this.result(marked, false, event.timezone);
      // Nothing updated: unknown here, not confirmed, or already scanned (perhaps a moment ago by a concurrent scan).
      const found = await this.registrations.findByCheckInCode(event.id, code);
      if (!found) throw notFound('Registration', 'Aucune inscription ne correspond à ce code pour cet événement.');
      if (found.status === 'cancelled') throw conflict('registration-cancelled', 'Cette inscription a été annulée : pas d’entrée possible.');
      if (found.status === 'waitlisted') {
        throw conflict('registration-waitlisted', 'Cette personne est sur liste d’attente : son inscription n’est pas confirmée.');
      }
      if (found.checkedInAt) return this.result(found, true, event.timezone);
    }
    throw conflict('check-in-retry', 'L’inscription vient de changer, scannez le badge à nouveau.');
  }

  private result(row: CheckInRow, alreadyCheckedIn: boolean, timeZone: string): CheckInResultDto {
    return {
      registrationId: row.id,
      fullName: `${row.firstName} ${row.lastName}`,
      organisation: row.organisation,
      checkedInAt: toZonedIso(row.checkedInAt!, timeZone),
      alreadyCheckedIn,
    };
  }
}
