import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { conflict, notFound } from '../../common/domain-error';
import { Page, PaginationQuery } from '../../common/pagination';
import { EventsRepository } from '../../events/events.repository';
import { existingEvent, visibleEvent } from '../event-access';
import { ProgrammeRevisionsRepository } from '../programme-revisions.repository';
import { CreateSpeakerDto, SpeakerResponseDto, UpdateSpeakerDto } from './dto/speaker.dto';
import { toSpeakerResponse } from './speaker.mapper';
import { SpeakersRepository } from './speakers.repository';

const speakerNotFound = () => notFound('Speaker', 'Intervenant introuvable.');
const trimmed = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : value.trim() || null);

@Injectable()
export class SpeakersService {
  constructor(
    private readonly speakers: SpeakersRepository,
    private readonly events: EventsRepository,
    private readonly revisions: ProgrammeRevisionsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(eventId: string, input: CreateSpeakerDto): Promise<SpeakerResponseDto> {
    existingEvent(await this.events.findById(eventId));
    const speaker = await this.dataSource.transaction(async (manager) => {
      const created = await this.speakers.insert(
        {
          eventId,
          fullName: input.fullName.trim(),
          jobTitle: trimmed(input.jobTitle) ?? null,
          organisation: trimmed(input.organisation) ?? null,
          bio: trimmed(input.bio) ?? null,
          email: trimmed(input.email)?.toLowerCase() ?? null,
        },
        manager,
      );
      await this.revisions.bump(eventId, manager);
      return created;
    });
    return toSpeakerResponse(speaker, true);
  }

  async list(eventId: string, query: PaginationQuery, organiser?: OrganiserPrincipal): Promise<Page<SpeakerResponseDto>> {
    visibleEvent(await this.events.findById(eventId), organiser);
    const { items, total } = await this.speakers.listByEvent(eventId, query.limit, query.offset);
    return { items: items.map((s) => toSpeakerResponse(s, !!organiser)), total };
  }

  async get(eventId: string, speakerId: string, organiser?: OrganiserPrincipal): Promise<SpeakerResponseDto> {
    visibleEvent(await this.events.findById(eventId), organiser);
    const speaker = await this.speakers.findInEvent(eventId, speakerId);
    if (!speaker) throw speakerNotFound();
    return toSpeakerResponse(speaker, !!organiser);
  }

  async update(eventId: string, speakerId: string, input: UpdateSpeakerDto): Promise<SpeakerResponseDto> {
    const speaker = await this.speakers.findInEvent(eventId, speakerId);
    if (!speaker) throw speakerNotFound();
    if (input.fullName !== undefined) speaker.fullName = input.fullName.trim();
    if (input.jobTitle !== undefined) speaker.jobTitle = trimmed(input.jobTitle) ?? null;
    if (input.organisation !== undefined) speaker.organisation = trimmed(input.organisation) ?? null;
    if (input.bio !== undefined) speaker.bio = trimmed(input.bio) ?? null;
    if (input.email !== undefined) speaker.email = trimmed(input.email)?.toLowerCase() ?? null;
    const saved = await this.dataSource.transaction(async (manager) => {
      const saved = await this.speakers.save(speaker, manager);
      await this.revisions.bump(eventId, manager);
      return saved;
    });
    return toSpeakerResponse(saved, true);
  }

  /** Refused while the speaker is in a session: the organiser takes them out of those first. */
  async remove(eventId: string, speakerId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      existingEvent(await this.events.lockById(eventId, manager));
      const speaker = await this.speakers.findInEvent(eventId, speakerId, manager);
      if (!speaker) throw speakerNotFound();
      const sessions = await this.speakers.sessionsOf(speakerId, manager);
      if (sessions.length) {
        throw conflict(
          'speaker-in-use',
          `${speaker.fullName} intervient encore dans ${sessions.length} session(s) : retirez-le(la) d’abord.`,
          sessions.map((s) => ({ field: 'sessions', message: `« ${s.title} » (id ${s.id})` })),
        );
      }
      await this.speakers.delete(speakerId, manager);
      await this.revisions.bump(eventId, manager);
    });
  }
}
