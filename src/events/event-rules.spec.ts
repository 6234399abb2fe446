import { checkEventRules, EventDraft, isRegistrationOpen } from './event-rules';

const draft = (overrides: Partial<EventDraft> = {}): EventDraft => ({
  kind: 'conference',
  format: 'onsite',
  startsAt: new Date('2027-03-11T08:00:00Z'),
  endsAt: new Date('2027-03-12T16:00:00Z'),
  venue: { name: 'Le Corum', address: 'Esplanade', postalCode: '34000', city: 'Montpellier' },
  onlineUrl: null,
  capacity: 400,
  onlineCapacity: null,
  registrationOpensAt: null,
  registrationClosesAt: null,
  reminderOffsets: [10080, 1440],
  quotas: [],
  quotasReleaseAt: null,
  workshopAllocation: 'first_come',
  preferencesCloseAt: null,
  ...overrides,
});

const fields = (d: EventDraft) => checkEventRules(d).map((e) => e.field);

describe('event rules', () => {
  it('wants a preferences close date before the start, and only with preferences', () => {
    expect(fields(draft({ workshopAllocation: 'preferences' }))).toEqual(['preferencesCloseAt']);
    expect(fields(draft({ workshopAllocation: 'preferences', preferencesCloseAt: new Date('2027-03-11T08:00:00Z') }))).toEqual(['preferencesCloseAt']);
    expect(fields(draft({ workshopAllocation: 'preferences', preferencesCloseAt: new Date('2027-03-01T08:00:00Z') }))).toEqual([]);
    expect(fields(draft({ preferencesCloseAt: new Date('2027-03-01T08:00:00Z') }))).toEqual(['preferencesCloseAt']);
  });
  it('accepts a well-formed event', () => expect(checkEventRules(draft())).toEqual([]));
  it('wants dates in order and a sensible length', () => {
    expect(fields(draft({ endsAt: new Date('2027-03-11T08:00:00Z') }))).toEqual(['endsAt']);
    expect(fields(draft({ endsAt: new Date('2027-05-11T08:00:00Z') }))).toEqual(['endsAt']);
  });
  it('wants a venue unless online and a link unless onsite', () => {
    expect(fields(draft({ venue: null }))).toEqual(['venue']);
    expect(fields(draft({ format: 'online', venue: null, capacity: null, onlineUrl: 'https://v.example' }))).toEqual([]);
    expect(fields(draft({ format: 'hybrid' }))).toEqual(['onlineUrl']);
  });
  it('wants an onsite capacity and online capacity only for hybrid', () => {
    expect(fields(draft({ capacity: null }))).toEqual(['capacity']);
    expect(fields(draft({ onlineCapacity: 10 }))).toEqual(['onlineCapacity']);
  });
  it('keeps the registration window inside bounds', () => {
    expect(fields(draft({ registrationClosesAt: new Date('2027-03-13T00:00:00Z') }))).toEqual(['registrationClosesAt']);
    expect(fields(draft({ registrationOpensAt: new Date('2027-03-13T00:00:00Z') }))).toEqual(['registrationOpensAt']);
    expect(fields(draft({ registrationOpensAt: new Date('2027-02-01T00:00:00Z'), registrationClosesAt: new Date('2027-01-01T00:00:00Z') }))).toEqual(['registrationClosesAt']);
  });

  it('opens registration while published, from opening until closing or the start', () => {
    const e = { status: 'published', startsAt: new Date('2027-03-11T08:00:00Z'), registrationOpensAt: null, registrationClosesAt: null };
    expect(isRegistrationOpen(e, new Date('2027-03-01T00:00:00Z'))).toBe(true);
    expect(isRegistrationOpen(e, new Date('2027-03-11T08:00:00Z'))).toBe(false);
    expect(isRegistrationOpen({ ...e, status: 'draft' }, new Date('2027-03-01T00:00:00Z'))).toBe(false);
    expect(isRegistrationOpen({ ...e, status: 'cancelled' }, new Date('2027-03-01T00:00:00Z'))).toBe(false);
    const windowed = { ...e, registrationOpensAt: new Date('2027-02-01T00:00:00Z'), registrationClosesAt: new Date('2027-03-05T00:00:00Z') };
    expect(isRegistrationOpen(windowed, new Date('2027-01-31T23:59:00Z'))).toBe(false);
    expect(isRegistrationOpen(windowed, new Date('2027-02-01T00:00:00Z'))).toBe(true);
    expect(isRegistrationOpen(windowed, new Date('2027-03-05T00:00:00Z'))).toBe(false);
  });
});

describe('quota rules', () => {
  const hybrid = { format: 'hybrid' as const, onlineUrl: 'https://visio.example.org', capacity: 100, onlineCapacity: 50 };
  it('accepts kept seats that fit the capacity of their mode', () => {
    expect(fields(draft({ quotas: [{ organisationType: 'personne_concernee', seats: 400 }] }))).toEqual([]);
    expect(
      fields(
        draft({
          ...hybrid,
          quotas: [
            { organisationType: 'personne_concernee', seats: 100 },
            { organisationType: 'personne_concernee', attendanceMode: 'online', seats: 50 },
          ],
        }),
      ),
    ).toEqual([]);
  });
  it('refuses kept seats above the capacity, per mode, and without a capacity', () => {
    expect(
      fields(
        draft({
          quotas: [
            { organisationType: 'personne_concernee', seats: 300 },
            { organisationType: 'citoyen', seats: 101 },
          ],
        }),
      ),
    ).toEqual(['quotas']);
    expect(fields(draft({ ...hybrid, quotas: [{ organisationType: 'citoyen', attendanceMode: 'online', seats: 51 }] }))).toEqual(['quotas']);
    expect(fields(draft({ ...hybrid, onlineCapacity: null, quotas: [{ organisationType: 'citoyen', attendanceMode: 'online', seats: 1 }] }))).toEqual(['quotas']);
  });
  it('refuses a mode the event does not have, a type twice in one mode, a release after the end', () => {
    expect(fields(draft({ quotas: [{ organisationType: 'citoyen', attendanceMode: 'online', seats: 1 }] }))).toEqual(['quotas.0.attendanceMode']);
    expect(
      fields(
        draft({
          quotas: [
            { organisationType: 'citoyen', seats: 1 },
            { organisationType: 'citoyen', seats: 2 },
          ],
        }),
      ),
    ).toEqual(['quotas.1.organisationType']);
    expect(fields(draft({ quotas: [{ organisationType: 'citoyen', seats: 1 }], quotasReleaseAt: new Date('2027-03-13T00:00:00Z') }))).toEqual(['quotasReleaseAt']);
  });
});
