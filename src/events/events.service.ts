import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrganiserPrincipal } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/database-errors';
import { conflict, DomainError, notFound, unprocessable } from '../common/domain-error';
import { Page } from '../common/pagination';
import { isUuid } from '../common/uuid.pipe';
import { CreateEventDto, UpdateEventDto } from './dto/event-input.dto';
import { EventQueryDto } from './dto/event-query.dto';
import { EventResponseDto } from './dto/event-response.dto';
import { Event, EventStatus } from './event.entity';
import { toEventResponse } from './event.mapper';
import { checkEventRules, DEFAULT_REMINDERS, EventDraft } from './event-rules';
import { defaultQuotasReleaseAt, resolveQuotas } from './event-quotas';
import { NO_SEATS_TAKEN } from './event-seats';
import { EventHooks } from './event-hooks';
import { EventsRepository } from './events.repository';
import { firstFreeSlug, slugify } from './slug';

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

@Injectable()
export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly clock: Clock,
    private readonly hooks: EventHooks,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(input: CreateEventDto): Promise<EventResponseDto> {
    const draft: EventDraft = {
      kind: input.kind,
      format: input.format,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      venue: input.venue ?? null,
      onlineUrl: input.onlineUrl ?? null,
      capacity: input.capacity ?? null,
      onlineCapacity: input.onlineCapacity ?? null,
      registrationOpensAt: date(input.registrationOpensAt),
      registrationClosesAt: date(input.registrationClosesAt),
      reminderOffsets: input.reminders ? input.reminders.map((r) => r.offsetMinutes) : DEFAULT_REMINDERS[input.kind],
      quotas: input.quotas ?? [],
      quotasReleaseAt: date(input.quotasReleaseAt),
      workshopAllocation: input.workshopAllocation ?? 'first_come',
      preferencesCloseAt: date(input.preferencesCloseAt),
    };
    this.assertRules(draft);
    const base = slugify(input.title);
    // A concurrent create may take the same slug between our read and our insert: try again.
    for (let attempt = 0; ; attempt++) {
      try {
        const event = await this.dataSource.transaction(async (manager) => {
          const slug = firstFreeSlug(base, await this.events.slugsStartingWith(base, manager));
          return this.events.insert(
            {
              ...draft,
              ...quotasOf(draft, null),
              slug,
              title: input.title.trim(),
              description: input.description ?? null,
              timezone: input.timezone ?? 'Europe/Paris',
              themes: input.themes ?? [],
              departments: input.departments ?? [],
              status: 'draft',
              createdAt: this.clock.now(),
              updatedAt: this.clock.now(),
            },
            manager,
          );
        });
        return this.present(event, true);
      } catch (error) {
        if (!isUniqueViolation(error, 'event_slug_key') || attempt >= 5) throw error;
      }
    }
  }

  async list(query: EventQueryDto, organiser?: OrganiserPrincipal): Promise<Page<EventResponseDto>> {
    if (query.status && !organiser) {
      throw new DomainError(401, 'unauthorized', 'Unauthorized', 'Le filtre status est réservé aux organisateurs.');
    }
    const now = this.clock.now();
    const statuses: EventStatus[] = !query.status ? ['published'] : query.status === 'all' ? ['draft', 'published', 'cancelled'] : [query.status];
    const { items, total } = await this.events.list({
      statuses,
      // By default, what is still to come; an organiser asking for a status sees past events too.
      endingAfter: query.from ? new Date(query.from) : query.status ? undefined : now,
      startingBefore: query.to ? new Date(query.to) : undefined,
      kind: query.kind,
      theme: query.theme,
      department: query.department,
      q: query.q?.trim() || undefined,
      limit: query.limit,
      offset: query.offset,
    });
    const seats = await this.events.seatsFor(
      items.map((e) => e.id),
      now,
    );
    return { items: items.map((e) => toEventResponse(e, seats.get(e.id) ?? NO_SEATS_TAKEN, now, !!organiser)), total };
  }

  /** By id or slug; a draft exists only for organisers. */
  async get(idOrSlug: string, organiser?: OrganiserPrincipal): Promise<EventResponseDto> {
    const event = isUuid(idOrSlug) ? await this.events.findById(idOrSlug.toLowerCase()) : await this.events.findBySlug(idOrSlug);
    if (!event || (event.status === 'draft' && !organiser)) throw notFound('Event', 'Événement introuvable.');
    return this.present(event, !!organiser);
  }

  async update(id: string, input: UpdateEventDto): Promise<EventResponseDto> {
    const event = await this.dataSource.transaction(async (manager) => {
      const event = await this.lockOrThrow(id, manager);
      if (event.status === 'cancelled') throw conflict('event-cancelled', 'Un événement annulé ne peut plus être modifié.');
      const has = (key: keyof UpdateEventDto) => Object.prototype.hasOwnProperty.call(input, key) && input[key] !== undefined;
      const kind = input.kind ?? event.kind;
      const draft: EventDraft = {
        kind,
        format: input.format ?? event.format,
        startsAt: input.startsAt ? new Date(input.startsAt) : event.startsAt,
        endsAt: input.endsAt ? new Date(input.endsAt) : event.endsAt,
        venue: has('venue') ? (input.venue ?? null) : event.venue,
        onlineUrl: has('onlineUrl') ? (input.onlineUrl ?? null) : event.onlineUrl,
        capacity: has('capacity') ? (input.capacity ?? null) : event.capacity,
        onlineCapacity: has('onlineCapacity') ? (input.onlineCapacity ?? null) : event.onlineCapacity,
        registrationOpensAt: has('registrationOpensAt') ? date(input.registrationOpensAt) : event.registrationOpensAt,
        registrationClosesAt: has('registrationClosesAt') ? date(input.registrationClosesAt) : event.registrationClosesAt,
        reminderOffsets: input.reminders ? input.reminders.map((r) => r.offsetMinutes) : event.reminderOffsets,
        quotas: input.quotas ?? event.quotas,
        quotasReleaseAt: has('quotasReleaseAt') ? date(input.quotasReleaseAt) : event.quotasReleaseAt,
        workshopAllocation: input.workshopAllocation ?? event.workshopAllocation,
        preferencesCloseAt: has('preferencesCloseAt') ? date(input.preferencesCloseAt) : event.preferencesCloseAt,
      };
      if (event.allocatedAt && (draft.workshopAllocation !== event.workshopAllocation || draft.preferencesCloseAt?.getTime() !== event.preferencesCloseAt?.getTime())) {
        throw conflict('already-allocated', 'Les ateliers ont déjà été attribués : le mode d’attribution ne peut plus changer.');
      }
      this.assertRules(draft);
      const before = { ...event };
      Object.assign(event, draft, quotasOf(draft, has('quotasReleaseAt') ? null : event), {
        title: input.title?.trim() ?? event.title,
        description: has('description') ? (input.description ?? null) : event.description,
        timezone: input.timezone ?? event.timezone,
        themes: input.themes ?? event.themes,
        departments: input.departments ?? event.departments,
        updatedAt: this.clock.now(),
      });
      const saved = await this.events.save(event, manager);
      await this.hooks.updated(saved, before, manager);
      return saved;
    });
    return this.present(event, true);
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockOrThrow(id, manager);
      if (event.status !== 'draft') {
        throw conflict('event-not-draft', 'Seul un brouillon peut être supprimé ; annulez un événement publié.');
      }
      await this.events.delete(id, manager);
    });
  }

  async publish(id: string): Promise<EventResponseDto> {
    const event = await this.dataSource.transaction(async (manager) => {
      const event = await this.lockOrThrow(id, manager);
      if (event.status !== 'draft') {
        throw conflict('event-not-draft', event.status === 'published' ? 'Cet événement est déjà publié.' : 'Un événement annulé ne peut pas être publié.');
      }
      const now = this.clock.now();
      Object.assign(event, { status: 'published', publishedAt: now, updatedAt: now });
      return this.events.save(event, manager);
    });
    return this.present(event, true);
  }

  /** Cancels the event; what must be said to registrants is written in the same transaction. */
  async cancel(id: string, reason: string): Promise<EventResponseDto> {
    const event = await this.dataSource.transaction(async (manager) => {
      const event = await this.lockOrThrow(id, manager);
      if (event.status === 'cancelled') throw conflict('event-cancelled', 'Cet événement est déjà annulé.');
      const now = this.clock.now();
      Object.assign(event, { status: 'cancelled', cancelReason: reason.trim(), cancelledAt: now, updatedAt: now });
      const saved = await this.events.save(event, manager);
      await this.hooks.cancelled(saved, manager);
      return saved;
    });
    return this.present(event, true);
  }

  private async lockOrThrow(id: string, manager: EntityManager): Promise<Event> {
    const event = await this.events.lockById(id, manager);
    if (!event) throw notFound('Event', 'Événement introuvable.');
    return event;
  }

  private assertRules(draft: EventDraft): void {
    const errors = checkEventRules(draft);
    if (errors.length) throw unprocessable('validation', 'L’événement ne respecte pas les règles de saisie.', errors);
  }

  private async present(event: Event, forOrganiser: boolean): Promise<EventResponseDto> {
    const now = this.clock.now();
    const seats = await this.events.seatsFor([event.id], now);
    return toEventResponse(event, seats.get(event.id) ?? NO_SEATS_TAKEN, now, forOrganiser);
  }
}

/**
 * Quotas as stored: each with its mode, and a release date (the default when none is given; a
 * default follows the start when the event moves).
 */
function quotasOf(draft: EventDraft, before: Event | null): Pick<Event, 'quotas' | 'quotasReleaseAt'> {
  const quotas = resolveQuotas(draft.format, draft.quotas);
  if (quotas.length === 0) return { quotas, quotasReleaseAt: draft.quotasReleaseAt };
  const wasDefault = before?.quotasReleaseAt && before.quotasReleaseAt.getTime() === defaultQuotasReleaseAt(before.startsAt).getTime();
  const releaseAt = draft.quotasReleaseAt && !wasDefault ? draft.quotasReleaseAt : defaultQuotasReleaseAt(draft.startsAt);
  return { quotas, quotasReleaseAt: releaseAt };
}
