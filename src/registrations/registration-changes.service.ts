import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { conflict, FieldError, unprocessable } from '../common/domain-error';
import type { Event } from '../events/event.entity';
import { UpdateRegistrationDto } from './dto/update-registration.dto';
import { assertWorkshops, closedCode, refusal, registrationClosed } from './registration-refusals';
import { awaitsAllocation } from '../events/event-rules';
import { needsWith } from './registration-needs';
import type { AttendanceMode, Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';
import { SessionChoicesRepository } from './session-choices.repository';
import { WaitlistService } from './waitlist.service';

const REQUIRED: Array<keyof UpdateRegistrationDto> = [
  'firstName',
  'lastName',
  'email',
  'organisationType',
  'attendanceMode',
  'photoConsent',
  'accessibility',
  'easyRead',
  'travelSupport',
];
const DETAILS = [
  'firstName',
  'lastName',
  'email',
  'organisation',
  'organisationType',
  'jobTitle',
  'department',
  'accessibilityNeeds',
  'travelSupport',
  'dietaryRequirements',
] as const;

/**
 * A registrant changes details, attendance mode or workshops, under the same rules as
 * registering: the event and the sessions involved are locked, freed seats go to the waiting lists.
 */
@Injectable()
export class RegistrationChangesService {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly choices: SessionChoicesRepository,
    private readonly waitlist: WaitlistService,
    private readonly clock: Clock,
  ) {}

  /** The event and the registration must be locked. */
  async apply(event: Event, r: Registration, input: UpdateRegistrationDto, manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    this.assertChangeable(event, r, input, now);
    const details: Partial<Registration> = {};
    for (const key of DETAILS) if (input[key] !== undefined) (details as Record<string, unknown>)[key] = input[key];
    if (input.accessibility !== undefined || input.easyRead !== undefined) details.accessibility = needsWith(input.accessibility, input.easyRead, r.accessibility);
    if (input.photoConsent !== undefined && input.photoConsent !== r.photoConsent) {
      Object.assign(details, { photoConsent: input.photoConsent, photoConsentAt: input.photoConsent ? now : null });
    }
    if (Object.keys(details).length) await this.registrations.update(r.id, { ...details, updatedAt: now }, manager);

    let confirmed = r.status === 'confirmed';
    // A change of type moves seats: a confirmed person's seat may now count as a general one (freeing a
    // kept seat), a waiting person may now be someone a free kept seat is for.
    if (details.organisationType !== undefined && details.organisationType !== r.organisationType) {
      await this.waitlist.promoteEvent(event, r.attendanceMode, manager);
    }
    if (input.attendanceMode && input.attendanceMode !== r.attendanceMode) {
      confirmed = await this.moveMode(event, { ...r, ...details }, input.attendanceMode, manager);
    }
    if (input.sessionIds) await this.replaceWorkshops(event, r, input.sessionIds, confirmed, manager);
  }

  private assertChangeable(event: Event, r: Registration, input: UpdateRegistrationDto, now: Date): void {
    if (r.status === 'cancelled') throw conflict('registration-cancelled', 'Cette inscription est annulée : elle ne peut plus être modifiée.');
    if (event.status === 'cancelled') throw unprocessable('registration-closed', 'Cet événement est annulé.');
    if (now.getTime() >= event.endsAt.getTime()) throw unprocessable('registration-closed', 'Cet événement est terminé.');
    const errors: FieldError[] = REQUIRED.filter((k) => input[k] === null).map((field) => ({ field, message: 'must not be null' }));
    if (input.attendanceMode !== undefined && event.format !== 'hybrid' && input.attendanceMode !== event.format) {
      errors.push({ field: 'attendanceMode', message: `this event is ${event.format} only` });
    }
    if (errors.length) throw unprocessable('validation', 'La requête contient des valeurs invalides.', errors);
    const movesSeats = input.sessionIds !== undefined || (input.attendanceMode !== undefined && input.attendanceMode !== r.attendanceMode);
    const closed = movesSeats ? closedCode(event, now) : null;
    if (closed) throw registrationClosed(closed, ' Le choix des ateliers et le mode de participation ne peuvent plus être modifiés.');
    if (input.sessionIds !== undefined && awaitsAllocation(event)) throw refusal('workshops_by_preference', null);
  }

  /**
   * Leaves the old mode (freeing a seat or a place in its queue) and takes a seat in the new one,
   * or the end of its waiting list. Returns whether the registration is confirmed afterwards.
   */
  private async moveMode(event: Event, r: Registration, mode: AttendanceMode, manager: EntityManager): Promise<boolean> {
    const now = this.clock.now();
    const confirmed = await this.registrations.canConfirm(event.id, mode, r.organisationType, now, manager);
    await this.registrations.moveMode(r.id, mode, confirmed, now, manager);
    const wasConfirmed = r.status === 'confirmed';
    if (wasConfirmed && !confirmed) {
      // Without an event seat, no workshop seat: they wait again, and free their seats.
      const held = (await this.choices.forRegistration(r.id, manager)).filter((c) => c.status === 'confirmed').map((c) => c.sessionId);
      await this.choices.lockSessions(held, event.id, manager);
      await this.choices.requeueConfirmed(r.id, now, manager);
      await this.waitlist.fillSessions(event, held, manager);
    }
    if (!wasConfirmed && confirmed) {
      const waiting = (await this.choices.forRegistration(r.id, manager)).filter((c) => c.status === 'waitlisted').map((c) => c.sessionId);
      await this.waitlist.fillSessions(event, waiting, manager, new Set([r.id]));
    }
    if (wasConfirmed) await this.waitlist.promoteEvent(event, r.attendanceMode, manager);
    return confirmed;
  }

  private async replaceWorkshops(event: Event, r: Registration, wanted: string[], confirmed: boolean, manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    const current = (await this.choices.forRegistration(r.id, manager)).filter((c) => c.status !== 'cancelled').map((c) => c.sessionId);
    const sessions = await this.choices.lockSessions([...current, ...wanted], event.id, manager);
    assertWorkshops(wanted, sessions);
    const removed = current.filter((id) => !wanted.includes(id));
    const added = wanted.filter((id) => !current.includes(id));
    const freed = removed.length ? await this.choices.cancel(r.id, removed, now, manager) : [];
    await this.choices.upsert(
      r.id,
      confirmed,
      added.map((sessionId) => ({ sessionId, capacity: sessions.find((s) => s.id === sessionId)!.capacity })),
      now,
      manager,
    );
    await this.waitlist.fillSessions(event, freed, manager);
  }
}
