import { toZonedIso } from '../../common/time';
import { AdminRegistrationDto } from './dto/admin-registration-response.dto';
import type { AdminRegistrationRow, ChosenSession } from './admin-registrations.repository';

export function toAdminRegistration(row: AdminRegistrationRow, sessions: ChosenSession[], timeZone: string): AdminRegistrationDto {
  const iso = (date: Date | null) => (date ? toZonedIso(date, timeZone) : null);
  return {
    id: row.id,
    eventId: row.eventId,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    organisation: row.organisation,
    organisationType: row.organisationType,
    jobTitle: row.jobTitle,
    department: row.department,
    attendanceMode: row.attendanceMode,
    status: row.status,
    waitlistPosition: row.status === 'waitlisted' ? row.waitlistPosition : null,
    sessions: sessions.map((s) => ({ sessionId: s.sessionId, title: s.title, status: s.status })),
    accessibilityNeeds: row.accessibilityNeeds,
    accessibility: row.accessibility,
    travelSupport: row.travelSupport,
    dietaryRequirements: row.dietaryRequirements,
    consentAt: iso(row.consentAt)!,
    photoConsent: row.photoConsent,
    photoConsentAt: iso(row.photoConsentAt),
    checkInCode: row.checkInCode,
    checkedInAt: iso(row.checkedInAt),
    confirmedAt: iso(row.confirmedAt),
    cancelledAt: iso(row.cancelledAt),
    anonymisedAt: iso(row.anonymisedAt),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}
