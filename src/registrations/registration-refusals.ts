import { conflict, DomainError, notFound, unprocessable } from '../common/domain-error';
import type { Event } from '../events/event.entity';
import { isRegistrationOpen } from '../events/event-rules';
import { firstOverlap } from './registration-rules';
import type { LockedSession } from './session-choices.repository';

/**
 * Why a registration or a change of choices is refused, in French. The decisions are made
 * elsewhere (register_attendee for registering, the change path for changes); this only words them.
 */

/** The constraint that backs the one-active-registration-per-email rule. */
export const ACTIVE_EMAIL_KEY = 'registration_active_email_key';

export const alreadyRegistered = () =>
  conflict('already-registered', 'Cette adresse électronique est déjà inscrite à cet événement.', [
    { field: 'email', message: 'already holds an active registration for this event' },
  ]);

export const eventNotFound = () => notFound('Event', 'Événement introuvable.');

const CLOSED = {
  event_cancelled: 'Cet événement est annulé : les inscriptions sont fermées.',
  not_yet_open: 'Les inscriptions ne sont pas encore ouvertes pour cet événement.',
  closed: 'Les inscriptions sont closes pour cet événement.',
} as const;

export type ClosedCode = keyof typeof CLOSED;

export const registrationClosed = (code: ClosedCode, suffix = '') => unprocessable('registration-closed', `${CLOSED[code]}${suffix}`);

export const modeRequired = () =>
  unprocessable('validation', 'Pour un événement hybride, précisez si vous venez sur place ou en ligne.', [
    { field: 'attendanceMode', message: 'is required for hybrid events (onsite or online)' },
  ]);

export const notWorkshops = (ids: string[]) =>
  unprocessable(
    'not-a-workshop',
    'Certaines sessions choisies ne sont pas des ateliers de cet événement.',
    ids.map((id) => ({ field: 'sessionIds', message: `${id} is not a workshop of this event` })),
  );

export const sessionsOverlap = (a: { id: string; title: string }, b: { id: string; title: string }) =>
  conflict('sessions-overlap', `Les ateliers « ${a.title} » et « ${b.title} » ont lieu en même temps : choisissez-en un seul.`, [
    { field: 'sessionIds', message: `${a.id} and ${b.id} overlap` },
  ]);

/** The change path's check of requested workshops against their locked rows. */
export function assertWorkshops(requested: string[], sessions: LockedSession[]): void {
  const found = new Map(sessions.map((s) => [s.id, s]));
  const invalid = requested.filter((id) => found.get(id)?.type !== 'workshop');
  if (invalid.length) throw notWorkshops(invalid);
  const clash = firstOverlap(requested.map((id) => found.get(id)!));
  if (clash) throw sessionsOverlap(clash[0], clash[1]);
}

/** The change path's window check: why seats cannot move right now, or null when they can. */
export function closedCode(event: Event, now: Date): ClosedCode | null {
  if (event.status === 'cancelled') return 'event_cancelled';
  if (isRegistrationOpen(event, now)) return null;
  if (event.registrationOpensAt && now.getTime() < event.registrationOpensAt.getTime()) return 'not_yet_open';
  return 'closed';
}

/** register_attendee's refusal codes, worded. */
export function refusal(outcome: string, detail: unknown): DomainError {
  switch (outcome) {
    case 'event_not_found':
      return eventNotFound();
    case 'event_cancelled':
    case 'not_yet_open':
    case 'closed':
      return registrationClosed(outcome);
    case 'mode_required':
      return modeRequired();
    case 'not_workshop':
      return notWorkshops(detail as string[]);
    case 'sessions_overlap': {
      const [a, b] = detail as Array<{ id: string; title: string }>;
      return sessionsOverlap(a, b);
    }
    case 'workshops_by_preference':
      return unprocessable(
        'workshops-by-preference',
        'Pour cet événement, les ateliers sont attribués selon vos préférences : classez-les (1er, 2e, 3e choix) au lieu de les choisir.',
        [{ field: 'sessionIds', message: 'workshops of this event are allocated by preference: send preferences instead' }],
      );
    case 'preferences_not_accepted':
      return unprocessable('preferences-not-accepted', 'Pour cet événement, les ateliers se choisissent directement : il n’y a pas de classement.', [
        { field: 'preferences', message: 'this event does not allocate workshops by preference (or has already allocated them)' },
      ]);
    case 'rank_taken': {
      const { rank } = detail as { rank: number };
      return unprocessable('rank-taken', `Un seul atelier par créneau peut être votre choix n° ${rank}.`, [
        { field: 'preferences', message: `rank ${rank} is given to two workshops of the same slot` },
      ]);
    }
    case 'already_registered':
      return alreadyRegistered();
    default:
      throw new Error(`register_attendee answered an unknown outcome: ${outcome}`);
  }
}
