import { ICAL } from '../../../test/support/ical';
import { renderCalendar } from './calendar.renderer';
import { SAMPLE_CALENDAR } from './calendar.sample';

describe('renderCalendar', () => {
  const text = renderCalendar(SAMPLE_CALENDAR);

  it('writes CRLF-terminated lines no longer than 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('escapes commas and semicolons in text, and reads back identical through an independent parser', () => {
    expect(text).toContain('gouvernance\\, bilan\\; perspectives');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(SAMPLE_CALENDAR.entries.map((e) => e.uid));
    expect(events[0].summary).toBe('Plénière d’ouverture : gouvernance, bilan; perspectives');
    expect(events[0].location).toBe('Auditorium Pasteur, Le Corum, Montpellier');
    expect(events[0].startDate.toJSDate().toISOString()).toBe('2027-03-11T08:30:00.000Z');
    expect(events[0].endDate.toJSDate().toISOString()).toBe('2027-03-11T10:00:00.000Z');
    expect(events[0].description).toContain('\nOuverture des travaux');
  });

  it('escapes the calendar name too', () => {
    const named = renderCalendar({ ...SAMPLE_CALENDAR, name: 'Rencontre, édition 2027; Occitanie' });
    expect(named).toContain('\r\nNAME:Rencontre\\, édition 2027\\; Occitanie\r\n');
    expect(named).toContain('\r\nX-WR-CALNAME:Rencontre\\, édition 2027\\; Occitanie\r\n');
  });

  it('is pure: the same view renders the same bytes', () => {
    expect(renderCalendar(SAMPLE_CALENDAR)).toBe(text);
  });
});
