import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { notFound, unprocessable } from '../../common/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { PassThrough, Readable } from 'node:stream';
import { SESSION_TYPE_LABELS, label } from '../../reference/labels';
import { frenchDay, frenchTimeRange } from '../../documents/pdf/french';
import { RenderPool } from '../../documents/render/render-pool';
import type { SignInSheetView } from '../../documents/sign-in-sheet/sign-in-sheet.view';
import { fromLocal } from '../../common/time';
import type { Event } from '../../events/event.entity';
import { EventsRepository } from '../../events/events.repository';
import { requireEvent } from '../admin/require-event';
import { collect, primed } from './primed';
import { eventAddress, eventDays, eventPlace, toBadgeView, toCertificateView, toSignInPerson } from './registration-document-views';
import { RegistrationDocumentsRepository } from './registration-documents.repository';
import { organiserNameOf } from './registration-documents.service';

export interface RenderedDocument {
  event: Event;
  /** The document, already started: its first rows were read (and, drawn in a worker, its first bytes). */
  pdf: Readable;
  filename: string;
}

/** Organisers' print runs for an event: badge sheets, sign-in sheets, certificates. */
@Injectable()
export class EventDocumentsService {
  constructor(
    private readonly documents: RegistrationDocumentsRepository,
    private readonly events: EventsRepository,
    private readonly clock: Clock,
    private readonly pool: RenderPool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Badge sheets of every confirmed on-site registrant (or of `ids`), sorted by name, streamed from a cursor. */
  async badgeSheets(eventId: string, ids: string[] | null): Promise<RenderedDocument> {
    const event = await requireEvent(this.events, eventId);
    if (ids) {
      const refused = await this.documents.withoutBadge(event.id, ids);
      if (refused.length) {
        throw unprocessable(
          'no-badge',
          'Certaines inscriptions ne sont pas des inscriptions confirmées sur place de cet événement.',
          refused.map((id) => ({ field: 'registrationIds', message: `${id} : pas de badge` })),
        );
      }
    }
    const people = await primed(this.documents.presentPeople(event.id, ids));
    const badges = map(people, (p) => toBadgeView(event, p));
    const pdf = await this.pool.stream('badgeSheet', badges, { title: `Badges — ${event.title}`, createdAt: this.clock.now() });
    return { event, pdf, filename: `badges-${event.slug}.pdf` };
  }

  /** The day's sign-in sheet: every confirmed on-site registrant, morning and afternoon columns. */
  async daySignInSheets(eventId: string, date: string | undefined): Promise<RenderedDocument> {
    const event = await requireEvent(this.events, eventId);
    const days = eventDays(event);
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !days.includes(date)) {
      throw unprocessable('invalid-date', `La date doit être l’un des jours de l’événement (${days.join(', ')}).`, [{ field: 'date', message: `attendu : ${days.join(' ou ')}` }]);
    }
    const people = await collect(this.documents.presentPeople(event.id));
    const dayLabel = frenchDay(fromLocal(`${date}T12:00`, event.timezone), event.timezone);
    const pdf = await this.signInSheets(
      [
        {
          eventTitle: event.title,
          title: `Journée du ${dayLabel}`,
          details: [eventAddress(event) ?? eventPlace(event)],
          signatureColumns: ['Matin', 'Après-midi'],
          people: people.map(toSignInPerson),
        },
      ],
      `Feuilles d’émargement — ${event.title} — ${dayLabel}`,
    );
    return { event, pdf, filename: `emargement-${event.slug}-${date}.pdf` };
  }

  /** A session's sign-in sheet: a workshop's confirmed registrants, or everyone on site for other sessions. */
  async sessionSignInSheet(eventId: string, sessionId: string): Promise<RenderedDocument> {
    const event = await requireEvent(this.events, eventId);
    const session = await this.documents.findSession(event.id, sessionId);
    if (!session) throw notFound('Session', 'Session introuvable.');
    const people = await collect(session.type === 'workshop' ? this.documents.workshopPeople(session.id) : this.documents.presentPeople(event.id));
    const when = `${frenchDay(new Date(session.startsAt), event.timezone)}, ${frenchTimeRange(new Date(session.startsAt), new Date(session.endsAt), event.timezone)}`;
    const pdf = await this.signInSheets(
      [
        {
          eventTitle: event.title,
          title: `${label(SESSION_TYPE_LABELS, session.type)} : ${session.title}`,
          details: [when, [session.room, eventPlace(event)].filter(Boolean).join(' — ')],
          signatureColumns: ['Signature'],
          people: people.map(toSignInPerson),
        },
      ],
      `Feuille d’émargement — ${session.title}`,
    );
    return { event, pdf, filename: `emargement-${event.slug}-${session.id}.pdf` };
  }

  /** One certificate per checked-in person, sorted by name, streamed from a cursor. */
  async certificates(eventId: string): Promise<RenderedDocument> {
    const event = await requireEvent(this.events, eventId);
    const [common, workshops] = await Promise.all([this.documents.commonSessions(event.id), this.documents.workshopsOf(event.id)]);
    const byId = new Map(workshops.map((w) => [w.id, w]));
    const people = await primed(this.documents.checkedIn(event.id));
    const organiser = organiserNameOf(this.config);
    const now = this.clock.now();
    const views = map(people, (p) => {
      const sessions = [...common, ...p.workshopIds.map((id) => byId.get(id)!).filter(Boolean)].sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
      return toCertificateView(event, p, sessions, organiser, now);
    });
    const pdf = await this.pool.stream('certificates', views, { title: `Attestations de présence — ${event.title}`, createdAt: now });
    return { event, pdf, filename: `attestations-${event.slug}.pdf` };
  }

  /** Sign-in sheets, drawn whole in the render pool (their footers count pages): a failure is still a problem answer. */
  private async signInSheets(sheets: SignInSheetView[], title: string): Promise<Readable> {
    const bytes = await this.pool.render('signInSheets', { title, sheets }, this.clock.now());
    return new PassThrough().end(bytes);
  }
}

async function* map<T, U>(items: AsyncIterable<T>, f: (item: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield f(item);
}
