/** French typography and dates for documents. Pure. */

import { firstOfMonth } from '../../common/time';

const NNBSP = '\u202F';

/**
 * The narrow no-break space of French typography before ; : ! ? and inside « », where the text
 * has an ordinary space (or none inside the guillemets). Colons without a space (URLs, times) stay.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/[ \u00A0\u202F]+([;:!?])/g, `${NNBSP}$1`)
    .replace(/«[ \u00A0\u202F]*/g, `«${NNBSP}`)
    .replace(/[ \u00A0\u202F]*»/g, `${NNBSP}»`)
    .replace(/'/g, '’');
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat('fr-FR', { timeZone, ...options })));
  return f;
}

/** `jeudi 11 mars 2027`. */
export function frenchDay(date: Date, timeZone: string): string {
  return fmt(timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** `9 h 00`. */
export function frenchTime(date: Date, timeZone: string): string {
  const parts = fmt(timeZone, { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const hour = parts.find((p) => p.type === 'hour')!.value;
  const minute = parts.find((p) => p.type === 'minute')!.value;
  return `${Number(hour)} h ${minute}`;
}

/** `9 h 00 – 10 h 30`. */
export function frenchTimeRange(start: Date, end: Date, timeZone: string): string {
  return `${frenchTime(start, timeZone)} – ${frenchTime(end, timeZone)}`;
}

/**
 * An event's dates: `jeudi 11 mars 2027, 9 h 00 – 17 h 00` on one day, else
 * `du jeudi 11 au vendredi 12 mars 2027`, `du lundi 28 février au mardi 1er mars 2027`.
 */
export function frenchDateRange(start: Date, end: Date, timeZone: string): string {
  const day = (d: Date, options: Intl.DateTimeFormatOptions) => firstOfMonth(fmt(timeZone, options).format(d));
  const same = (options: Intl.DateTimeFormatOptions) => fmt(timeZone, options).format(start) === fmt(timeZone, options).format(end);
  if (same({ year: 'numeric', month: 'numeric', day: 'numeric' })) {
    return `${firstOfMonth(frenchDay(start, timeZone))}, ${frenchTimeRange(start, end, timeZone)}`;
  }
  const full = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
  if (same({ year: 'numeric', month: 'numeric' })) {
    return `du ${day(start, { weekday: 'long', day: 'numeric' })} au ${day(end, full)}`;
  }
  if (same({ year: 'numeric' })) {
    return `du ${day(start, { weekday: 'long', day: 'numeric', month: 'long' })} au ${day(end, full)}`;
  }
  return `du ${day(start, full)} au ${day(end, full)}`;
}

/** French collation: accents and case only break ties (Élodie sorts with Elodie, before Emma). */
export const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', ignorePunctuation: false, numeric: true });

/** Sorts people by last name, then first name, the French way; a stable copy. */
export function sortByName<T extends { lastName: string; firstName: string }>(people: readonly T[]): T[] {
  return [...people].sort((a, b) => frenchCollator.compare(a.lastName, b.lastName) || frenchCollator.compare(a.firstName, b.firstName));
}

/** `9 h 30` kept on one line: no-break spaces around the `h` (a range may still break at the dash). */
export function unbreakableTime(text: string): string {
  return text.replace(/(\d) h (\d)/g, '$1\u00A0h\u00A0$2');
}
