import { firstOfMonth, formatFrenchTime } from '../common/time';

/** French words for the API's codes and instants, as the pages show them. */

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('fr-FR', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    dayFormats.set(timeZone, f);
  }
  return f;
}

/** `jeudi 11 mars 2027` for an instant, in the event's zone. */
export function frenchDay(instant: string | Date, timeZone: string): string {
  return firstOfMonth(dayFormat(timeZone).format(new Date(instant)));
}

/** `jeudi 11 mars 2027` for a local date `2027-03-11` (already in the event's zone). */
export function frenchLocalDate(date: string): string {
  return firstOfMonth(dayFormat('UTC').format(new Date(`${date}T12:00:00Z`)));
}

export function frenchTime(instant: string | Date, timeZone: string): string {
  return formatFrenchTime(new Date(instant), timeZone);
}

/** `jeudi 11 mars 2027, de 9 h 00 à 17 h 00`, or `du … au …` over several days. */
export function frenchSpan(startsAt: string, endsAt: string, timeZone: string): string {
  const startDay = frenchDay(startsAt, timeZone);
  const endDay = frenchDay(endsAt, timeZone);
  if (startDay === endDay) return `${startDay}, de ${frenchTime(startsAt, timeZone)} à ${frenchTime(endsAt, timeZone)}`;
  return `du ${startDay}, ${frenchTime(startsAt, timeZone)}, au ${endDay}, ${frenchTime(endsAt, timeZone)}`;
}

/** `3 places restantes`, `1 place restante`. */
export function placesLeft(n: number): string {
  return n === 1 ? '1 place restante' : `${n} places restantes`;
}
