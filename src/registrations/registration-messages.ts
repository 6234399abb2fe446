import { formatFrench as formatFrenchUncached, formatFrenchTime } from '../common/time';
import type { Event } from '../events/event.entity';
import { textToHtml } from '../notifications/outbox.service';
import type { OutboxMessage } from '../notifications/outbox.repository';
import type { Registration } from './registration.entity';

/** Pure renderers of what registrations say to people, in French. Delivery templates may restyle them. */

// The same few dates are worded for every message of a rush: remember them.
const worded = new Map<string, string>();
function formatFrench(date: Date, timeZone: string): string {
  const key = `${date.getTime()}|${timeZone}`;
  let text = worded.get(key);
  if (text === undefined) {
    if (worded.size > 5000) worded.clear();
    text = formatFrenchUncached(date, timeZone);
    worded.set(key, text);
  }
  return text;
}

type Person = Pick<Registration, 'id' | 'firstName' | 'email' | 'attendanceMode'>;
export interface WorkshopLine {
  title: string;
  startsAt: Date;
  status: 'confirmed' | 'waitlisted';
}

/** Confirmed registrants receive their badge and personal agenda (rendered at delivery). */
export const CONFIRMED_ATTACHMENTS = [{ kind: 'badge' }, { kind: 'agenda.pdf' }, { kind: 'agenda.ics' }];

const SIGNATURE = 'L’équipe d’organisation des Rencontres';

function where(event: Event, mode: Registration['attendanceMode']): string {
  if (mode === 'online') return 'En ligne (le lien de connexion vous sera rappelé avant l’événement).';
  const v = event.venue;
  return v ? `${v.name}, ${v.address}, ${v.postalCode} ${v.city}.` : '';
}

/** `- Title (jeudi 12 mars 2027, 14 h 00)`: a workshop line before its status. */
export function workshopLinePrefix(event: Event, line: Pick<WorkshopLine, 'title' | 'startsAt'>): string {
  return `- ${line.title} (${formatFrench(line.startsAt, event.timezone)})`;
}

export const STATUS_LABEL = { confirmed: ' : place confirmée', waitlisted: ' : liste d’attente' } as const;

/** The workshops section; `block` replaces the lines when they are filled in later (by SQL, see the rush path). */
function workshops(event: Event, lines: WorkshopLine[] | { block: string; count: number }): string {
  if (!Array.isArray(lines)) return lines.count ? `\n\nVos ateliers :\n${lines.block}` : '';
  if (lines.length === 0) return '';
  const items = lines
    .slice()
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((l) => `${workshopLinePrefix(event, l)}${STATUS_LABEL[l.status]}`);
  return `\n\nVos ateliers :\n${items.join('\n')}`;
}

type Lines = WorkshopLine[] | { block: string; count: number };

function manage(manageUrl: string | null): string {
  return manageUrl
    ? `\n\nPour consulter, modifier ou annuler votre inscription : ${manageUrl}\nCe lien est personnel, ne le transmettez pas.`
    : '\n\nPour consulter, modifier ou annuler votre inscription, utilisez le lien personnel reçu lors de votre inscription.';
}

function message(event: Event, person: Person, reason: string, subject: string, body: string, confirmed: boolean): OutboxMessage {
  const text = `Bonjour ${person.firstName},\n\n${body}\n\n${SIGNATURE}`;
  return {
    eventId: event.id,
    registrationId: person.id,
    recipient: person.email,
    reason,
    subject,
    text,
    html: textToHtml(text),
    attachments: confirmed ? CONFIRMED_ATTACHMENTS : [],
  };
}

const when = (event: Event) => `le ${formatFrench(event.startsAt, event.timezone)}`;

export function confirmationMessage(event: Event, person: Person, lines: Lines, manageUrl: string | null): OutboxMessage {
  const body =
    `Votre inscription à « ${event.title} » est confirmée.\n\nRendez-vous ${when(event)}.\n${where(event, person.attendanceMode)}` +
    `${workshops(event, lines)}\n\nVotre badge et votre programme personnel sont joints à ce message.${manage(manageUrl)}`;
  return message(event, person, 'confirmation', `Inscription confirmée : ${event.title}`, body, true);
}

export function waitlistedMessage(event: Event, person: Person, position: number | string, lines: Lines, manageUrl: string | null): OutboxMessage {
  const body =
    `L’événement « ${event.title} » (${when(event)}) est complet : vous êtes inscrit·e sur la liste d’attente, en position ${position}.` +
    `\nDès qu’une place se libère, elle est attribuée dans l’ordre d’inscription et vous serez prévenu·e par courriel.` +
    `${workshops(event, lines)}${manage(manageUrl)}`;
  return message(event, person, 'waitlisted', `Liste d’attente : ${event.title}`, body, false);
}

export function promotedMessage(event: Event, person: Person, lines: WorkshopLine[]): OutboxMessage {
  const body =
    `Bonne nouvelle : une place s’est libérée, votre inscription à « ${event.title} » est désormais confirmée.` +
    `\n\nRendez-vous ${when(event)}.\n${where(event, person.attendanceMode)}${workshops(event, lines)}` +
    `\n\nVotre badge et votre programme personnel sont joints à ce message.${manage(null)}`;
  return message(event, person, 'promoted', `Place confirmée : ${event.title}`, body, true);
}

export function workshopPromotedMessage(event: Event, person: Person, workshop: { id: string; title: string; startsAt: Date }): OutboxMessage {
  const body =
    `Une place s’est libérée dans l’atelier « ${workshop.title} » (${formatFrench(workshop.startsAt, event.timezone)}), ` +
    `lors de « ${event.title} » : votre place y est confirmée.\n\nVotre programme personnel à jour est joint à ce message.${manage(null)}`;
  return message(event, person, `promoted:${workshop.id}`, `Place confirmée en atelier : ${workshop.title}`, body, true);
}

export function cancellationMessage(event: Event, person: Person, byOrganiser: boolean, manageUrl: string | null): OutboxMessage {
  const body =
    (byOrganiser
      ? `Votre inscription à « ${event.title} » (${when(event)}) a été annulée par l’équipe d’organisation.`
      : `Nous avons bien pris en compte l’annulation de votre inscription à « ${event.title} » (${when(event)}).`) +
    `\nVotre place a été proposée à la personne suivante sur la liste d’attente.` +
    (manageUrl ? `\n\nVous pouvez toujours consulter votre inscription : ${manageUrl}` : '');
  return message(event, person, 'cancellation', `Inscription annulée : ${event.title}`, body, false);
}

export function eventCancelledMessage(event: Event, person: Person): OutboxMessage {
  const reason = event.cancelReason ? `\n\nMotif : ${event.cancelReason}` : '';
  const body = `Nous sommes au regret de vous informer que l’événement « ${event.title} », prévu ${when(event)}, est annulé.${reason}\n\nVous n’avez aucune démarche à faire.`;
  return message(event, person, 'event_cancelled', `Événement annulé : ${event.title}`, body, false);
}

export function sessionChangedMessage(
  event: Event,
  person: Person,
  session: { id: string; title: string; startsAt: Date; endsAt: Date; roomName: string | null },
  reason: string,
  deleted: boolean,
): OutboxMessage {
  const body = deleted
    ? `L’atelier « ${session.title} », que vous aviez choisi lors de « ${event.title} », est retiré du programme. Vous pouvez choisir un autre atelier depuis votre espace.${manage(null)}`
    : `L’atelier « ${session.title} », que vous avez choisi lors de « ${event.title} », change d’horaire ou de salle.\n\n` +
      `Nouvel horaire : ${formatFrench(session.startsAt, event.timezone)} – ${formatFrenchTime(session.endsAt, event.timezone)}` +
      `${session.roomName ? `\nSalle : ${session.roomName}` : ''}\n\nVotre programme personnel à jour est joint à ce message.${manage(null)}`;
  return message(event, person, reason, `Changement de programme : ${session.title}`, body, !deleted);
}
