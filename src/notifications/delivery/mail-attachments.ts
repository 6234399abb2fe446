import { Injectable } from '@nestjs/common';
import { renderCalendar } from '../../documents/ics/calendar.renderer';
import type { DeliveryContext } from './mail-view.builder';
import { splitReason } from './mail-view.builder';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer | string;
}

/** The messages after which a confirmed person holds new or changed practical documents. */
const WITH_DOCUMENTS = new Set(['confirmation', 'promoted', 'reminder', 'session_changed']);

/**
 * The one place that decides what a message carries. Confirmed registrants get their personal
 * agenda as `agenda.ics` (stable UIDs, so a re-sent agenda updates calendar entries instead of
 * duplicating them); the badge and the PDF agenda join here when the documents exist.
 */
@Injectable()
export class MailAttachments {
  async for(ctx: DeliveryContext): Promise<MailAttachment[]> {
    if (ctx.registration.status !== 'confirmed' || !WITH_DOCUMENTS.has(splitReason(ctx.message.reason)[0])) return [];
    return [{ filename: 'agenda.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: agendaIcs(ctx) }];
  }
}

/** Everyone's sessions and this person's confirmed workshops; the event itself when it has no programme. */
export function agendaIcs(ctx: DeliveryContext): string {
  const { event } = ctx;
  const place = event.format === 'online' || ctx.registration.attendanceMode === 'online' ? 'En ligne' : event.venue ? `${event.venue.name}, ${event.venue.city}` : null;
  const sessions = [...ctx.commonSessions, ...ctx.choices.filter((c) => c.status === 'confirmed')].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title, 'fr'),
  );
  const entries = sessions.length
    ? sessions.map((s) => ({
        uid: `${s.id}@rencontres`,
        title: s.title,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location: [s.roomName, place].filter(Boolean).join(' – ') || null,
        description: event.title,
        updatedAt: s.updatedAt,
      }))
    : [{ uid: `${event.id}@rencontres`, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, location: place, description: null, updatedAt: event.updatedAt }];
  return renderCalendar({ name: event.title, timezone: event.timezone, entries });
}
