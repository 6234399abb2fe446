import { randomUUID } from 'node:crypto';
import { Session } from '../../src/programme/sessions/session.entity';
import { Room } from '../../src/programme/rooms/room.entity';
import type { TestApp } from './test-app';

let counter = 0;

/** A valid registration body with a fresh email address. */
export function registrationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    firstName: 'Camille',
    lastName: `Durand ${counter}`,
    email: `camille.durand.${counter}.${randomUUID().slice(0, 8)}@caf34.fr`,
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

/** A room of the event, inserted directly (the programme endpoints are another module's). */
export async function createRoom(t: TestApp, eventId: string, values: Partial<Room> = {}): Promise<Room> {
  const repo = t.dataSource.getRepository(Room);
  return repo.save(repo.create({ eventId, name: `Salle ${++counter}`, capacity: null, createdAt: new Date(), ...values }));
}

/**
 * A workshop of the event, inserted directly. `slot` (0, 1, 2…) places it on the event's first day
 * at 9:00 + 2 h × slot, lasting 90 minutes; two workshops with the same slot overlap.
 */
export async function createWorkshop(
  t: TestApp,
  event: Record<string, any>,
  values: Partial<Session> & { slot?: number } = {},
): Promise<Session> {
  const { slot = 0, ...rest } = values;
  const start = new Date(new Date(event.startsAt).getTime() + (1 + 2 * slot) * 3600_000);
  const repo = t.dataSource.getRepository(Session);
  return repo.save(
    repo.create({
      eventId: event.id,
      title: `Atelier ${++counter}`,
      type: 'workshop',
      description: null,
      startsAt: start,
      endsAt: new Date(start.getTime() + 90 * 60_000),
      roomId: null,
      themes: ['insertion_emploi'],
      capacity: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      ...rest,
    }),
  );
}

/** The outbox rows of an event, oldest first. */
export async function outboxRows(t: TestApp, eventId: string): Promise<Array<{ registration_id: string; reason: string; recipient: string; status: string; payload: Record<string, any> }>> {
  return t.dataSource.query(
    `SELECT m.registration_id, m.reason, r.email AS recipient, m.status, m.payload
     FROM outgoing_mail m JOIN registration r ON r.id = m.registration_id WHERE m.event_id = $1 ORDER BY m.created_at, m.reason`,
    [eventId],
  );
}

/** Confirmed and waitlisted counts straight from the table. */
export async function countsByStatus(t: TestApp, eventId: string, mode?: string): Promise<Record<string, number>> {
  const rows: Array<{ status: string; n: number }> = await t.dataSource.query(
    `SELECT status, count(*)::int AS n FROM registration WHERE event_id = $1 AND ($2::text IS NULL OR attendance_mode = $2) GROUP BY status`,
    [eventId, mode ?? null],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
