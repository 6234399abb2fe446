import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '../common/database-errors';
import { RegisterDto } from './dto/register.dto';
import { RegistrationCreatedDto } from './dto/registration-response.dto';
import { ManageLinks } from '../notifications/manage-links';
import { generateCheckInCode } from './manage-token';
import { ACTIVE_EMAIL_KEY, alreadyRegistered, refusal } from './registration-refusals';
import { NewRegistration } from './registrations.repository';
import { needsWith } from './registration-needs';
import { SeatDecisions } from './seat-decisions';
import { Metrics } from '../observability/metrics';

/**
 * Registering: the seat decision is made by register_attendee (reached through SeatDecisions, which
 * groups registrations arriving together for one event), which locks the event, re-checks the
 * window, the mode, the workshops and the email, decides, and writes the registration, its choices
 * and the message to send. This service only prepares the row and maps a refusal to its French error.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly seats: SeatDecisions,
    private readonly links: ManageLinks,
    private readonly metrics: Metrics,
  ) {}

  async register(eventId: string, input: RegisterDto): Promise<RegistrationCreatedDto> {
    const sessionIds = [...new Set(input.sessionIds ?? [])];
    const id = randomUUID();
    const token = this.links.tokenFor({ id, tokenVersion: 1 });
    const registration = this.newRegistration(id, eventId, input, this.links.hashFor({ id, tokenVersion: 1 }));
    let decision;
    try {
      decision = await this.seats.decide(registration, sessionIds);
    } catch (error) {
      if (isUniqueViolation(error, ACTIVE_EMAIL_KEY)) {
        this.metrics.registration('already_registered', null);
        throw alreadyRegistered();
      }
      throw error;
    }
    this.metrics.registration(decision.outcome, decision.outcome === 'registered' ? decision.status : null);
    if (decision.outcome !== 'registered') throw refusal(decision.outcome, decision.detail);
    return {
      id,
      status: decision.status,
      ...(decision.waitlistPosition !== null ? { waitlistPosition: decision.waitlistPosition } : {}),
      manageToken: token,
      manageUrl: this.links.urlFor(token),
      sessions: decision.sessions,
    };
  }

  private newRegistration(id: string, eventId: string, input: RegisterDto, manageTokenHash: string): NewRegistration {
    return {
      id,
      eventId,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      organisation: input.organisation ?? null,
      organisationType: input.organisationType,
      jobTitle: input.jobTitle ?? null,
      department: input.department ?? null,
      attendanceMode: input.attendanceMode ?? null,
      accessibilityNeeds: input.accessibilityNeeds ?? null,
      accessibility: needsWith(input.accessibility, input.easyRead),
      travelSupport: input.travelSupport ?? false,
      dietaryRequirements: input.dietaryRequirements ?? null,
      photoConsent: input.photoConsent ?? false,
      manageTokenHash,
      checkInCode: generateCheckInCode(),
      preferences: (input.preferences ?? []).map((p) => ({ sessionId: p.sessionId.toLowerCase(), rank: p.rank })),
    };
  }
}
