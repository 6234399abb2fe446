import type { QuotaSeats } from '../../events/event-seats';
import { ACCESSIBILITY_NEEDS, DEPARTMENTS, departmentLabel, isOccitanie, ORGANISATION_TYPES, organisationTypeLabel, THEMES } from '../../reference/reference.data';
import type { ReferenceItem } from '../../reference/reference.data';
import { CheckInStatsDto, DepartmentCountDto, EventStatsDto, NeedsDto } from './dto/event-stats.dto';
import type { KeyCount, NeedCount, SessionCount, StatusModeCount } from './event-stats.repository';

export interface StatsCounts {
  byStatusAndMode: StatusModeCount[];
  byOrganisationType: KeyCount[];
  byDepartment: KeyCount[];
  byTheme: KeyCount[];
  sessions: SessionCount[];
  needs: NeedCount[];
}

function needsOf(counts: NeedCount[], sessionId: string | null): NeedsDto {
  const mine = counts.filter((c) => c.sessionId === sessionId);
  return {
    accessibility: everyItem(
      ACCESSIBILITY_NEEDS,
      mine.filter((c) => c.code !== 'travel_support'),
    ).map((i) => ({ code: i.code, label: i.label, confirmed: i.count })),
    travelSupport: mine.find((c) => c.code === 'travel_support')?.count ?? 0,
  };
}

/** A ratio for reports: 3 decimals, null when the denominator means "no limit" or "nobody". */
export const ratio = (part: number, whole: number | null): number | null => (whole === null || whole <= 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** Every reference item in its order, zeros included, then any stored code unknown to the list. */
function everyItem(items: ReferenceItem[], counts: KeyCount[]) {
  const byCode = new Map(counts.map((c) => [c.code, c.count]));
  const known = items.map((item) => ({ code: item.code, label: item.label, count: byCode.get(item.code) ?? 0 }));
  const codes = new Set(items.map((i) => i.code));
  const unknown = counts.filter((c) => c.code !== null && !codes.has(c.code)).map((c) => ({ code: c.code!, label: c.code!, count: c.count }));
  return [...known, ...unknown];
}

function departments(counts: KeyCount[]): DepartmentCountDto[] {
  const rank = new Map(DEPARTMENTS.map((d, i) => [d.code, i]));
  const given = counts
    .filter((c) => c.code !== null && c.count > 0)
    .sort((a, b) => Number(isOccitanie(b.code)) - Number(isOccitanie(a.code)) || b.count - a.count || (rank.get(a.code!) ?? Infinity) - (rank.get(b.code!) ?? Infinity))
    .map((c) => ({ code: c.code, label: departmentLabel(c.code!), occitanie: isOccitanie(c.code), confirmed: c.count }));
  const notGiven = counts.find((c) => c.code === null && c.count > 0);
  return notGiven ? [...given, { code: null, label: 'Non renseigné', occitanie: false, confirmed: notGiven.count }] : given;
}

/** Who is expected at the door (confirmed, on site) and who came (confirmed, checked in). */
export function toCheckInStats(byStatusAndMode: StatusModeCount[]): CheckInStatsDto {
  const confirmed = byStatusAndMode.filter((c) => c.status === 'confirmed');
  const expected = confirmed.filter((c) => c.mode === 'onsite').reduce((total, c) => total + c.count, 0);
  const checkedIn = confirmed.reduce((total, c) => total + c.checkedIn, 0);
  return { checkedIn, expected, rate: ratio(checkedIn, expected) };
}

export function toEventStats(counts: StatsCounts, quotas: QuotaSeats[] = []): EventStatsDto {
  const sum = (filter: (c: StatusModeCount) => boolean, pick: (c: StatusModeCount) => number = (c) => c.count) =>
    counts.byStatusAndMode.filter(filter).reduce((total, c) => total + pick(c), 0);
  const confirmed = (c: StatusModeCount) => c.status === 'confirmed';
  const mode = (m: string) => ({
    confirmed: sum((c) => c.mode === m && c.status === 'confirmed'),
    waitlisted: sum((c) => c.mode === m && c.status === 'waitlisted'),
  });
  return {
    registrations: {
      confirmed: sum(confirmed),
      waitlisted: sum((c) => c.status === 'waitlisted'),
      cancelled: sum((c) => c.status === 'cancelled'),
    },
    byAttendanceMode: { onsite: mode('onsite'), online: mode('online') },
    byOrganisationType: everyItem(ORGANISATION_TYPES, counts.byOrganisationType).map((i) => ({ code: i.code, label: i.label, confirmed: i.count })),
    byDepartment: departments(counts.byDepartment),
    byTheme: everyItem(THEMES, counts.byTheme).map((i) => ({ code: i.code, label: i.label, choices: i.count })),
    sessions: counts.sessions.map((s) => ({
      sessionId: s.sessionId,
      title: s.title,
      capacity: s.capacity,
      confirmed: s.confirmed,
      waitlisted: s.waitlisted,
      needs: needsOf(counts.needs, s.sessionId),
      fillRate: ratio(s.confirmed, s.capacity),
    })),
    needs: needsOf(counts.needs, null),
    quotas: quotas.map((q) => ({
      organisationType: q.organisationType,
      label: organisationTypeLabel(q.organisationType),
      attendanceMode: q.attendanceMode,
      seats: q.seats,
      taken: q.taken,
      left: q.left,
    })),
    checkIn: toCheckInStats(counts.byStatusAndMode),
  };
}
