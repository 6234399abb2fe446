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
  ...overrides,
});

const fields = (d: EventDraft) => checkEventRules(d).map((e) => e.field);

describe('event rules', () => {
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
    expect(
      fields(draft({ registrationOpensAt: new Date('2027-02-01T00:00:00Z'), registrationClosesAt: new Date('2027-01-01T00:00:00Z') })),
    ).toEqual(['registrationClosesAt']);
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
