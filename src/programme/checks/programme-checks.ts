import { toZonedIso } from '../../common/time';
import type { Event } from '../../events/event.entity';
import type { ProgrammeRow } from '../programme-view/programme.repository';
import { ProgrammeChecksDto } from './programme-checks.dto';

/** Sessions that usually happen in the hall, so a missing room is not a problem. */
const ROOMLESS_TYPES = new Set(['break', 'networking']);

/**
 * What would be a problem to print: sessions without room (onsite and hybrid events; breaks
 * and networking excepted), speakers in no session, workshops promising more places than their
 * room holds, and sessions left outside the event after its dates moved.
 */
export function checkProgramme(event: Event, rows: ProgrammeRow[], idleSpeakers: { id: string; fullName: string }[]): ProgrammeChecksDto {
  const tz = event.timezone;
  const ref = (row: ProgrammeRow) => ({
    sessionId: row.id,
    title: row.title,
    type: row.type,
    startsAt: toZonedIso(row.startsAt, tz),
    endsAt: toZonedIso(row.endsAt, tz),
  });
  const sessionsWithoutRoom = event.format === 'online' ? [] : rows.filter((r) => r.room === null && !ROOMLESS_TYPES.has(r.type)).map(ref);
  const workshopsOverRoomCapacity = rows
    .filter((r) => r.type === 'workshop' && r.capacity !== null && r.room?.capacity != null && r.capacity > r.room.capacity)
    .map((r) => ({ ...ref(r), capacity: r.capacity!, room: { id: r.room!.id, name: r.room!.name, capacity: r.room!.capacity! } }));
  const sessionsOutsideEvent = rows.filter((r) => r.startsAt.getTime() < event.startsAt.getTime() || r.endsAt.getTime() > event.endsAt.getTime()).map(ref);
  const speakersWithoutSession = idleSpeakers.map((s) => ({ speakerId: s.id, fullName: s.fullName }));
  return {
    eventId: event.id,
    problemCount: sessionsWithoutRoom.length + speakersWithoutSession.length + workshopsOverRoomCapacity.length + sessionsOutsideEvent.length,
    sessionsWithoutRoom,
    speakersWithoutSession,
    workshopsOverRoomCapacity,
    sessionsOutsideEvent,
  };
}
