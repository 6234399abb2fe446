import { formatFrench, fromLocal, localDate, toZonedIso } from './time';

describe('time in an event zone', () => {
  it('writes ISO 8601 with the zone offset, winter and summer', () => {
    expect(toZonedIso(new Date('2027-03-12T08:00:00Z'), 'Europe/Paris')).toBe('2027-03-12T09:00:00+01:00');
    expect(toZonedIso(new Date('2027-07-01T08:00:00Z'), 'Europe/Paris')).toBe('2027-07-01T10:00:00+02:00');
    expect(toZonedIso(new Date('2027-03-12T08:00:00Z'), 'America/Cayenne')).toBe('2027-03-12T05:00:00-03:00');
    expect(toZonedIso(new Date('2027-03-12T08:00:00Z'), 'UTC')).toBe('2027-03-12T08:00:00+00:00');
  });
  it('knows the local date', () => {
    expect(localDate(new Date('2027-03-11T23:30:00Z'), 'Europe/Paris')).toBe('2027-03-12');
  });
  it('formats in French', () => {
    expect(formatFrench(new Date('2027-03-12T08:00:00Z'), 'Europe/Paris')).toBe('vendredi 12 mars 2027, 9 h 00');
  });
});

describe('fromLocal', () => {
  it('reads a wall-clock time in a zone', () => {
    expect(fromLocal('2027-03-11T09:00', 'Europe/Paris').toISOString()).toBe('2027-03-11T08:00:00.000Z');
    expect(fromLocal('2027-07-01T09:30', 'Europe/Paris').toISOString()).toBe('2027-07-01T07:30:00.000Z');
    expect(fromLocal('2027-03-28T12:00', 'Europe/Paris').toISOString()).toBe('2027-03-28T10:00:00.000Z');
  });
});
