import { toZonedIso } from '../common/time';
import type { Event } from '../events/event.entity';
import { RegistrationDto } from './dto/registration-response.dto';
import type { Registration } from './registration.entity';
import { isEasyRead } from './registration-needs';
import type { ChoiceView } from './session-choices.repository';

/** The registration as its owner sees it; the online link only once confirmed to attend online. */
export function toRegistrationDto(r: Registration, event: Event, choices: ChoiceView[], waitlistPosition: number | null): RegistrationDto {
  const tz = event.timezone;
  const iso = (d: Date | null) => (d ? toZonedIso(new Date(d), tz) : null);
  return {
    id: r.id,
    event: {
      id: event.id,
      title: event.title,
      format: event.format,
      status: event.status,
      startsAt: iso(event.startsAt)!,
      endsAt: iso(event.endsAt)!,
      timezone: tz,
    },
    status: r.status,
    ...(waitlistPosition !== null ? { waitlistPosition } : {}),
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    organisation: r.organisation,
    organisationType: r.organisationType,
    jobTitle: r.jobTitle,
    department: r.department,
    attendanceMode: r.attendanceMode,
    accessibilityNeeds: r.accessibilityNeeds,
    accessibility: r.accessibility,
    easyRead: isEasyRead(r.accessibility),
    travelSupport: r.travelSupport,
    dietaryRequirements: r.dietaryRequirements,
    consentAt: iso(r.consentAt)!,
    photoConsent: r.photoConsent,
    photoConsentAt: iso(r.photoConsentAt),
    checkInCode: r.checkInCode,
    checkedInAt: iso(r.checkedInAt),
    ...(r.status === 'confirmed' && r.attendanceMode === 'online' && event.onlineUrl ? { onlineUrl: event.onlineUrl } : {}),
    sessions: choices.map((c) => ({
      sessionId: c.sessionId,
      title: c.title,
      startsAt: iso(c.startsAt)!,
      endsAt: iso(c.endsAt)!,
      status: c.status,
      ...(c.waitlistPosition !== null ? { waitlistPosition: c.waitlistPosition } : {}),
    })),
    createdAt: iso(r.createdAt)!,
    cancelledAt: iso(r.cancelledAt),
  };
}
