/** Time helpers for an event's IANA timezone. Pure; no dependency on the host's zone. */

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

export function localParts(date: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return parts as unknown as LocalParts;
}

/** The local calendar date, `2027-03-11`. */
export function localDate(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** ISO 8601 with the zone's offset at that instant: `2027-03-12T09:00:00+01:00`. */
export function toZonedIso(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

const frenchDate = new Map<string, Intl.DateTimeFormat>();

/**
 * French writes the first day of a month as an ordinal: `vendredi 1er janvier 2027`, `du lundi 1er au
 * mardi 2 mars`. The one place this rule lives: every French date (pages, emails, PDFs, errors) goes through it.
 * (A `1` followed by `h` is an hour, `1 h 00`, and stays as it is.)
 */
export function firstOfMonth(text: string): string {
  return text.replace(/(^|\s)1(?=\s(?!h\s)\p{L}|$)/gu, '$11er');
}

/** `jeudi 12 mars 2027, 9 h 00` in the event's zone. */
export function formatFrench(date: Date, timeZone: string): string {
  let f = frenchDate.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('fr-FR', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    frenchDate.set(timeZone, f);
  }
  return `${firstOfMonth(f.format(date))}, ${formatFrenchTime(date, timeZone)}`;
}

/** `jeudi 12 mars 2027 à 9 h 00`: the wording of messages. */
export function formatFrenchAt(date: Date, timeZone: string): string {
  return formatFrench(date, timeZone).replace(/, (\d+ h \d\d)$/, ' à $1');
}

/** `9 h 00`. */
export function formatFrenchTime(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${Number(p.hour)} h ${p.minute}`;
}

/** A strict ISO 8601 timestamp with an explicit offset (or Z). */
export const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Whether year-month-day is a day of the calendar (`2027-02-30` is not). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A timestamp in TIMESTAMP_PATTERN's form that names a real instant. `Date.parse` alone is not
 * enough: it rolls `2027-02-30` over to March 2nd.
 */
export function isRealTimestamp(text: string): boolean {
  const m = TIMESTAMP_PATTERN.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second = '0', , offsetHours = '0', offsetMinutes = '0'] = m.slice(1);
  return isCalendarDate(+year, +month, +day) && +hour <= 23 && +minute <= 59 && +second <= 59 && +offsetHours <= 14 && +offsetMinutes <= 59 && !Number.isNaN(Date.parse(text));
}

/** The instant at which the wall clock of `timeZone` shows `local` (`2027-03-11T09:00`). */
export function fromLocal(local: string, timeZone: string): Date {
  const [datePart, timePart = '00:00'] = local.split('T');
  const [y, mo, d] = datePart.split('-').map(Number);
  const [h, mi, s = 0] = timePart.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // Two passes settle the offset, including on days the clocks change.
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), timeZone);
    const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    guess += wall - shown;
  }
  return new Date(guess);
}
