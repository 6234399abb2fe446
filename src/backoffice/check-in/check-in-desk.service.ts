import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
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
  /** No registration of the event has this code. */
  unknown: boolean;
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
    let unknown = false;
    try {
      answer = answerOf(await this.checkIns.checkIn(eventId, code));
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      answer = refusal;
      unknown = error instanceof DomainError && error.code === 'registration-not-found';
    }
    return { answer, arrivals: await this.stats.checkIn(eventId), unknown };
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

/**
 * A badge code typed at the desk (12 letters and digits once spaces and dashes are dropped) rather
 * than a name. About 3 % of codes have no digit, so twelve letters are tried as a code first, and
 * read as a name when no badge has them (see the desk's form).
 */
export function looksLikeCheckInCode(text: string): boolean {
  return /^[A-Z0-9]{12}$/.test(normaliseCheckInCode(text));
}

/** Twelve letters that are no badge's code: a name to search for. */
export const ratherAName = (typed: string, scanned: DeskAnswer): boolean => scanned.unknown && !/\d/.test(typed);
