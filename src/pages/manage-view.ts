import { awaitsAllocation } from '../events/event-rules';
import type { EventResponseDto } from '../events/dto/event-response.dto';
import type { ProgrammeDto } from '../programme/programme-view/programme.dto';
import type { RegistrationDto } from '../registrations/dto/registration-response.dto';
import { availabilityOf, whereOf } from './event-view';
import type { FormErrors } from './form-errors';
import { frenchSpan } from './french';
import { detailFields, FormValues, sessionIndex, workshopGroups } from './registration-form';
import { ATTENDANCE_MODE_LABELS } from '../reference/labels';

/** The registration's current details, as form values. */
export function valuesOf(r: RegistrationDto): FormValues {
  return {
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    organisation: r.organisation ?? '',
    organisationType: r.organisationType,
    jobTitle: r.jobTitle ?? '',
    department: r.department ?? '',
    attendanceMode: r.attendanceMode,
    accessibility: r.accessibility,
    travelSupport: r.travelSupport,
    accessibilityNeeds: r.accessibilityNeeds ?? '',
    dietaryRequirements: r.dietaryRequirements ?? '',
    photoConsent: r.photoConsent,
    sessionIds: r.sessions.map((s) => s.sessionId),
  };
}

/** The documents of a registration, opened by its token (the API's registrant endpoints). */
export function documentsOf(r: RegistrationDto, token: string) {
  if (r.status !== 'confirmed') return null;
  const q = `?token=${encodeURIComponent(token)}`;
  return {
    badge: r.attendanceMode === 'onsite' ? `/api/registrations/me/badge.pdf${q}` : null,
    agendaPdf: `/api/registrations/me/agenda.pdf${q}`,
    agendaIcs: `/api/registrations/me/agenda.ics${q}`,
    certificate: r.checkedInAt ? `/api/registrations/me/certificate.pdf${q}` : null,
  };
}

export function toManagePage(r: RegistrationDto, event: EventResponseDto, programme: ProgrammeDto, token: string, values: FormValues, errors: FormErrors, now: Date) {
  const sessions = sessionIndex(
    programme,
    r.sessions.map((s) => s.sessionId),
  );
  const availability = availabilityOf(event, now);
  const active = r.status !== 'cancelled' && event.status !== 'cancelled';
  const chosen = Array.isArray(values.sessionIds) ? values.sessionIds : [];
  return {
    token,
    registration: {
      fullName: `${r.firstName} ${r.lastName}`,
      email: r.email,
      confirmed: r.status === 'confirmed',
      waitlisted: r.status === 'waitlisted',
      cancelled: r.status === 'cancelled',
      waitlistPosition: r.waitlistPosition,
      mode: ATTENDANCE_MODE_LABELS[r.attendanceMode] ?? r.attendanceMode,
      checkInCode: r.status === 'confirmed' ? r.checkInCode : null,
      onlineUrl: r.onlineUrl && /^https?:\/\//.test(r.onlineUrl) ? r.onlineUrl : null,
      workshops: r.sessions.map((s) => ({
        title: s.title,
        when: sessions.get(s.sessionId)?.when ?? '',
        confirmed: s.status === 'confirmed',
        waitlistPosition: s.waitlistPosition,
      })),
    },
    event: {
      title: event.title,
      slug: event.slug,
      when: frenchSpan(event.startsAt, event.endsAt, event.timezone),
      place: whereOf(event).place,
      address: whereOf(event).address,
    },
    availability,
    documents: documentsOf(r, token),
    editable: active,
    workshopsEditable: active && availability.open,
    ...(active ? detailFields(values, errors, event) : {}),
    // Workshops allocated by preference: no seat to choose until the allocation is made.
    workshops: active && availability.open && !awaitsAllocation(event) ? workshopGroups(programme, chosen, errors.fields.sessionIds) : [],
    errors: errors.summary,
    errorsPlural: errors.summary.length > 1,
  };
}
