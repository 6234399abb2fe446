import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/domain-error';
import { Page } from '../../common/pagination';
import { EventsRepository } from '../../events/events.repository';
import { AdminRegistrationDto } from './dto/admin-registration-response.dto';
import { RegistrationQueryDto } from './dto/registration-query.dto';
import { toAdminRegistration } from './admin-registration.mapper';
import { AdminRegistrationsRepository } from './admin-registrations.repository';
import { requireEvent } from './require-event';

/** Organisers reading an event's registrations. */
@Injectable()
export class AdminRegistrationsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly registrations: AdminRegistrationsRepository,
  ) {}

  async list(eventId: string, query: RegistrationQueryDto): Promise<Page<AdminRegistrationDto>> {
    const event = await requireEvent(this.events, eventId);
    const { limit, offset, ...filter } = query;
    const { rows, total } = await this.registrations.list(event.id, filter, limit, offset);
    const sessions = await this.registrations.sessionsOf(rows.map((r) => r.id));
    return { items: rows.map((row) => toAdminRegistration(row, sessions.get(row.id) ?? [], event.timezone)), total };
  }

  async get(eventId: string, registrationId: string): Promise<AdminRegistrationDto> {
    const event = await requireEvent(this.events, eventId);
    const row = await this.registrations.findInEvent(event.id, registrationId);
    if (!row) throw notFound('Registration', 'Inscription introuvable.');
    const sessions = await this.registrations.sessionsOf([row.id]);
    return toAdminRegistration(row, sessions.get(row.id) ?? [], event.timezone);
  }
}
