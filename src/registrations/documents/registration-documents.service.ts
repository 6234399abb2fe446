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
import { DocumentPerson, PlannedSession, RegistrationDocumentsRepository } from './registration-documents.repository';

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
    return this.badgeOf(event, person);
  }

  /** The personal agenda (plenaries, chosen workshops marked confirmed or waitlisted, practical information). */
  async agendaPdf(registrationId: string, options: { manageUrl?: string | null } = {}): Promise<Buffer> {
    const { event, person } = await this.load(registrationId);
    return this.agendaOf(event, person, await this.planOf(event, person), options.manageUrl);
  }

  /** The personal agenda as iCalendar text; UIDs `<sessionId>.<registrationId>@rencontres`, stable across re-sends. */
  async agendaIcs(registrationId: string): Promise<string> {
    const { event, person } = await this.load(registrationId);
    return this.calendarOf(event, person, await this.planOf(event, person));
  }

  /**
   * What the documents of several messages need, read in two statements whatever their number:
   * each person and their programme (the waiting-list rank is asked only of someone waiting).
   */
  async mailSources(registrationIds: string[]): Promise<Map<string, MailSource>> {
    const people = await this.documents.findPersons([...new Set(registrationIds)]);
    const plans = await this.documents.plannedSessionsOf(people);
    const sources = new Map<string, MailSource>();
    for (const person of people) sources.set(person.id, { person, plan: { sessions: plans.get(person.id) ?? [], waitlistPosition: await this.waitlistPositionOf(person) } });
    return sources;
  }

  /**
   * What a message carries, from its source: the badge (when `badge` and the person gets one), the
   * agenda as PDF and as iCalendar. `event` is the event the caller holds, used when it is the person's.
   */
  async forMail(source: MailSource, options: { badge: boolean; manageUrl: string; event?: Event }): Promise<{ badge: Buffer | null; agendaPdf: Buffer; agendaIcs: string }> {
    const { person, plan } = source;
    const event = options.event?.id === person.eventId ? options.event : await this.events.findById(person.eventId);
    if (!event) throw notFound('Registration', 'Inscription introuvable.');
    const [badge, agendaPdf] = await Promise.all([options.badge ? this.badgeOf(event, person) : null, this.agendaOf(event, person, plan, options.manageUrl)]);
    return { badge, agendaPdf, agendaIcs: this.calendarOf(event, person, plan) };
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

  /** The person's sessions, and their place on the waiting list. */
  private async planOf(event: Event, person: DocumentPerson): Promise<Plan> {
    const [sessions, waitlistPosition] = await Promise.all([this.documents.plannedSessions(person.id, event.id), this.waitlistPositionOf(person)]);
    return { sessions, waitlistPosition };
  }

  /** The place on the event's waiting list, asked only of someone waiting. */
  private async waitlistPositionOf(person: DocumentPerson): Promise<number | null> {
    return person.status === 'waitlisted' ? this.documents.waitlistPosition(person.id) : null;
  }

  private async badgeOf(event: Event, person: DocumentPerson): Promise<Buffer | null> {
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

  private agendaOf(event: Event, person: DocumentPerson, plan: Plan, manageUrl?: string | null): Promise<Buffer> {
    return this.pool.render('agenda', toAgendaView(event, person, plan.sessions, { manageUrl, waitlistPosition: plan.waitlistPosition }), this.clock.now());
  }

  private calendarOf(event: Event, person: DocumentPerson, plan: Plan): string {
    return renderCalendar(toAgendaCalendar(event, person, plan.sessions));
  }
}

interface Plan {
  sessions: PlannedSession[];
  waitlistPosition: number | null;
}

/** One person's data for the documents of a message (RegistrationDocuments.mailSources). */
export interface MailSource {
  person: DocumentPerson;
  plan: Plan;
}

export function hasBadge(person: Pick<DocumentPerson, 'status' | 'attendanceMode'>): boolean {
  return person.status === 'confirmed' && person.attendanceMode === 'onsite';
}
