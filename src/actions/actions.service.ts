import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrganiserPrincipal } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { conflict, DomainError, notFound, unprocessable } from '../common/domain-error';
import { Page } from '../common/pagination';
import type { Event } from '../events/event.entity';
import { EventsRepository } from '../events/events.repository';
import { existingEvent, visibleEvent } from '../programme/event-access';
import { isUniqueViolation } from '../common/database-errors';
import { ProgrammeRevisionsRepository } from '../programme/programme-revisions.repository';
import { toActionResponse } from './action.mapper';
import { ActionsRepository } from './actions.repository';
import { ActionQueryDto, CreateActionDto, ProposeActionDto, UpdateActionDto } from './dto/action-input.dto';
import { ActionResponseDto } from './dto/action-response.dto';
import { HighlightedAction, HighlightedActionStatus } from './highlighted-action.entity';

const actionNotFound = () => notFound('Action', 'Action remarquable introuvable.');
const duplicate = () =>
  conflict('action-duplicate', 'Cette action (même titre, même organisation) est déjà enregistrée pour cet événement.', [
    { field: 'title', message: 'Une action de cette organisation porte déjà ce titre.' },
  ]);
const optional = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

@Injectable()
export class ActionsService {
  constructor(
    private readonly actions: ActionsRepository,
    private readonly events: EventsRepository,
    private readonly clock: Clock,
    private readonly revisions: ProgrammeRevisionsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(eventId: string, input: CreateActionDto): Promise<ActionResponseDto> {
    const event = existingEvent(await this.events.findById(eventId));
    return toActionResponse(await this.insert(event, input, 'selected'), event.timezone, true);
  }

  /** The public call for contributions: open while the event is published and not over. */
  async propose(eventId: string, input: ProposeActionDto): Promise<ActionResponseDto> {
    const event = visibleEvent(await this.events.findById(eventId));
    if (event.status !== 'published' || event.endsAt.getTime() <= this.clock.now().getTime()) {
      throw unprocessable('proposals-closed', 'L’appel à contributions de cet événement est clos.');
    }
    // Echoed to the proposer, who just sent it; never shown in public lists.
    return toActionResponse(await this.insert(event, input, 'proposed'), event.timezone, true);
  }

  async list(eventId: string, query: ActionQueryDto, organiser?: OrganiserPrincipal): Promise<Page<ActionResponseDto>> {
    if (query.status && !organiser) {
      throw new DomainError(401, 'unauthorized', 'Unauthorized', 'Le filtre status est réservé aux organisateurs.');
    }
    const event = visibleEvent(await this.events.findById(eventId), organiser);
    const statuses: HighlightedActionStatus[] = !organiser ? ['selected'] : query.status ? [query.status] : ['proposed', 'selected', 'rejected'];
    const { items, total } = await this.actions.list(eventId, {
      statuses,
      theme: query.theme,
      department: query.department,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map((a) => toActionResponse(a, event.timezone, !!organiser)), total };
  }

  async get(eventId: string, actionId: string, organiser?: OrganiserPrincipal): Promise<ActionResponseDto> {
    const event = visibleEvent(await this.events.findById(eventId), organiser);
    const action = await this.actions.findInEvent(eventId, actionId);
    if (!action || (!organiser && action.status !== 'selected')) throw actionNotFound();
    return toActionResponse(action, event.timezone, !!organiser);
  }

  async update(eventId: string, actionId: string, input: UpdateActionDto): Promise<ActionResponseDto> {
    const event = existingEvent(await this.events.findById(eventId));
    const action = await this.actions.findInEvent(eventId, actionId);
    if (!action) throw actionNotFound();
    Object.assign(action, {
      title: input.title?.trim() ?? action.title,
      summary: input.summary?.trim() ?? action.summary,
      organisation: input.organisation?.trim() ?? action.organisation,
      organisationType: input.organisationType ?? action.organisationType,
      departments: input.departments ?? action.departments,
      themes: input.themes ?? action.themes,
      contactName: optional(input.contactName) !== undefined ? optional(input.contactName) : action.contactName,
      contactEmail: optional(input.contactEmail) !== undefined ? (optional(input.contactEmail)?.toLowerCase() ?? null) : action.contactEmail,
      url: optional(input.url) !== undefined ? optional(input.url) : action.url,
      status: input.status ?? action.status,
      updatedAt: this.clock.now(),
    });
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const saved = await this.actions.save(action, manager);
        // Sessions show selected actions: the programme changes with them.
        await this.revisions.bump(eventId, manager);
        return saved;
      });
      return toActionResponse(saved, event.timezone, true);
    } catch (error) {
      if (isUniqueViolation(error, 'highlighted_action_identity_key')) throw duplicate();
      throw error;
    }
  }

  /** Also unlinks it from sessions (ON DELETE CASCADE on the link). */
  async remove(eventId: string, actionId: string): Promise<void> {
    const action = await this.actions.findInEvent(eventId, actionId);
    if (!action) throw actionNotFound();
    await this.dataSource.transaction(async (manager) => {
      await this.actions.delete(actionId, manager);
      await this.revisions.bump(eventId, manager);
    });
  }

  private async insert(event: Event, input: ProposeActionDto, status: HighlightedActionStatus): Promise<HighlightedAction> {
    const now = this.clock.now();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const action = await this.actions.insert(
          {
            eventId: event.id,
            title: input.title.trim(),
            summary: input.summary.trim(),
            organisation: input.organisation.trim(),
            organisationType: input.organisationType,
            departments: input.departments,
            themes: input.themes,
            contactName: optional(input.contactName) ?? null,
            contactEmail: optional(input.contactEmail)?.toLowerCase() ?? null,
            url: optional(input.url) ?? null,
            status,
            createdAt: now,
            updatedAt: now,
          },
          manager,
        );
        await this.revisions.bump(event.id, manager);
        return action;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'highlighted_action_identity_key')) throw duplicate();
      throw error;
    }
  }
}
