import { toZonedIso } from '../common/time';
import { EventResponseDto, ModeSeatsDto } from './dto/event-response.dto';
import { Event } from './event.entity';
import { isRegistrationOpen } from './event-rules';
import { EventSeats, ModeSeats } from './event-seats';

function modeSeats(seats: ModeSeats, capacity: number | null): ModeSeatsDto {
  return {
    seatsTaken: seats.seatsTaken,
    seatsLeft: seats.seatsLeft !== undefined ? seats.seatsLeft : capacity === null ? null : Math.max(0, capacity - seats.seatsTaken),
    waitlistLength: seats.waitlistLength,
  };
}

/** The event as clients see it; the online link only for organisers. */
export function toEventResponse(event: Event, seats: EventSeats, now: Date, forOrganiser: boolean): EventResponseDto {
  const tz = event.timezone;
  const iso = (date: Date | null) => (date ? toZonedIso(date, tz) : null);
  const main = event.format === 'online' ? modeSeats(seats.online, event.capacity) : modeSeats(seats.onsite, event.capacity);
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    kind: event.kind,
    format: event.format,
    description: event.description,
    startsAt: iso(event.startsAt)!,
    endsAt: iso(event.endsAt)!,
    timezone: tz,
    venue: event.venue,
    ...(forOrganiser ? { onlineUrl: event.onlineUrl } : {}),
    capacity: event.capacity,
    onlineCapacity: event.onlineCapacity,
    registrationOpensAt: iso(event.registrationOpensAt),
    registrationClosesAt: iso(event.registrationClosesAt),
    registrationOpen: isRegistrationOpen(event, now),
    themes: event.themes,
    departments: event.departments,
    reminders: event.reminderOffsets.map((offsetMinutes) => ({ offsetMinutes })),
    status: event.status,
    cancelReason: event.cancelReason,
    ...main,
    ...(event.format === 'hybrid' ? { online: modeSeats(seats.online, event.onlineCapacity) } : {}),
    quotas: event.quotas.map((q) => {
      const used = seats.quotas.find((s) => s.organisationType === q.organisationType && s.attendanceMode === q.attendanceMode);
      return { organisationType: q.organisationType, attendanceMode: q.attendanceMode, seats: q.seats, taken: used?.taken ?? 0, left: used?.left ?? q.seats };
    }),
    quotasReleaseAt: iso(event.quotasReleaseAt),
    quotasReleasedAt: iso(event.quotasReleasedAt),
    workshopAllocation: event.workshopAllocation,
    preferencesCloseAt: iso(event.preferencesCloseAt),
    allocatedAt: iso(event.allocatedAt),
    createdAt: iso(event.createdAt)!,
    updatedAt: iso(event.updatedAt)!,
  };
}
