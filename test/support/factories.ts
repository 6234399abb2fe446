import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/**
 * The suite's test data, made the way users make it: through the API, as the organiser or the
 * public. `seeds.ts` writes rows straight into the database, only for what the API cannot make
 * (or not quickly): past check-ins, chosen statuses, exact data sets for the figures.
 */

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
let counter = 0;
const next = () => ++counter;

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
export async function createEvent(t: TestApp, overrides: Record<string, unknown> = {}, { publish = true }: { publish?: boolean } = {}): Promise<Record<string, any>> {
  const headers = await t.auth();
  const created = await t.http.post('/api/events').set(headers).send(eventInput(overrides)).expect(201);
  if (!publish) return created.body;
  const published = await t.http.post(`/api/events/${created.body.id}/publish`).set(headers).expect(200);
  return published.body;
}

/** An instant `hours` after the event starts, as an ISO string (events from eventInput start at 08:00 UTC). */
export function at(event: Record<string, any>, hours: number): string {
  return new Date(new Date(event.startsAt).getTime() + hours * HOUR).toISOString();
}

/** `{ startsAt, endsAt }` from `from` to `to` hours after the event starts. */
export function slot(event: Record<string, any>, from: number, to: number): { startsAt: string; endsAt: string } {
  return { startsAt: at(event, from), endsAt: at(event, to) };
}

export async function createRoom(t: TestApp, eventId: string, body: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await t.http
    .post(`/api/events/${eventId}/rooms`)
    .set(await t.auth())
    .send({ name: `Salle ${next()}`, capacity: 50, ...body });
  if (res.status !== 201) throw new Error(`room: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createSpeaker(t: TestApp, eventId: string, body: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const n = next();
  const res = await t.http
    .post(`/api/events/${eventId}/speakers`)
    .set(await t.auth())
    .send({ fullName: `Intervenante ${n}`, jobTitle: 'Cheffe de projet', organisation: 'DREETS Occitanie', email: `intervenante${n}@example.org`, ...body });
  if (res.status !== 201) throw new Error(`speaker: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createSession(t: TestApp, eventId: string, body: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await t.http
    .post(`/api/events/${eventId}/sessions`)
    .set(await t.auth())
    .send({ title: `Atelier ${next()}`, type: 'workshop', ...body });
  if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A valid highlighted action body (a proposal or an organiser's addition). */
export function actionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Le bus des droits ${next()}`,
    summary: 'Un bus itinérant accompagne les habitants des villages dans leurs démarches d’accès aux droits.',
    organisation: 'MSA Midi-Pyrénées Sud',
    organisationType: 'service_public',
    departments: ['32', '65'],
    themes: ['ruralite', 'travail_social'],
    contactName: 'Julie Marty',
    contactEmail: 'julie.marty@example.org',
    url: 'https://www.example.org/bus-des-droits',
    ...overrides,
  };
}

export async function createAction(t: TestApp, eventId: string, overrides: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await t.http
    .post(`/api/events/${eventId}/actions`)
    .set(await t.auth())
    .send(actionInput(overrides));
  if (res.status !== 201) throw new Error(`action: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A valid registration body with a fresh email address. */
export function registrationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = next();
  return {
    firstName: 'Camille',
    lastName: `Durand ${n}`,
    email: `camille.durand.${n}.${randomUUID().slice(0, 8)}@caf34.fr`,
    organisation: 'CAF de l’Hérault',
    organisationType: 'service_public',
    department: '34',
    consent: true,
    ...overrides,
  };
}

/** POST /api/events/{id}/registrations (not asserting the status). */
export function register(t: TestApp, eventId: string, overrides: Record<string, unknown> = {}) {
  return t.http.post(`/api/events/${eventId}/registrations`).send(registrationInput(overrides));
}
