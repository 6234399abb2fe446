import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import { toZonedIso } from '../common/time';
import type { Event } from '../events/event.entity';
import { EventsRepository } from '../events/events.repository';
import { OutboxService } from '../notifications/outbox.service';
import { RegistrationDto, RegistrationExportDto } from './dto/registration-response.dto';
import { UpdateRegistrationDto } from './dto/update-registration.dto';
import { invalidManageLink, lookupHashOf } from './manage-token';
import { CancellationService } from './cancellation.service';
import { ACTIVE_EMAIL_KEY, alreadyRegistered } from './registration-refusals';
import { RegistrationChangesService } from './registration-changes.service';
import { toRegistrationDto } from './registration.mapper';
import type { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';
import { SessionChoicesRepository } from './session-choices.repository';
import { isUniqueViolation } from '../common/database-errors';

const badToken = invalidManageLink;

/**
 * What a registrant does with their manage token. A missing, wrong or unknown token gets the same
 * 401, whether or not a registration exists: the answer never tells anything about others.
 */
@Injectable()
export class SelfServiceService {
  constructor(
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly choices: SessionChoicesRepository,
    private readonly changes: RegistrationChangesService,
    private readonly cancellation: CancellationService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async get(token: string | undefined): Promise<RegistrationDto> {
    const r = await this.resolve(token);
    return this.view(r.id, r.eventId, this.dataSource.manager);
  }

  async update(token: string | undefined, input: UpdateRegistrationDto): Promise<RegistrationDto> {
    const found = await this.resolve(token);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { event, registration } = await this.lock(found, manager);
        await this.changes.apply(event, registration, input, manager);
        return this.view(registration.id, event.id, manager);
      });
    } catch (error) {
      if (isUniqueViolation(error, ACTIVE_EMAIL_KEY)) throw alreadyRegistered();
      throw error;
    }
  }

  async cancel(token: string | undefined): Promise<RegistrationDto> {
    const found = await this.resolve(token);
    return this.dataSource.transaction(async (manager) => {
      const { event, registration } = await this.lock(found, manager);
      await this.cancellation.cancelLocked(event, registration, { organiser: false }, manager);
      return this.view(registration.id, event.id, manager);
    });
  }

  /** Organisers cancel on someone's behalf; the person is told. */
  async cancelByOrganiser(eventId: string, registrationId: string): Promise<RegistrationDto> {
    await this.cancellation.cancel(eventId, registrationId, { organiser: true });
    return this.view(registrationId, eventId, this.dataSource.manager);
  }

  /** Everything held on the person: their registration, consents with their times, messages sent to them. */
  async export(token: string | undefined): Promise<RegistrationExportDto> {
    const r = await this.resolve(token);
    const manager = this.dataSource.manager;
    const registration = await this.view(r.id, r.eventId, manager);
    const event = (await this.events.findById(r.eventId))!;
    const iso = (d: Date | null) => (d ? toZonedIso(new Date(d), event.timezone) : null);
    const messages = await this.outbox.messagesFor(r.id, manager);
    return {
      exportedAt: iso(this.clock.now())!,
      registration,
      consents: { consent: true, consentAt: registration.consentAt, photoConsent: registration.photoConsent, photoConsentAt: registration.photoConsentAt },
      messages: messages.map((m) => ({ ...m, createdAt: iso(m.createdAt)!, sentAt: iso(m.sentAt) })),
    };
  }

  private async resolve(token: string | undefined): Promise<Registration> {
    // Any real token is 43 base64url characters; anything else cannot match and is not looked up.
    const hash = lookupHashOf(token);
    if (!hash) throw badToken();
    const r = await this.registrations.findByTokenHash(hash);
    if (!r) throw badToken();
    return r;
  }

  private async lock(found: Registration, manager: EntityManager): Promise<{ event: Event; registration: Registration }> {
    const event = await this.events.lockById(found.eventId, manager);
    const registration = event ? await this.registrations.lockById(found.id, event.id, manager) : null;
    if (!event || !registration) throw badToken();
    return { event, registration };
  }

  private async view(id: string, eventId: string, manager: EntityManager): Promise<RegistrationDto> {
    const event = await this.events.findById(eventId, manager);
    const r = event ? await this.registrations.findInEvent(id, event.id, manager) : null;
    if (!event || !r) throw notFound('Registration', 'Inscription introuvable.');
    const [choices, position] = await Promise.all([this.choices.viewForRegistration(r.id, manager), this.registrations.waitlistPosition(r, manager)]);
    return toRegistrationDto(r, event, choices, position);
  }
}
