import { formatFrench, fromLocal, isRealTimestamp, localDate, toZonedIso } from './time';

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

describe('isRealTimestamp', () => {
  it.each(['2027-03-12T09:00:00+01:00', '2028-02-29T00:00Z', '2027-12-31T23:59:59.123456-03:00'])('accepts %s', (text) => {
    expect(isRealTimestamp(text)).toBe(true);
  });
  it.each([
    '2027-02-30T09:00:00+01:00',
    '2027-02-29T09:00:00Z',
    '2027-04-31T09:00:00Z',
    '2027-13-01T09:00:00Z',
    '2027-00-10T09:00:00Z',
    '2027-01-00T09:00:00Z',
    '2027-01-01T24:00:00Z',
    '2027-01-01T09:60:00Z',
    '2027-01-01T09:00:60Z',
    '2027-01-01T09:00:00+15:00',
    '2027-01-01T09:00:00+01:60',
    '2027-01-01T09:00:00',
    '2027-01-01',
    '10000-01-01T00:00:00Z',
  ])('refuses %s', (text) => {
    expect(isRealTimestamp(text)).toBe(false);
  });
});
