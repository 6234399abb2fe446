// ical.js is an ES module with a CommonJS build behind its "require" export: load that one, typed
// from its ESM declarations, so Jest (CommonJS) and tsc agree.
type IcalModule = typeof import('ical.js', { with: { 'resolution-mode': 'import' } });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded = require('ical.js');
export const ICAL: IcalModule['default'] = loaded.default ?? loaded;

/** The VEVENTs of an iCalendar text, parsed by ical.js (an independent parser). */
export function parseEvents(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}
