import { Injectable } from '@nestjs/common';
import { CheckInService, normaliseCheckInCode } from '../../registrations/admin/check-in.service';
import { AdminRegistrationsService } from '../../registrations/admin/admin-registrations.service';
import type { CheckInStatsDto } from '../../registrations/admin/dto/event-stats.dto';
import { EventStatsService } from '../../registrations/admin/event-stats.service';
import { RegistrationQueryDto } from '../../registrations/admin/dto/registration-query.dto';
import { answerOf, CheckInAnswer, doorTime, refusalOf } from './check-in-answer';

/** A person found by name at the door, with what the desk can do for them. */
export interface DeskMatch {
  fullName: string;
  organisation: string | null;
  /** The badge's code: the search's button checks in with it, through the same scan. */
  checkInCode: string;
  state: string;
  canCheckIn: boolean;
}

export interface DeskAnswer {
  answer: CheckInAnswer;
  arrivals: CheckInStatsDto;
}

const STATES: Record<string, string> = { confirmed: 'Confirmé', waitlisted: 'Liste d’attente', cancelled: 'Annulé' };

/**
 * The welcome desk on a phone: a scan (or a code typed) goes through the check-in service, and
 * its answer — or refusal — becomes the screen's colour; a name search lists candidates. The rule
 * of who may enter stays in CheckInService.
 */
@Injectable()
export class CheckInDeskService {
  constructor(
    private readonly checkIns: CheckInService,
    private readonly registrations: AdminRegistrationsService,
    private readonly stats: EventStatsService,
  ) {}

  async scan(eventId: string, code: string): Promise<DeskAnswer> {
    let answer: CheckInAnswer;
    try {
      answer = answerOf(await this.checkIns.checkIn(eventId, code));
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      answer = refusal;
    }
    return { answer, arrivals: await this.stats.checkIn(eventId) };
  }

  arrivals(eventId: string): Promise<CheckInStatsDto> {
    return this.stats.checkIn(eventId);
  }

  /** Up to 10 registrations whose name, email, organisation or code matches `q`, cancelled ones included (they are told why). */
  async search(eventId: string, q: string): Promise<DeskMatch[]> {
    const query = Object.assign(new RegistrationQueryDto(), { q, limit: 10, offset: 0 });
    const page = await this.registrations.list(eventId, query);
    return page.items.map((r) => ({
      fullName: `${r.firstName} ${r.lastName}`,
      organisation: r.organisation,
      checkInCode: r.checkInCode,
      state: r.checkedInAt ? `Arrivé à ${doorTime(r.checkedInAt)}` : (STATES[r.status] ?? r.status),
      canCheckIn: r.status === 'confirmed',
    }));
  }
}

/** A badge code typed at the desk (12 characters, some digits), rather than a name. */
export function looksLikeCheckInCode(text: string): boolean {
  const code = normaliseCheckInCode(text);
  return /^[A-Z0-9]{12}$/.test(code) && /\d/.test(code);
}
