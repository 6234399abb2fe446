import type { TestApp } from './test-app';

const DAY = 24 * 3600 * 1000;

/** A valid event body starting `inDays` from now (two days long, onsite, in Montpellier). */
export function eventInput(overrides: Record<string, unknown> = {}, inDays = 30): Record<string, unknown> {
  const start = new Date(Date.now() + inDays * DAY);
  start.setUTCHours(8, 0, 0, 0);
  const end = new Date(start.getTime() + DAY + 8 * 3600 * 1000);
  return {
    title: 'Rencontre régionale de la lutte contre la pauvreté',
    kind: 'conference',
    format: 'onsite',
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    venue: { name: 'Le Corum', address: 'Esplanade Charles-de-Gaulle', postalCode: '34000', city: 'Montpellier' },
    capacity: 400,
    themes: ['insertion_emploi', 'participation'],
    departments: ['34'],
    ...overrides,
  };
}

/** Creates an event as the organiser; publishes it unless `publish: false`. Returns the response body. */
export async function createEvent(
  t: TestApp,
  overrides: Record<string, unknown> = {},
  { publish = true }: { publish?: boolean } = {},
): Promise<Record<string, any>> {
  const headers = await t.auth();
  const created = await t.http.post('/api/events').set(headers).send(eventInput(overrides)).expect(201);
  if (!publish) return created.body;
  const published = await t.http.post(`/api/events/${created.body.id}/publish`).set(headers).expect(200);
  return published.body;
}
