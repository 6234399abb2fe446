import { DomainError } from '../../common/domain-error';
import type { CheckInResultDto } from '../../registrations/admin/dto/check-in.dto';

/** green: let them in; orange: already in (a second badge? a friend's?); red: no entry. */
export type CheckInTone = 'arrived' | 'already' | 'refused';

/** What the phone at the door shows, full screen, after a scan or a search. Pure view model. */
export interface CheckInAnswer {
  tone: CheckInTone;
  headline: string;
  name: string | null;
  organisation: string | null;
  detail: string | null;
}

/** `9 h 12` from the zoned ISO time the check-in answers (already in the event's timezone). */
export function doorTime(zonedIso: string): string {
  const [, hour, minute] = /T(\d{2}):(\d{2})/.exec(zonedIso) ?? [];
  return hour ? `${Number(hour)} h ${minute}` : zonedIso;
}

export function answerOf(result: CheckInResultDto): CheckInAnswer {
  const at = doorTime(result.checkedInAt);
  return result.alreadyCheckedIn
    ? {
        tone: 'already',
        headline: `Déjà enregistré à ${at}`,
        name: result.fullName,
        organisation: result.organisation,
        detail: 'Ce badge a déjà été scanné : vérifiez l’identité de la personne.',
      }
    : { tone: 'arrived', headline: 'Bienvenue', name: result.fullName, organisation: result.organisation, detail: `Arrivée enregistrée à ${at}.` };
}

const REFUSALS: Record<string, string> = {
  'registration-not-found': 'Badge inconnu',
  'registration-cancelled': 'Inscription annulée',
  'registration-waitlisted': 'Sur liste d’attente',
  'event-cancelled': 'Événement annulé',
  'check-in-retry': 'Scannez à nouveau',
};

/** The check-in's refusals (its 404 and 409 answers) as a red screen; any other error is not ours to show. */
export function refusalOf(error: unknown): CheckInAnswer | null {
  if (!(error instanceof DomainError) || !(error.code in REFUSALS)) return null;
  return { tone: 'refused', headline: REFUSALS[error.code], name: null, organisation: null, detail: error.detail };
}
