import { Injectable } from '@nestjs/common';
import { MailSource, RegistrationDocuments } from '../../registrations/documents/registration-documents.service';
import type { DeliveryContext } from './mail-view.builder';
import { splitReason } from './mail-view.builder';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer | string;
}

/** What a message's documents were read from, for a batch (MailAttachments.prepare). */
export type PreparedDocuments = Map<string, MailSource>;

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

  /** The data for the documents of a whole batch of messages, read at once. */
  prepare(contexts: DeliveryContext[]): Promise<PreparedDocuments> {
    const ids = contexts.filter((ctx) => this.carried(ctx) !== null).map((ctx) => ctx.registration.id);
    return ids.length ? this.documents.mailSources(ids) : Promise.resolve(new Map<string, MailSource>());
  }

  async for(ctx: DeliveryContext, prepared: PreparedDocuments = new Map()): Promise<MailAttachment[]> {
    const carried = this.carried(ctx);
    if (carried === null) return [];
    const id = ctx.registration.id;
    // Read now when the batch's read did not include it (a caller without a batch).
    const source = prepared.get(id) ?? (await this.documents.mailSources([id])).get(id);
    if (!source) throw new Error(`Registration ${id} not found for its documents`);
    const { badge, agendaPdf, agendaIcs } = await this.documents.forMail(source, { badge: carried === 'full', manageUrl: ctx.manageUrl, event: ctx.event });
    return [
      ...(badge ? [{ filename: 'badge.pdf', contentType: 'application/pdf', content: badge }] : []),
      { filename: 'agenda.pdf', contentType: 'application/pdf', content: agendaPdf },
      { filename: 'agenda.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: agendaIcs },
    ];
  }

  /** 'full' (badge and agenda), 'agenda', or null (nothing attached). */
  private carried(ctx: DeliveryContext): 'full' | 'agenda' | null {
    if (ctx.registration.status !== 'confirmed') return null;
    const [kind, arg] = splitReason(ctx.message.reason);
    if (kind === 'confirmation' || kind === 'reminder' || (kind === 'promoted' && !arg)) return 'full';
    if (kind === 'session_changed' || kind === 'allocation' || (kind === 'promoted' && !!arg)) return 'agenda';
    return null;
  }
}
