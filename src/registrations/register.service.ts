import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/database-errors';
import { conflict, notFound, unprocessable } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Event } from '../events/event.entity';
import { isRegistrationOpen } from '../events/event-rules';
import { EventsRepository } from '../events/events.repository';
import { escapeHtml, OutboxService } from '../notifications/outbox.service';
import { RegisterDto } from './dto/register.dto';
import { RegistrationCreatedDto } from './dto/registration-response.dto';
import { EventSnapshotCache } from './event-snapshot.cache';
import { generateCheckInCode, generateManageToken, hashManageToken } from './manage-token';
import { confirmationMessage, STATUS_LABEL, waitlistedMessage, WorkshopLine, workshopLinePrefix } from './registration-messages';
import { POSITION_MARK, RegistrationRushRepository, RushRequest, WORKSHOPS_MARK } from './registration-rush.repository';
import type { AttendanceMode } from './registration.entity';
import { firstOverlap, modeCapacity, resolveMode } from './registration-rules';
import { InsertedRegistration, NewRegistration, RegistrationsRepository } from './registrations.repository';
import { LockedSession, SessionChoicesRepository } from './session-choices.repository';

/** The constraint that backs the one-active-registration-per-email rule. */
export const ACTIVE_EMAIL_KEY = 'registration_active_email_key';

export function manageUrlFor(config: AppConfig, token: string): string {
  return `${config.publicBaseUrl}/api/registrations/me?token=${encodeURIComponent(token)}`;
}

export const alreadyRegistered = () =>
  conflict('already-registered', 'Cette adresse électronique est déjà inscrite à cet événement.', [
    { field: 'email', message: 'already holds an active registration for this event' },
  ]);

/** Checks shared by registering and changing one's choices; `sessions` are locked rows. */
export function assertWorkshops(requested: string[], sessions: LockedSession[]): void {
  const found = new Map(sessions.map((s) => [s.id, s]));
  const invalid = requested.filter((id) => found.get(id)?.type !== 'workshop');
  if (invalid.length) {
    throw unprocessable(
      'not-a-workshop',
      'Certaines sessions choisies ne sont pas des ateliers de cet événement.',
      invalid.map((id) => ({ field: 'sessionIds', message: `${id} is not a workshop of this event` })),
    );
  }
  const clash = firstOverlap(requested.map((id) => found.get(id)!));
  if (clash) {
    throw conflict('sessions-overlap', `Les ateliers « ${clash[0].title} » et « ${clash[1].title} » ont lieu en même temps : choisissez-en un seul.`, [
      { field: 'sessionIds', message: `${clash[0].id} and ${clash[1].id} overlap` },
    ]);
  }
}

/** Why registering is impossible right now, in French; null when it is open. */
export function closedReason(event: Event, now: Date): string | null {
  if (event.status === 'cancelled') return 'Cet événement est annulé : les inscriptions sont fermées.';
  if (isRegistrationOpen(event, now)) return null;
  if (event.registrationOpensAt && now.getTime() < event.registrationOpensAt.getTime()) {
    return 'Les inscriptions ne sont pas encore ouvertes pour cet événement.';
  }
  return 'Les inscriptions sont closes pour cet événement.';
}

@Injectable()
export class RegisterService {
  constructor(
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly rush: RegistrationRushRepository,
    private readonly snapshots: EventSnapshotCache,
    private readonly choices: SessionChoicesRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Checks the request against a recent unlocked read of the event and its workshops (see
   * EventSnapshotCache), then decides the seats in one round trip under the event's row lock (see
   * RegistrationRushRepository). Should the event have changed in between, the fully locked path
   * decides (and explains a refusal).
   */
  async register(eventId: string, input: RegisterDto): Promise<RegistrationCreatedDto> {
    const token = generateManageToken();
    const manageUrl = manageUrlFor(this.config, token);
    const sessionIds = input.sessionIds ?? [];
    const now = this.clock.now();
    const snapshot = await this.snapshots.get(eventId, sessionIds, (e) => closedReason(e, now) === null);
    const mode = this.assertCanRegister(snapshot?.event ?? null, input, now);
    const event = snapshot!.event;
    const sessions = sessionIds.flatMap((id) => snapshot!.workshops.get(id) ?? []);
    assertWorkshops(sessionIds, sessions);
    const registration = this.newRegistration(event, input, mode, token);
    try {
      const inserted =
        (await this.rush.register(this.rushRequest(event, registration, sessions, now, manageUrl))) ??
        (await this.registerLocked(eventId, input, registration, manageUrl));
      return {
        id: registration.id,
        status: inserted.status,
        ...(inserted.waitlistPosition !== null ? { waitlistPosition: inserted.waitlistPosition } : {}),
        manageToken: token,
        manageUrl,
        sessions: sessionIds.map((sessionId) => inserted.sessions.find((c) => c.sessionId === sessionId)!),
      };
    } catch (error) {
      if (isUniqueViolation(error, ACTIVE_EMAIL_KEY)) throw alreadyRegistered();
      throw error;
    }
  }

  /** Both possible first messages, worded now; the statement fills in the rank and the workshops' statuses. */
  private rushRequest(event: Event, registration: NewRegistration, sessions: LockedSession[], now: Date, manageUrl: string): RushRequest {
    const person = { id: registration.id, firstName: registration.firstName, email: registration.email, attendanceMode: registration.attendanceMode };
    const block = { block: WORKSHOPS_MARK, count: sessions.length };
    const ordered = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return {
      registration,
      eventFormat: event.format,
      now,
      workshops: ordered.map((s) => ({ sessionId: s.id, textLine: workshopLinePrefix(event, s), htmlLine: escapeHtml(workshopLinePrefix(event, s)) })),
      statusLabels: STATUS_LABEL,
      confirmed: confirmationMessage(event, person, block, manageUrl),
      waitlisted: waitlistedMessage(event, person, POSITION_MARK, block, manageUrl),
    };
  }

  /** 404 for a missing or draft event, 422 when closed or when a hybrid event's mode is missing. */
  private assertCanRegister(event: Event | null, input: RegisterDto, now: Date): AttendanceMode {
    if (!event || event.status === 'draft') throw notFound('Event', 'Événement introuvable.');
    const closed = closedReason(event, now);
    if (closed) throw unprocessable('registration-closed', closed);
    const mode = resolveMode(event.format, input.attendanceMode);
    if (!mode) {
      throw unprocessable('validation', 'Pour un événement hybride, précisez si vous venez sur place ou en ligne.', [
        { field: 'attendanceMode', message: 'is required for hybrid events (onsite or online)' },
      ]);
    }
    return mode;
  }

  private newRegistration(event: Event, input: RegisterDto, mode: AttendanceMode, token: string): NewRegistration {
    return {
      id: randomUUID(),
      eventId: event.id,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      organisation: input.organisation ?? null,
      organisationType: input.organisationType,
      jobTitle: input.jobTitle ?? null,
      department: input.department ?? null,
      attendanceMode: mode,
      accessibilityNeeds: input.accessibilityNeeds ?? null,
      dietaryRequirements: input.dietaryRequirements ?? null,
      photoConsent: input.photoConsent ?? false,
      manageTokenHash: hashManageToken(token),
      checkInCode: generateCheckInCode(),
    };
  }

  /**
   * The same decision, step by step under the event's and the workshops' row locks, with every
   * check repeated on the locked rows: taken when the event changed since the unlocked read.
   */
  private registerLocked(eventId: string, input: RegisterDto, registration: NewRegistration, manageUrl: string): Promise<InsertedRegistration> {
    const sessionIds = input.sessionIds ?? [];
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const event = await this.events.lockById(eventId, manager);
      const mode = this.assertCanRegister(event, input, now);
      const sessions = await this.choices.lockSessions(sessionIds, eventId, manager);
      assertWorkshops(sessionIds, sessions);
      const values = { ...registration, attendanceMode: mode };
      const inserted = await this.registrations.insertWithChoices(
        values,
        modeCapacity(event!, mode),
        sessionIds.map((sessionId) => ({ sessionId, capacity: sessions.find((s) => s.id === sessionId)!.capacity })),
        now,
        manager,
      );
      await this.tell(event!, { id: values.id, firstName: values.firstName, email: values.email, attendanceMode: mode }, inserted, sessions, manageUrl, manager);
      return inserted;
    });
  }

  private async tell(
    event: Event,
    person: { id: string; firstName: string; email: string; attendanceMode: 'onsite' | 'online' },
    inserted: Awaited<ReturnType<RegistrationsRepository['insertWithChoices']>>,
    sessions: LockedSession[],
    manageUrl: string,
    manager: EntityManager,
  ): Promise<void> {
    const lines: WorkshopLine[] = inserted.sessions.map((c) => {
      const s = sessions.find((x) => x.id === c.sessionId)!;
      return { title: s.title, startsAt: s.startsAt, status: c.status };
    });
    await this.outbox.enqueue(
      manager,
      inserted.status === 'confirmed'
        ? confirmationMessage(event, person, lines, manageUrl)
        : waitlistedMessage(event, person, inserted.waitlistPosition!, lines, manageUrl),
    );
  }
}
