import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { conflict, notFound } from '../../common/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { renderCalendar } from '../../documents/ics/calendar.renderer';
import { RenderPool } from '../../documents/render/render-pool';
import type { Event } from '../../events/event.entity';
import { EventsRepository } from '../../events/events.repository';
import { invalidManageLink, lookupHashOf } from '../manage-token';
import { toAgendaCalendar, toAgendaView, toBadgeView, toCertificateView } from './registration-document-views';
import { DocumentPerson, RegistrationDocumentsRepository } from './registration-documents.repository';

/** ≈ 20 KB each: at most 10 MB per instance. */
const KEPT_BADGES = 500;

/** The name that signs certificates: the display name of MAIL_FROM (`Name <address>`), else Rencontres. */
export function organiserNameOf(config: Pick<AppConfig, 'mailFrom'>): string {
  const named = /^\s*"?([^"<>]+?)"?\s*<[^<>]+>\s*$/.exec(config.mailFrom);
  return named ? named[1] : 'Rencontres';
}

/**
 * One person's documents, by registration id: for the registrant's own downloads and for the
 * emails that carry them. Self-contained: reads what it needs, renders (in the render pool's
 * worker threads), answers bytes.
 */
@Injectable()
export class RegistrationDocuments {
  /**
   * Badges kept once rendered, by the hash of everything they show: a confirmation and its
   * reminders carry the same badge, rendered once per instance. Any change of name, organisation,
   * event or code changes the key.
   */
  private readonly badges = new Map<string, Buffer>();

  constructor(
    private readonly documents: RegistrationDocumentsRepository,
    private readonly events: EventsRepository,
    private readonly clock: Clock,
    private readonly pool: RenderPool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The badge (95 × 69 mm), or null when the person gets none: not confirmed, or attending online. */
  async badgePdf(registrationId: string): Promise<Buffer | null> {
    const { event, person } = await this.load(registrationId);
    if (!hasBadge(person)) return null;
    const view = toBadgeView(event, person);
    const key = createHash('sha256').update(JSON.stringify(view)).digest('base64url');
    const kept = this.badges.get(key);
    if (kept) return kept;
    const pdf = await this.pool.render('badge', view, event.updatedAt);
    if (this.badges.size >= KEPT_BADGES) this.badges.delete(this.badges.keys().next().value!);
    this.badges.set(key, pdf);
    return pdf;
  }

  /** The personal agenda (plenaries, chosen workshops marked confirmed or waitlisted, practical information). */
  async agendaPdf(registrationId: string, options: { manageUrl?: string | null } = {}): Promise<Buffer> {
    const { event, person } = await this.load(registrationId);
    const [sessions, waitlistPosition] = await Promise.all([this.documents.plannedSessions(person.id, event.id), this.documents.waitlistPosition(person.id)]);
    return this.pool.render('agenda', toAgendaView(event, person, sessions, { manageUrl: options.manageUrl, waitlistPosition }), this.clock.now());
  }

  /** The personal agenda as iCalendar text; UIDs `<sessionId>.<registrationId>@rencontres`, stable across re-sends. */
  async agendaIcs(registrationId: string): Promise<string> {
    const { event, person } = await this.load(registrationId);
    return renderCalendar(toAgendaCalendar(event, person, await this.documents.plannedSessions(person.id, event.id)));
  }

  /** The attendance certificate, or null before the person is checked in. */
  async certificatePdf(registrationId: string): Promise<Buffer | null> {
    const { event, person } = await this.load(registrationId);
    if (!person.checkedInAt || person.status === 'cancelled') return null;
    const sessions = await this.documents.plannedSessions(person.id, event.id);
    return this.pool.render('certificate', toCertificateView(event, person, sessions, organiserNameOf(this.config), this.clock.now()), this.clock.now());
  }

  /**
   * The registration a manage token opens. A missing, malformed or unknown token gets the same
   * 401 as everywhere else in the registrant's API.
   */
  async registrationIdFor(token: string | undefined): Promise<string> {
    const hash = lookupHashOf(token);
    if (!hash) throw invalidManageLink();
    const person = await this.documents.findPersonByTokenHash(hash);
    if (!person) throw invalidManageLink();
    return person.id;
  }

  /** The registrant's download: 409 when there is no such document (yet), rather than an empty answer. */
  async badgeForRegistrant(token: string | undefined): Promise<Buffer> {
    const pdf = await this.badgePdf(await this.registrationIdFor(token));
    if (!pdf) throw conflict('no-badge', 'Pas de badge pour cette inscription : il est réservé aux personnes confirmées qui viennent sur place.');
    return pdf;
  }

  async certificateForRegistrant(token: string | undefined): Promise<Buffer> {
    const pdf = await this.certificatePdf(await this.registrationIdFor(token));
    if (!pdf) throw conflict('not-checked-in', 'L’attestation de présence est disponible une fois votre arrivée enregistrée à l’accueil.');
    return pdf;
  }

  private async load(registrationId: string): Promise<{ event: Event; person: DocumentPerson }> {
    const person = await this.documents.findPerson(registrationId);
    const event = person ? await this.events.findById(person.eventId) : null;
    if (!person || !event) throw notFound('Registration', 'Inscription introuvable.');
    return { event, person };
  }
}

export function hasBadge(person: Pick<DocumentPerson, 'status' | 'attendanceMode'>): boolean {
  return person.status === 'confirmed' && person.attendanceMode === 'onsite';
}
