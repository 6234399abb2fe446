import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { Clock } from '../../common/clock';
import { conflict, FieldError, notFound, unprocessable } from '../../common/domain-error';
import { Page } from '../../common/pagination';
import { Event } from '../../events/event.entity';
import { EventsRepository } from '../../events/events.repository';
import { editableEvent, visibleEvent } from '../event-access';
import { ProgrammeRevisionsRepository } from '../programme-revisions.repository';
import { CreateSessionDto, SessionQueryDto, UpdateSessionDto } from './dto/session-input.dto';
import { SessionResponseDto } from './dto/session-response.dto';
import { describeClashes, findSessionClashes } from './session-conflicts';
import { SessionHooks } from './session-hooks';
import { toSessionResponse } from './session.mapper';
import { checkSessionTimes } from './session-rules';
import { Session } from './session.entity';
import { SessionsRepository, SessionWithLinks } from './sessions.repository';

const sessionNotFound = () => notFound('Session', 'Session introuvable.');

/** The state a session would have after a create or a patch, checked as a whole. */
interface SessionDraft {
  id: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  speakerIds: string[];
  actionIds: string[];
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly events: EventsRepository,
    private readonly hooks: SessionHooks,
    private readonly revisions: ProgrammeRevisionsRepository,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(eventId: string, input: CreateSessionDto): Promise<SessionResponseDto> {
    const { event, created } = await this.dataSource.transaction(async (manager) => {
      // One programme edit per event at a time, across instances: the clash check below then
      // sees every committed session. The room EXCLUDE constraint is the backstop.
      const event = editableEvent(await this.events.lockById(eventId, manager));
      const draft: SessionDraft = {
        id: '',
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        roomId: input.roomId ?? null,
        speakerIds: input.speakerIds ?? [],
        actionIds: input.actionIds ?? [],
      };
      await this.assertPlaceable(event, draft, input.title, manager);
      const now = this.clock.now();
      const session = await this.sessions.insert(
        {
          eventId,
          title: input.title.trim(),
          type: input.type,
          description: input.description?.trim() || null,
          startsAt: draft.startsAt,
          endsAt: draft.endsAt,
          roomId: draft.roomId,
          themes: input.themes ?? [],
          capacity: input.capacity ?? null,
          createdAt: now,
          updatedAt: now,
        },
        manager,
      );
      await this.sessions.replaceSpeakers(session.id, draft.speakerIds, manager);
      await this.sessions.replaceActions(session.id, draft.actionIds, manager);
      await this.revisions.bump(eventId, manager);
      return { event, created: (await this.sessions.findInEvent(eventId, session.id, manager))! };
    });
    return toSessionResponse(created, event.timezone);
  }

  async update(eventId: string, sessionId: string, input: UpdateSessionDto): Promise<SessionResponseDto> {
    const { event, updated } = await this.dataSource.transaction(async (manager) => {
      const event = editableEvent(await this.events.lockById(eventId, manager));
      const current = await this.sessions.findInEvent(eventId, sessionId, manager);
      if (!current) throw sessionNotFound();
      const { session } = current;
      const draft: SessionDraft = {
        id: session.id,
        startsAt: input.startsAt ? new Date(input.startsAt) : session.startsAt,
        endsAt: input.endsAt ? new Date(input.endsAt) : session.endsAt,
        roomId: input.roomId !== undefined ? input.roomId : session.roomId,
        speakerIds: input.speakerIds ?? current.speakerIds,
        actionIds: input.actionIds ?? current.actionIds,
      };
      await this.assertPlaceable(event, draft, input.title ?? session.title, manager);
      const before: Session = Object.assign(new Session(), session);
      Object.assign(session, {
        title: input.title?.trim() ?? session.title,
        type: input.type ?? session.type,
        description: input.description !== undefined ? input.description?.trim() || null : session.description,
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        roomId: draft.roomId,
        themes: input.themes ?? session.themes,
        capacity: input.capacity !== undefined ? input.capacity : session.capacity,
        updatedAt: this.clock.now(),
      });
      const saved = await this.sessions.save(session, manager);
      if (input.speakerIds) await this.sessions.replaceSpeakers(session.id, draft.speakerIds, manager);
      if (input.actionIds) await this.sessions.replaceActions(session.id, draft.actionIds, manager);
      // Registrations may refuse the change (e.g. a capacity below the confirmed count) or tell people.
      await this.hooks.updated(saved, before, manager);
      await this.revisions.bump(eventId, manager);
      return { event, updated: (await this.sessions.findInEvent(eventId, session.id, manager))! };
    });
    return toSessionResponse(updated, event.timezone);
  }

  async remove(eventId: string, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      editableEvent(await this.events.lockById(eventId, manager));
      const current = await this.sessions.findInEvent(eventId, sessionId, manager);
      if (!current) throw sessionNotFound();
      await this.hooks.deleting(current.session, manager);
      await this.sessions.delete(sessionId, manager);
      await this.revisions.bump(eventId, manager);
    });
  }

  async list(eventId: string, query: SessionQueryDto, organiser?: OrganiserPrincipal): Promise<Page<SessionResponseDto>> {
    const event = visibleEvent(await this.events.findById(eventId), organiser);
    const { items, total } = await this.sessions.listByEvent(eventId, { type: query.type, roomId: query.roomId }, query.limit, query.offset);
    return { items: items.map((s) => toSessionResponse(s, event.timezone)), total };
  }

  async get(eventId: string, sessionId: string, organiser?: OrganiserPrincipal): Promise<SessionResponseDto> {
    const event = visibleEvent(await this.events.findById(eventId), organiser);
    const found: SessionWithLinks | null = await this.sessions.findInEvent(eventId, sessionId);
    if (!found) throw sessionNotFound();
    return toSessionResponse(found, event.timezone);
  }

  /** 422 for times or references that are wrong in themselves; 409 when the room or a speaker is taken. */
  private async assertPlaceable(event: Event, draft: SessionDraft, title: string, manager: EntityManager): Promise<void> {
    const errors: FieldError[] = checkSessionTimes(draft, event);
    const missing = async (table: 'room' | 'speaker' | 'highlighted_action', ids: string[], field: string, what: string) => {
      const found = await this.sessions.idsInEvent(table, event.id, ids, manager);
      for (const id of ids) if (!found.has(id)) errors.push({ field, message: `${what} ${id} does not belong to this event` });
    };
    if (draft.roomId) await missing('room', [draft.roomId], 'roomId', 'room');
    await missing('speaker', draft.speakerIds, 'speakerIds', 'speaker');
    await missing('highlighted_action', draft.actionIds, 'actionIds', 'highlighted action');
    if (errors.length) throw unprocessable('validation', 'La session ne respecte pas les règles de saisie.', errors);

    const scheduled = await this.sessions.scheduledInEvent(event.id, manager);
    const clashes = findSessionClashes({ ...draft, title }, scheduled);
    if (clashes.length) {
      const names = await this.sessions.speakerNames(draft.speakerIds, manager);
      throw conflict(
        'session-clash',
        'La salle ou un intervenant est déjà pris sur ce créneau : changez l’horaire, la salle ou les intervenants.',
        describeClashes(clashes, event.timezone, names),
      );
    }
  }
}
