import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Clock } from '../common/clock';
import { conflict, notFound, unprocessable } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Event } from '../events/event.entity';
import { isRegistrationOpen } from '../events/event-rules';
import { EventsRepository } from '../events/events.repository';
import { OutboxService } from '../notifications/outbox.service';
import { RegisterDto } from './dto/register.dto';
import { RegistrationCreatedDto } from './dto/registration-response.dto';
import { generateCheckInCode, generateManageToken, hashManageToken } from './manage-token';
import { confirmationMessage, waitlistedMessage, WorkshopLine } from './registration-messages';
import { firstOverlap, modeCapacity, resolveMode } from './registration-rules';
import { RegistrationsRepository } from './registrations.repository';
import { LockedSession, SessionChoicesRepository } from './session-choices.repository';

/** The constraint that backs the one-active-registration-per-email rule. */
const ACTIVE_EMAIL_KEY = 'registration_active_email_key';

export function manageUrlFor(config: AppConfig, token: string): string {
  return `${config.publicBaseUrl}/api/registrations/me?token=${encodeURIComponent(token)}`;
}

export function constraintOf(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const e = error as unknown as { constraint?: string; driverError?: { constraint?: string } };
  return e.constraint ?? e.driverError?.constraint;
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
    private readonly choices: SessionChoicesRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Registers under the event's row lock (and the chosen workshops' locks, taken in id order), so
   * the seat decision is exact whatever the concurrency and however many instances run. The work
   * done under the lock is three statements: lock event, lock workshops, insert everything.
   */
  async register(eventId: string, input: RegisterDto): Promise<RegistrationCreatedDto> {
    const token = generateManageToken();
    const manageUrl = manageUrlFor(this.config, token);
    const id = randomUUID();
    const sessionIds = input.sessionIds ?? [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const now = this.clock.now();
        const event = await this.events.lockById(eventId, manager);
        if (!event || event.status === 'draft') throw notFound('Event', 'Événement introuvable.');
        const closed = closedReason(event, now);
        if (closed) throw unprocessable('registration-closed', closed);
        const mode = resolveMode(event.format, input.attendanceMode);
        if (!mode) {
          throw unprocessable('validation', 'Pour un événement hybride, précisez si vous venez sur place ou en ligne.', [
            { field: 'attendanceMode', message: 'is required for hybrid events (onsite or online)' },
          ]);
        }
        const sessions = await this.choices.lockSessions(sessionIds, event.id, manager);
        assertWorkshops(sessionIds, sessions);
        const inserted = await this.registrations.insertWithChoices(
          {
            id,
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
          },
          modeCapacity(event, mode),
          sessionIds.map((sessionId) => ({ sessionId, capacity: sessions.find((s) => s.id === sessionId)!.capacity })),
          now,
          manager,
        );
        await this.tell(event, { id, firstName: input.firstName, email: input.email, attendanceMode: mode }, inserted, sessions, manageUrl, manager);
        return {
          id,
          status: inserted.status,
          ...(inserted.waitlistPosition !== null ? { waitlistPosition: inserted.waitlistPosition } : {}),
          manageToken: token,
          manageUrl,
          sessions: sessionIds.map((sessionId) => inserted.sessions.find((s) => s.sessionId === sessionId)!),
        };
      });
    } catch (error) {
      if (constraintOf(error) === ACTIVE_EMAIL_KEY) throw alreadyRegistered();
      throw error;
    }
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
