import { formatFrenchAt, formatFrenchTime, localDate } from '../../common/time';
import type { Event } from '../../events/event.entity';
import { allocationDueAt } from '../../events/event-rules';
import { isEasyRead } from '../../registrations/registration-needs';
import type { MailBase, MailView, MailWorkshopView } from '../mail/mail-view';
import type { ChoiceForMail, ClaimedMail, RegistrationForMail, SessionForMail } from './delivery.repository';

/** Everything current a message is rendered from (read at delivery, not when it was queued). */
export interface DeliveryContext {
  message: ClaimedMail;
  registration: RegistrationForMail;
  event: Event;
  /** The registration's active workshop choices, in programme order. */
  choices: ChoiceForMail[];
  /** session_changed: the session now (null when it was removed). */
  session?: SessionForMail | null;
  broadcast?: { subject: string; body: string } | null;
  manageUrl: string;
  contactEmail: string;
}

/** A message that has nothing left to say, and why (it is discarded, not sent). */
export interface Obsolete {
  obsolete: string;
}

/** "jeudi 12 mars 2027 à 14 h 00 – 15 h 30" (the end's date too when on another day). */
export function wordedSpan(startsAt: Date, endsAt: Date, timeZone: string): string {
  const sameDay = localDate(startsAt, timeZone) === localDate(endsAt, timeZone);
  return `${formatFrenchAt(startsAt, timeZone)} – ${sameDay ? formatFrenchTime(endsAt, timeZone) : formatFrenchAt(endsAt, timeZone)}`;
}

/** How far off the event is when a reminder `offsetMinutes` before it goes out, in words. */
export function dueInWords(offsetMinutes: number): string {
  const days = offsetMinutes / 1440;
  if (Number.isInteger(days)) return days === 1 ? 'demain' : `dans ${days} jours`;
  const hours = offsetMinutes / 60;
  if (Number.isInteger(hours)) return hours === 1 ? 'dans 1 heure' : `dans ${hours} heures`;
  return `dans ${offsetMinutes} minutes`;
}

function workshop(c: ChoiceForMail, timeZone: string): MailWorkshopView {
  return { title: c.title, when: wordedSpan(c.startsAt, c.endsAt, timeZone), room: c.roomName, status: c.status, waitlistPosition: c.waitlistPosition };
}

/** The event as every message words it, in its own time zone. */
export function eventMailView(event: Event): MailBase['event'] {
  const tz = event.timezone;
  const sameDay = localDate(event.startsAt, tz) === localDate(event.endsAt, tz);
  return {
    title: event.title,
    startsAt: formatFrenchAt(event.startsAt, tz),
    endsAt: sameDay ? formatFrenchTime(event.endsAt, tz) : formatFrenchAt(event.endsAt, tz),
    format: event.format,
    venue: event.format === 'online' ? null : event.venue,
  };
}

function base(ctx: DeliveryContext): MailBase {
  const { event, registration } = ctx;
  return {
    firstName: registration.firstName,
    lastName: registration.lastName,
    event: eventMailView(event),
    manageUrl: ctx.manageUrl,
    contactEmail: ctx.contactEmail,
    ...(isEasyRead(registration.accessibility) ? { easyRead: true } : {}),
  };
}

/**
 * A broadcast as it will be sent, for the organiser's preview: the same view as at delivery, with
 * a stand-in name and link where each person gets their own.
 */
export function broadcastPreviewView(event: Event, broadcast: { subject: string; body: string }, links: { manageUrl: string; contactEmail: string }): MailView {
  return { kind: 'broadcast', firstName: 'Prénom', lastName: 'Nom', event: eventMailView(event), ...links, subject: broadcast.subject, body: broadcast.body };
}

/** Names of the files attached to this message (see MailAttachments). */
export interface AttachedFiles {
  hasBadge: boolean;
  hasAgenda: boolean;
}

/**
 * The message to render, from current data and the row's payload — or why it has nothing left to
 * say. Pure: the worker reads, this decides what is said.
 */
export function buildMailView(ctx: DeliveryContext, files: AttachedFiles): MailView | Obsolete {
  const { message, registration: r, event } = ctx;
  const tz = event.timezone;
  const b = base(ctx);
  const workshops = ctx.choices.map((c) => workshop(c, tz));
  const attendance = {
    attendanceMode: r.attendanceMode,
    onlineUrl: r.status === 'confirmed' && r.attendanceMode === 'online' ? event.onlineUrl : null,
    workshops,
    ...files,
  };
  const [kind, arg] = splitReason(message.reason);
  switch (kind) {
    case 'confirmation':
      return r.status === 'waitlisted'
        ? { kind: 'waitlisted', ...b, position: r.waitlistPosition ?? 1, workshops }
        : { kind: 'confirmation', ...b, ...attendance, allocationOn: allocationOn(event) };
    case 'allocation':
      if (r.status !== 'confirmed') return { obsolete: 'no longer confirmed' };
      return { kind: 'allocation', ...b, ...attendance };
    case 'waitlisted':
      return { kind: 'waitlisted', ...b, position: r.waitlistPosition ?? 1, workshops };
    case 'promoted': {
      if (!arg) return { kind: 'promoted', ...b, ...attendance };
      const chosen = ctx.choices.find((c) => c.id === arg);
      if (!chosen || chosen.status !== 'confirmed') return { obsolete: 'the workshop seat is no longer held' };
      return { kind: 'workshop_promoted', ...b, workshop: workshop(chosen, tz), hasAgenda: files.hasAgenda };
    }
    case 'cancellation':
      return { kind: 'cancellation', ...b, byOrganiser: message.payload.byOrganiser === true };
    case 'event_cancelled':
      return { kind: 'event_cancelled', ...b, reason: event.cancelReason };
    case 'reminder':
      if (r.status !== 'confirmed') return { obsolete: 'no longer confirmed' };
      if (event.status !== 'published') return { obsolete: 'event no longer published' };
      return { kind: 'reminder', ...b, ...attendance, dueIn: dueInWords(Number(arg)) };
    case 'session_changed':
      return sessionChanged(ctx, b, files);
    case 'broadcast':
      if (!ctx.broadcast) return { obsolete: 'broadcast not found' };
      return { kind: 'broadcast', ...b, subject: ctx.broadcast.subject, body: ctx.broadcast.body };
    case 'manage_link':
      return { kind: 'manage_link', ...b };
    default:
      throw new Error(`No message for reason ${message.reason}`);
  }
}

/** When workshops will be allocated by preference, in words; null when they are not, or already were. */
function allocationOn(event: Event): string | null {
  const at = allocationDueAt(event);
  return at ? formatFrenchAt(at, event.timezone) : null;
}

function sessionChanged(ctx: DeliveryContext, b: MailBase, files: AttachedFiles): MailView | Obsolete {
  const tz = ctx.event.timezone;
  const p = ctx.message.payload as { title: string; startsAt: string; endsAt: string; roomName: string | null };
  const before = { when: wordedSpan(new Date(p.startsAt), new Date(p.endsAt), tz), room: p.roomName };
  const s = ctx.session ?? null;
  const now = s ? { when: wordedSpan(s.startsAt, s.endsAt, tz), room: s.roomName } : null;
  if (now && now.when === before.when && now.room === before.room) return { obsolete: 'the session is back where it was' };
  if (now && !ctx.choices.some((c) => c.id === s!.id) && s!.type === 'workshop') return { obsolete: 'no longer chosen' };
  return { kind: 'session_changed', ...b, session: { title: s?.title ?? p.title, before, now }, hasAgenda: files.hasAgenda };
}

/** `reminder:1440` → ['reminder', '1440']; `session_changed:<id>:<ms>` → ['session_changed', '<id>']. */
export function splitReason(reason: string): [string, string | undefined] {
  const [kind, arg] = reason.split(':');
  return [kind, arg];
}
