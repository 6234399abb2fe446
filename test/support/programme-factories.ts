import type { TestApp } from './test-app';

const HOUR = 3600 * 1000;
let counter = 0;
const next = () => ++counter;

/** An instant `hours` after the event starts, as an ISO string (events from eventInput start at 08:00 UTC). */
export function at(event: Record<string, any>, hours: number): string {
  return new Date(new Date(event.startsAt).getTime() + hours * HOUR).toISOString();
}

/** `{ startsAt, endsAt }` from `from` to `to` hours after the event starts. */
export function slot(event: Record<string, any>, from: number, to: number): { startsAt: string; endsAt: string } {
  return { startsAt: at(event, from), endsAt: at(event, to) };
}

export async function createRoom(t: TestApp, eventId: string, body: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await t.http.post(`/api/events/${eventId}/rooms`).set(await t.auth()).send({ name: `Salle ${next()}`, capacity: 50, ...body });
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
  const res = await t.http.post(`/api/events/${eventId}/sessions`).set(await t.auth()).send({ title: `Atelier ${next()}`, type: 'workshop', ...body });
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
  const res = await t.http.post(`/api/events/${eventId}/actions`).set(await t.auth()).send(actionInput(overrides));
  if (res.status !== 201) throw new Error(`action: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
