import { createEvent, createRoom, createSpeaker, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/** Two organisers place two sessions in the same room (or with the same speaker) at the same moment. */
describe('sessions under concurrent edits', () => {
  let t: TestApp;
  let t2: TestApp;
  let event: Record<string, any>;
  beforeAll(async () => {
    t = await startTestApp();
    t2 = await startTestApp({ databaseUrl: t.databaseUrl });
    event = await createEvent(t);
  });
  afterAll(async () => {
    await t2.close();
    await t.close();
  });

  async function race(apps: [TestApp, TestApp], bodies: [Record<string, unknown>, Record<string, unknown>]): Promise<number[]> {
    const [a, b] = await Promise.all(
      apps.map(async (app, i) =>
        app.http
          .post(`/api/events/${event.id}/sessions`)
          .set(await app.auth())
          .send({ title: `Atelier concurrent ${i}`, type: 'workshop', ...bodies[i] }),
      ),
    );
    return [a.status, b.status].sort();
  }

  async function sessionsIn(roomId: string): Promise<number> {
    const res = await t.http.get(`/api/events/${event.id}/sessions?roomId=${roomId}&limit=500`).expect(200);
    return res.body.total;
  }

  it('lets exactly one of two overlapping sessions in one room win, every time (one instance)', async () => {
    const room = await createRoom(t, event.id);
    for (let round = 0; round < 20; round++) {
      const statuses = await race(
        [t, t],
        [
          { roomId: room.id, ...slot(event, round, round + 1) },
          { roomId: room.id, ...slot(event, round + 0.5, round + 1) },
        ],
      );
      expect(statuses).toEqual([201, 409]);
    }
    expect(await sessionsIn(room.id)).toBe(20);
  });

  it('lets exactly one win across two app instances on the same database', async () => {
    const room = await createRoom(t, event.id);
    for (let round = 0; round < 20; round++) {
      const statuses = await race(
        [t, t2],
        [
          { roomId: room.id, ...slot(event, round, round + 1) },
          { roomId: room.id, ...slot(event, round, round + 0.75) },
        ],
      );
      expect(statuses).toEqual([201, 409]);
    }
    expect(await sessionsIn(room.id)).toBe(20);
  });

  it('never puts one speaker in two rooms at once, though no database constraint covers speakers', async () => {
    for (let round = 0; round < 10; round++) {
      const speaker = await createSpeaker(t, event.id);
      const statuses = await race(
        [t, t2],
        [
          { speakerIds: [speaker.id], ...slot(event, round, round + 1) },
          { speakerIds: [speaker.id], ...slot(event, round + 0.25, round + 1.25) },
        ],
      );
      expect(statuses).toEqual([201, 409]);
    }
  });
});
