import type { FieldError } from '../../common/domain-error';
import { formatFrench, formatFrenchTime } from '../../common/time';

/** What the clash rule needs to know about a session; nothing else. */
export interface ScheduledSession {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  speakerIds: readonly string[];
}

export interface SessionClash {
  /** `roomId` or `speakerIds`: the field of the candidate that clashes. */
  field: 'roomId' | 'speakerIds';
  /** The other session, already scheduled. */
  session: ScheduledSession;
  /** For a speaker clash, the speakers the two sessions share. */
  speakerIds: string[];
}

/** Half-open intervals [start, end): a session ending at 10:00 and one starting at 10:00 do not overlap. */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * The one rule for "no room or speaker in two places at once": every scheduled session
 * (other than the candidate itself) that overlaps the candidate and shares its room or one of
 * its speakers. Room clashes come first, then speaker clashes, each in time order.
 */
export function findSessionClashes(candidate: ScheduledSession, scheduled: readonly ScheduledSession[]): SessionClash[] {
  const rooms: SessionClash[] = [];
  const speakers: SessionClash[] = [];
  const mine = new Set(candidate.speakerIds);
  for (const other of scheduled) {
    if (other.id === candidate.id || !overlaps(candidate, other)) continue;
    if (candidate.roomId !== null && other.roomId === candidate.roomId) rooms.push({ field: 'roomId', session: other, speakerIds: [] });
    const shared = other.speakerIds.filter((id) => mine.has(id));
    if (shared.length) speakers.push({ field: 'speakerIds', session: other, speakerIds: [...new Set(shared)] });
  }
  const byTime = (a: SessionClash, b: SessionClash) => a.session.startsAt.getTime() - b.session.startsAt.getTime() || a.session.id.localeCompare(b.session.id);
  return [...rooms.sort(byTime), ...speakers.sort(byTime)];
}

/** The clashes as problem-detail errors, in French, naming the other session (title, id, times). */
export function describeClashes(clashes: SessionClash[], timeZone: string, speakerNames: Map<string, string>): FieldError[] {
  return clashes.map(({ field, session, speakerIds }) => {
    const when = `${formatFrench(session.startsAt, timeZone)} – ${formatFrenchTime(session.endsAt, timeZone)}`;
    const other = `« ${session.title} » (${when}, id ${session.id})`;
    if (field === 'roomId') return { field, message: `Salle déjà occupée par ${other}` };
    const names = speakerIds.map((id) => speakerNames.get(id) ?? id).join(', ');
    return { field, message: `${names} intervient déjà dans ${other}` };
  });
}
