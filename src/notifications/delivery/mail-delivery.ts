import { Metrics } from '../../observability/metrics';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { deriveInvitationToken, invitationPath } from '../../auth/invitation-token';
import { formatFrenchAt } from '../../common/time';
import { ManageLinks } from '../manage-links';
import { renderInvitationMail } from '../mail/organiser-invitation.mail';
import { MailTemplates } from '../mail/mail-templates';
import { BatchLease } from './batch-lease';
import { ClaimedMail, DeliveryRepository } from './delivery.repository';
import { MailAttachment, MailAttachments, PreparedDocuments } from './mail-attachments';
import { MAIL_TRANSPORT, MailTransport, oneLine } from './mail-transport';
import { buildMailView, DeliveryContext, splitReason } from './mail-view.builder';

const DAY_MS = 24 * 3600 * 1000;
/** Messages of a batch being prepared and sent at once. */
const LANES = 4;
/** Messages of a batch whose documents are drawn ahead of their lane: the render workers keep busy while lanes send. */
const LOOK_AHEAD = 8;
/** What a person must hear whatever the cap. */
const NEVER_CAPPED = new Set(['event_cancelled']);

/** A claimed batch with the data it is sent from (MailDelivery.claim), until its lanes have taken every message. */
export interface ReadBatch {
  /** Renewed from the claim until the batch is sent. */
  lease: BatchLease;
  invitations: ClaimedMail[];
  /** The messages to registrants not yet taken by a lane. */
  queue: ClaimedMail[];
  /** Keyed by outbox row id; a row without one has nothing left to say. */
  contexts: Map<string, DeliveryContext>;
  documents: PreparedDocuments;
  /** Attachments being drawn ahead, by outbox row id. */
  drawing: Map<string, Promise<MailAttachment[]>>;
  /** Set when the batch's data could not be read: its messages are retried like failed deliveries. */
  unreadable?: { error: unknown };
}

/** Retry delay after `attempts` failures: exponential from 30 s, capped at 6 h, ±20 % jitter. */
export function backoffMs(attempts: number, random: number = Math.random()): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
  return Math.round(base * (0.8 + 0.4 * random));
}

/** SMTP answers may quote the address: logs never do. */
export function scrubAddresses(text: string): string {
  return text.replace(/[^\s<>@"']+@[^\s<>@"']+/g, '<adresse>');
}

/**
 * Delivers claimed messages: reads the current data of a batch in a few queries, builds each
 * message's view and attachments, renders it from the templates, hands it to the transport, and
 * records the outcome (sent, retried with backoff, dead after MAIL_MAX_ATTEMPTS, or discarded when
 * it has nothing left to say).
 */
@Injectable()
export class MailDelivery implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly domain: string;

  constructor(
    private readonly repository: DeliveryRepository,
    private readonly templates: MailTemplates,
    private readonly attachments: MailAttachments,
    private readonly links: ManageLinks,
    private readonly clock: Clock,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    this.domain = /@([^>\s]+)/.exec(config.mailFrom)?.[1] ?? 'rencontres.localhost';
  }

  /** After the worker stopped (module destroy): close the pooled SMTP connection. */
  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }

  /**
   * Claims up to `limit` due messages under a lease (renewed until they are sent) and reads them;
   * null when none is due. `holding`: the rows of a batch this worker is still sending.
   */
  async claim(limit: number, holding: string[] = []): Promise<ReadBatch | null> {
    const now = this.clock.now();
    const leaseMs = this.config.mailLeaseSeconds * 1000;
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const claimed = await this.repository.claim(now, leaseUntil, limit, holding);
    if (claimed.length === 0) return null;
    const lease = new BatchLease(
      claimed.map((row) => row.id),
      leaseUntil,
      leaseMs,
      () => this.clock.now(),
      (ids, from, to) => this.repository.extendLease(ids, from, to),
      (error) => this.logger.warn(`Cannot renew the lease of a batch being sent: ${error.message}`),
    ).start();
    try {
      return await this.read(claimed, lease);
    } catch (error) {
      // Not sent from here: the lease lapses and the rows are taken up again.
      await lease.stop();
      throw error;
    }
  }

  /** The stable Message-ID of an outbox row. */
  messageIdOf(rowId: string): string {
    return `<${rowId}@${this.domain}>`;
  }

  /**
   * The current data of a claimed batch, read in a few queries, and the documents of its first
   * messages already being drawn. Reading never sends: a worker reads the next batch while the
   * last messages of the current one are on their way.
   */
  private async read(claimed: ClaimedMail[], lease: BatchLease): Promise<ReadBatch> {
    const queue = claimed.filter((r) => !r.invitationId);
    const read: ReadBatch = { lease, invitations: claimed.filter((r) => r.invitationId), queue, contexts: new Map(), documents: new Map(), drawing: new Map() };
    if (queue.length === 0) return read;
    try {
      read.contexts = await this.contexts(queue);
      read.documents = await this.attachments.prepare([...read.contexts.values()]);
    } catch (error) {
      read.unreadable = { error };
      return read;
    }
    this.drawAhead(read);
    return read;
  }

  /**
   * Sends a batch that was read. `beforeEach` runs before each message: the worker gives way to HTTP
   * there. `lastTaken` is called once the batch's last message is taken (the others may still be
   * drawing or sending): the worker then reads its next batch.
   */
  async send(read: ReadBatch, beforeEach: () => Promise<unknown> = () => yieldToLoop(), lastTaken: () => void = () => undefined): Promise<void> {
    try {
      await this.sendHeld(read, beforeEach, lastTaken);
    } finally {
      await read.lease.stop();
    }
  }

  private async sendHeld(read: ReadBatch, beforeEach: () => Promise<unknown>, lastTaken: () => void): Promise<void> {
    const { lease } = read;
    for (const row of read.invitations) {
      await beforeEach();
      if (this.stillHeld(row, lease)) await this.deliverInvitation(row);
      lease.done(row.id);
    }
    const { queue, contexts } = read;
    if (queue.length === 0) return;
    let unreadable = read.unreadable;
    let sent = new Map<string, number>();
    if (!unreadable) {
      try {
        // Counted now, once the previous batch is marked: the cap sees every message sent before.
        sent = await this.repository.sentSince(
          [...contexts.values()].map((c) => ({ eventId: c.event.id, email: c.registration.email })),
          new Date(this.clock.now().getTime() - DAY_MS),
        );
      } catch (error) {
        unreadable = { error };
      }
    }
    if (unreadable) {
      // Nothing was sent: the batch is retried like a failed delivery, not left leased.
      for (const row of queue.splice(0)) {
        if (this.stillHeld(row, lease)) await this.failed(row, unreadable.error);
        lease.done(row.id);
      }
      return;
    }
    // A few lanes keep the SMTP connection busy without taking the database pool from requests,
    // and the next messages' documents are already being drawn while a lane sends (look-ahead).
    const lane = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        if (queue.length === 0) lastTaken();
        this.drawAhead(read);
        await beforeEach();
        if (this.stillHeld(row, lease)) await this.handle(row, read, sent);
        lease.done(row.id);
      }
    };
    // Every lane ends before the batch does (one that fails leaves the rest of the queue to the others),
    // so that nothing of the batch, nor a batch read ahead, is still going once the caller hears of it.
    const lanes = await Promise.allSettled(Array.from({ length: LANES }, lane));
    const failed = lanes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** One message of the batch: discarded, dropped by the cap, or delivered. */
  private async handle(row: ClaimedMail, read: ReadBatch, sent: Map<string, number>): Promise<void> {
    const ctx = read.contexts.get(row.id);
    if (!ctx) return this.repository.discard(row.id);
    const key = `${ctx.event.id}|${ctx.registration.email}`;
    const count = sent.get(key) ?? 0;
    if (await this.capped(row, ctx, count)) return;
    sent.set(key, count + 1);
    await this.deliverOne(row, ctx, read.drawing.get(row.id) ?? this.attachments.for(ctx, read.documents));
  }

  /** False when the row's lease passed to another worker (this one stalled longer than the lease): it is theirs to send. */
  private stillHeld(row: ClaimedMail, lease: BatchLease): boolean {
    if (lease.holds(row.id)) return true;
    this.logger.warn(`Message ${row.id} (${row.reason}) not sent from here: its lease passed to another worker`);
    return false;
  }

  /** Starts drawing the documents of the next messages of the batch, ahead of their lane. */
  private drawAhead({ queue, contexts, documents, drawing }: ReadBatch): void {
    for (const next of queue.slice(0, LOOK_AHEAD)) {
      const ctx = contexts.get(next.id);
      if (!ctx || ctx.registration.anonymisedAt || drawing.has(next.id)) continue;
      const pending = this.attachments.for(ctx, documents);
      // Awaited, and a failure handled as the message's own, when its lane takes it.
      pending.catch(() => undefined);
      drawing.set(next.id, pending);
    }
  }

  /** Whether the message must not go out (anonymised person, or too many messages to that address): then it is dead. */
  private async capped(row: ClaimedMail, ctx: DeliveryContext, count: number): Promise<boolean> {
    const cap = this.config.mailRecipientCap;
    if (ctx.registration.anonymisedAt) {
      await this.repository.markFailed(row.id, 'Anonymisé avant envoi', null, this.clock.now());
      this.metrics.mailDelivery('dead');
      return true;
    }
    if (cap === 0 || count < cap || NEVER_CAPPED.has(splitReason(row.reason)[0])) return false;
    this.logger.warn(`Message ${row.id} (${row.reason}, event ${row.eventId}) dropped: ${cap} messages already sent to this address about this event within 24 hours`);
    await this.repository.markFailed(row.id, `Non envoyé : plafond de ${cap} messages par destinataire et par événement en 24 heures atteint`, null, this.clock.now());
    this.metrics.mailDelivery('dead');
    return true;
  }

  private async deliverOne(row: ClaimedMail, ctx: DeliveryContext, drawn: Promise<MailAttachment[]>): Promise<void> {
    try {
      const attachments = await drawn;
      const names = attachments.map((a) => a.filename);
      const view = buildMailView(ctx, { hasBadge: names.includes('badge.pdf'), hasAgenda: names.some((n) => n.startsWith('agenda.')) });
      if ('obsolete' in view) {
        this.logger.log(`Message ${row.id} (${row.reason}) discarded: ${view.obsolete}`);
        await this.repository.discard(row.id);
        this.metrics.mailDelivery('discarded');
        return;
      }
      const mail = this.templates.render(view);
      const smtpId = await this.transport.send({
        messageId: this.messageIdOf(row.id),
        from: this.config.mailFrom,
        replyTo: this.config.contactEmail,
        to: { name: `${ctx.registration.firstName} ${ctx.registration.lastName}`, address: ctx.registration.email },
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        attachments,
      });
      await this.repository.markSent(row.id, smtpId, this.clock.now());
      this.metrics.mailDelivery('sent');
    } catch (error) {
      await this.failed(row, error);
    }
  }

  /** An organiser's invitation: the link derived now (never stored), unless the invitation is spent. */
  private async deliverInvitation(row: ClaimedMail): Promise<void> {
    try {
      const invitation = await this.repository.invitation(row.invitationId!, this.clock.now());
      if (!invitation?.open) return await this.repository.discard(row.id);
      const url = `${this.config.publicBaseUrl}${invitationPath(deriveInvitationToken(this.config.tokenSecret, invitation.id))}`;
      const name = invitation.name ?? invitation.email;
      const mail = renderInvitationMail({ name, url, expiresAt: formatFrenchAt(new Date(invitation.expiresAt), 'Europe/Paris'), contactEmail: this.config.contactEmail });
      const smtpId = await this.transport.send({
        messageId: this.messageIdOf(row.id),
        from: this.config.mailFrom,
        replyTo: this.config.contactEmail,
        to: { name, address: invitation.email },
        ...mail,
        attachments: [],
      });
      await this.repository.markSent(row.id, smtpId, this.clock.now());
    } catch (error) {
      await this.failed(row, error);
    }
  }

  private async failed(row: ClaimedMail, error: unknown): Promise<void> {
    const message = scrubAddresses(oneLine((error as Error)?.message ?? String(error))) || 'Erreur inconnue';
    const now = this.clock.now();
    const retryAt = row.attempts >= this.config.mailMaxAttempts ? null : new Date(now.getTime() + backoffMs(row.attempts));
    this.logger.warn(`Message ${row.id} (${row.reason}) attempt ${row.attempts} failed${retryAt ? '' : ', now dead'}: ${message}`);
    await this.repository.markFailed(row.id, message, retryAt, now);
    this.metrics.mailDelivery(retryAt ? 'failed' : 'dead');
  }

  /** The current data of every message of the batch, keyed by outbox row id. */
  private async contexts(batch: ClaimedMail[]): Promise<Map<string, DeliveryContext>> {
    const ids = (pick: (r: ClaimedMail) => string | undefined) => [...new Set(batch.map(pick).filter((x): x is string => !!x))];
    const registrationIds = ids((r) => r.registrationId);
    const eventIds = ids((r) => r.eventId);
    const [registrations, events, choices, sessions, broadcasts] = await Promise.all([
      this.repository.registrations(registrationIds),
      this.repository.events(eventIds),
      this.repository.choices(registrationIds),
      this.repository.sessions(ids((r) => (r.reason.startsWith('session_changed:') ? splitReason(r.reason)[1] : undefined))),
      this.repository.broadcasts(ids((r) => (r.reason.startsWith('broadcast:') ? splitReason(r.reason)[1] : undefined))),
    ]);
    const registrationById = new Map(registrations.map((r) => [r.id, r]));
    const eventById = new Map(events.map((e) => [e.id, e]));
    const contexts = new Map<string, DeliveryContext>();
    for (const row of batch) {
      const registration = registrationById.get(row.registrationId);
      const event = registration && eventById.get(registration.eventId);
      if (!registration || !event) continue;
      const [kind, arg] = splitReason(row.reason);
      contexts.set(row.id, {
        message: row,
        registration,
        event,
        choices: choices.filter((c) => c.registrationId === registration.id),
        session: kind === 'session_changed' ? (sessions.find((s) => s.id === arg) ?? null) : undefined,
        broadcast: kind === 'broadcast' ? (broadcasts.find((b) => b.id === arg) ?? null) : undefined,
        manageUrl: this.links.urlFor(this.links.tokenFor(registration)),
        contactEmail: this.config.contactEmail,
      });
    }
    return contexts;
  }
}
