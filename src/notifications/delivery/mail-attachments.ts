import { Injectable } from '@nestjs/common';
import { RegistrationDocuments } from '../../registrations/documents/registration-documents.service';
import type { DeliveryContext } from './mail-view.builder';
import { splitReason } from './mail-view.builder';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer | string;
}

/**
 * The one place that decides what a message carries, for confirmed registrants only: their badge
 * (onsite), personal agenda as PDF and as `agenda.ics` with confirmations, promotions and
 * reminders; the updated agenda with a programme change or a workshop seat. The documents come
 * from the registrations' own loaders and renderers (RegistrationDocuments), rendered now from
 * current data; the calendar's UIDs are stable, so a re-sent agenda updates entries in place.
 */
@Injectable()
export class MailAttachments {
  constructor(private readonly documents: RegistrationDocuments) {}

  async for(ctx: DeliveryContext): Promise<MailAttachment[]> {
    if (ctx.registration.status !== 'confirmed') return [];
    const [kind, arg] = splitReason(ctx.message.reason);
    const full = kind === 'confirmation' || kind === 'reminder' || (kind === 'promoted' && !arg);
    const agendaOnly = kind === 'session_changed' || kind === 'allocation' || (kind === 'promoted' && !!arg);
    if (!full && !agendaOnly) return [];
    const { badge, agendaPdf, agendaIcs } = await this.documents.forMail(ctx.registration.id, { badge: full, manageUrl: ctx.manageUrl, event: ctx.event });
    return [
      ...(badge ? [{ filename: 'badge.pdf', contentType: 'application/pdf', content: badge }] : []),
      { filename: 'agenda.pdf', contentType: 'application/pdf', content: agendaPdf },
      { filename: 'agenda.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: agendaIcs },
    ];
  }
}
