import { formatFrench } from '../../common/time';
import type { ProgrammeChecksDto } from '../../programme/checks/programme-checks.dto';

/** GET /api/events/{id}/conflicts in sentences: what to fix before printing the programme. */
export function checksView(checks: ProgrammeChecksDto, timeZone: string) {
  const when = (s: { startsAt: string }) => formatFrench(new Date(s.startsAt), timeZone);
  const items = [
    ...checks.sessionsOutsideEvent.map((s) => ({ text: `« ${s.title} » (${when(s)}) n’est plus pendant l’événement : ses dates ont changé.`, sessionId: s.sessionId })),
    ...checks.sessionsWithoutRoom.map((s) => ({ text: `« ${s.title} » (${when(s)}) n’a pas de salle.`, sessionId: s.sessionId })),
    ...checks.workshopsOverRoomCapacity.map((s) => ({
      text: `« ${s.title} » offre ${s.capacity} places, mais la salle ${s.room.name} n’en a que ${s.room.capacity}.`,
      sessionId: s.sessionId,
    })),
    ...checks.speakersWithoutSession.map((s) => ({ text: `${s.fullName} n’intervient dans aucune session.`, sessionId: null })),
  ];
  return { count: checks.problemCount, items };
}
