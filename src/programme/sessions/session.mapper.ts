import { toZonedIso } from '../../common/time';
import { SessionResponseDto } from './dto/session-response.dto';
import type { SessionWithLinks } from './sessions.repository';

export const toSessionResponse = ({ session, speakerIds, actionIds }: SessionWithLinks, timeZone: string): SessionResponseDto => ({
  id: session.id,
  eventId: session.eventId,
  title: session.title,
  type: session.type,
  description: session.description,
  startsAt: toZonedIso(session.startsAt, timeZone),
  endsAt: toZonedIso(session.endsAt, timeZone),
  roomId: session.roomId,
  speakerIds,
  actionIds,
  themes: session.themes,
  capacity: session.capacity,
  createdAt: toZonedIso(session.createdAt, timeZone),
  updatedAt: toZonedIso(session.updatedAt, timeZone),
});
