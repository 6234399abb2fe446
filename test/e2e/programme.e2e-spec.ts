import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from '../support/eventually';
import { at, createAction, createEvent, createRoom, createSession, createSpeaker, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('public programme', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A registration with confirmed choices of the given workshops, written straight to the tables registrations own. */
  async function confirmChoices(eventId: string, sessionIds: string[]): Promise<void> {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO registration (id, event_id, first_name, last_name, email, organisation_type, attendance_mode, consent_at, status, manage_token_hash, check_in_code, confirmed_at)
       VALUES ($1, $2, 'Léa', 'Garcia', $3, 'association', 'onsite', now(), 'confirmed', $4, $5, now())`,
      [id, eventId, `${id}@example.org`, `hash-${id}`, `code-${id}`],
    );
    for (const sessionId of sessionIds) {
      await t.dataSource.query(`INSERT INTO session_choice (registration_id, session_id, status) VALUES ($1, $2, 'confirmed')`, [id, sessionId]);
    }
  }

  describe('shape', () => {
    let event: Record<string, any>;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      event = await createEvent(t, { title: 'Conférence régionale 2027' });
      const auditorium = await createRoom(t, event.id, { name: 'Auditorium', capacity: 300 });
      const joffre = await createRoom(t, event.id, { name: 'Salle Joffre', capacity: 40 });
      const barthez = await createRoom(t, event.id, { name: 'Salle Barthez', capacity: null });
      const claire = await createSpeaker(t, event.id, { fullName: 'Claire Fabre', jobTitle: 'Commissaire', organisation: 'Préfecture de région', bio: 'Bio.' });
      const marc = await createSpeaker(t, event.id, { fullName: 'Marc Roux', jobTitle: null, organisation: 'CAF de l’Aude' });
      const selected = await createAction(t, event.id, { title: 'Épicerie solidaire mobile', organisation: 'Secours populaire', departments: ['12'] });
      const proposed = (
        await t.http
          .post(`/api/events/${event.id}/actions/proposals`)
          .send({ title: 'Action proposée', summary: 'Une action seulement proposée.', organisation: 'Asso', organisationType: 'association', departments: ['34'], themes: [] })
          .expect(201)
      ).body;
      ids.plenary = (
        await createSession(t, event.id, { title: 'Plénière d’ouverture', type: 'plenary', roomId: auditorium.id, speakerIds: [claire.id, marc.id], ...slot(event, 0, 1.5) })
      ).id;
      ids.joffre = (
        await createSession(t, event.id, {
          title: 'Atelier aide alimentaire',
          roomId: joffre.id,
          themes: ['aide_alimentaire'],
          actionIds: [selected.id, proposed.id],
          ...slot(event, 2, 3.5),
        })
      ).id;
      ids.barthez = (await createSession(t, event.id, { title: 'Atelier santé', roomId: barthez.id, capacity: 25, ...slot(event, 2, 3) })).id;
      ids.open = (await createSession(t, event.id, { title: 'Atelier sans limite', roomId: barthez.id, ...slot(event, 4, 5) })).id;
      ids.lunch = (await createSession(t, event.id, { title: 'Déjeuner', type: 'break', ...slot(event, 3.5, 4.5) })).id;
      ids.day2 = (await createSession(t, event.id, { title: 'Plénière de clôture', type: 'plenary', roomId: auditorium.id, ...slot(event, 26, 27) })).id;
      ids.selectedAction = selected.id;
      ids.claire = claire.id;
    });

    it('groups sessions by local day and by starting time, parallel sessions by room name', async () => {
      const res = await t.http.get(`/api/events/${event.id}/programme`).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
      const body = res.body;
      expect(body.event).toMatchObject({
        id: event.id,
        slug: event.slug,
        title: 'Conférence régionale 2027',
        timezone: 'Europe/Paris',
        startsAt: event.startsAt,
        endsAt: event.endsAt,
      });
      const day1 = event.startsAt.slice(0, 10);
      expect(body.days.map((d: any) => d.date)).toEqual([day1, expect.any(String)]);
      expect(body.days[1].date > day1).toBe(true);
      const [d1, d2] = body.days;
      expect(d1.slots.map((s: any) => s.sessions.map((x: any) => x.title))).toEqual([
        ['Plénière d’ouverture'],
        ['Atelier santé', 'Atelier aide alimentaire'],
        ['Déjeuner'],
        ['Atelier sans limite'],
      ]);
      expect(d1.slots[1]).toMatchObject({ startsAt: expect.stringMatching(/T11:00:00\+01:00$/), endsAt: expect.stringMatching(/T12:30:00\+01:00$/) });
      expect(d2.slots).toHaveLength(1);
      expect(d2.slots[0].sessions[0].id).toBe(ids.day2);
    });

    it('shows each session with room, public speaker fields, themes, capacity and selected actions only', async () => {
      const body = (await t.http.get(`/api/events/${event.id}/programme`).expect(200)).body;
      const sessions = body.days.flatMap((d: any) => d.slots.flatMap((s: any) => s.sessions));
      const plenary = sessions.find((s: any) => s.id === ids.plenary);
      expect(plenary).toEqual({
        id: ids.plenary,
        title: 'Plénière d’ouverture',
        type: 'plenary',
        startsAt: expect.stringMatching(/T09:00:00\+01:00$/),
        endsAt: expect.stringMatching(/T10:30:00\+01:00$/),
        description: null,
        room: { id: expect.any(String), name: 'Auditorium' },
        speakers: [
          { id: ids.claire, fullName: 'Claire Fabre', jobTitle: 'Commissaire', organisation: 'Préfecture de région' },
          { id: expect.any(String), fullName: 'Marc Roux', jobTitle: null, organisation: 'CAF de l’Aude' },
        ],
        themes: [],
        capacity: null,
        seatsLeft: null,
        actions: [],
      });
      const workshop = sessions.find((s: any) => s.id === ids.joffre);
      expect(workshop.themes).toEqual(['aide_alimentaire']);
      expect(workshop.actions).toEqual([{ id: ids.selectedAction, title: 'Épicerie solidaire mobile', organisation: 'Secours populaire', departments: ['12'] }]);
      expect(sessions.find((s: any) => s.id === ids.lunch).room).toBeNull();
      expect(JSON.stringify(body)).not.toContain('@');
    });

    it('gives seats left only once registrations exist: capacity, else the room’s, minus confirmed choices', async () => {
      const seats = async () => {
        const body = (await t.http.get(`/api/events/${event.id}/programme`).expect(200)).body;
        const all = body.days.flatMap((d: any) => d.slots.flatMap((s: any) => s.sessions));
        return Object.fromEntries(
          Object.entries(ids)
            .filter(([k]) => all.some((s: any) => s.id === ids[k]))
            .map(([k, id]) => [k, all.find((s: any) => s.id === id).seatsLeft]),
        );
      };
      expect(await seats()).toEqual({ plenary: null, joffre: null, barthez: null, open: null, lunch: null, day2: null });
      await confirmChoices(event.id, [ids.joffre, ids.barthez]);
      await confirmChoices(event.id, [ids.joffre]);
      // Written in SQL, behind the application: the programme hears of it by notification.
      const expected = { plenary: null, joffre: 38, barthez: 24, open: null, lunch: null, day2: null };
      expect(await eventually(seats, (value) => JSON.stringify(value) === JSON.stringify(expected))).toEqual(expected);
    });

    it('accepts the slug, hides drafts from the public and answers 404 for unknown events', async () => {
      const bySlug = await t.http.get(`/api/events/${event.slug}/programme`).expect(200);
      expect(bySlug.body.event.id).toBe(event.id);
      const draft = await createEvent(t, { title: 'Brouillon de programme' }, { publish: false });
      await createSession(t, draft.id, slot(draft, 1, 2));
      await t.http.get(`/api/events/${draft.id}/programme`).expect(404);
      await t.http.get(`/api/events/${draft.slug}/programme`).expect(404);
      const organiser = await t.http
        .get(`/api/events/${draft.id}/programme`)
        .set(await t.auth())
        .expect(200);
      expect(organiser.body.days[0].slots[0].sessions).toHaveLength(1);
      expect(organiser.headers['cache-control']).toContain('private');
      await t.http.get(`/api/events/${randomUUID()}/programme`).expect(404);
      await t.http.get(`/api/events/no-such-event/programme`).expect(404);
    });
  });

  describe('caching', () => {
    it('sends a strong ETag, answers 304 to a matching If-None-Match, and a new ETag once the programme changes', async () => {
      const event = await createEvent(t, { title: 'Journée ETag' });
      const session = await createSession(t, event.id, slot(event, 1, 2));
      const first = await t.http.get(`/api/events/${event.id}/programme`).expect(200);
      const etag = first.headers.etag;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      const again = await t.http.get(`/api/events/${event.id}/programme`).expect(200);
      expect(again.headers.etag).toBe(etag);
      const notModified = await t.http.get(`/api/events/${event.id}/programme`).set('If-None-Match', etag).expect(304);
      expect(notModified.text).toBe('');
      expect(notModified.headers.etag).toBe(etag);
      await t.http.get(`/api/events/${event.id}/programme`).set('If-None-Match', `"other", W/${etag}`).expect(304);
      await t.http.get(`/api/events/${event.id}/programme`).set('If-None-Match', '"stale"').expect(200);
      await t.http
        .patch(`/api/events/${event.id}/sessions/${session.id}`)
        .set(await t.auth())
        .send({ endsAt: at(event, 2.5) })
        .expect(200);
      const changed = await t.http.get(`/api/events/${event.id}/programme`).set('If-None-Match', etag).expect(200);
      expect(changed.headers.etag).not.toBe(etag);
    });
  });

  describe('query plan', () => {
    /** Counts every SQL statement sent through node-postgres while `work` runs (spied, not mocked). */
    async function countQueries(work: () => Promise<unknown>): Promise<number> {
      const spy = jest.spyOn(Client.prototype, 'query');
      try {
        await work();
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    }

    async function buildProgramme(title: string, sessionCount: number): Promise<Record<string, any>> {
      const event = await createEvent(t, { title });
      const rooms = [];
      for (let r = 0; r < 8; r++) rooms.push(await createRoom(t, event.id, { name: `Salle ${r + 1}` }));
      const speakers = [];
      for (let s = 0; s < 16; s++) speakers.push(await createSpeaker(t, event.id));
      const actions = [];
      for (let a = 0; a < 4; a++) actions.push(await createAction(t, event.id));
      for (let i = 0; i < sessionCount; i++) {
        const r = i % 8;
        const hour = Math.floor(i / 8);
        await createSession(t, event.id, {
          roomId: rooms[r].id,
          speakerIds: [speakers[2 * r].id, speakers[2 * r + 1].id],
          actionIds: [actions[i % 4].id],
          themes: ['participation'],
          ...slot(event, hour, hour + 1),
        });
      }
      return event;
    }

    it('reads an 80-session programme with as many queries as a 5-session one (no N+1)', async () => {
      const big = await buildProgramme('Programme de quatre-vingts sessions', 80);
      const small = await buildProgramme('Programme de cinq sessions', 5);
      await confirmChoices(big.id, []);
      let bigBody: any;
      // First reads: nothing remembered yet, the whole programme is read.
      const bigCold = await countQueries(async () => {
        bigBody = (await t.http.get(`/api/events/${big.id}/programme`).expect(200)).body;
      });
      const smallCold = await countQueries(() => t.http.get(`/api/events/${small.id}/programme`).expect(200));
      const sessions = bigBody.days.flatMap((d: any) => d.slots.flatMap((s: any) => s.sessions));
      expect(sessions).toHaveLength(80);
      expect(sessions.every((s: any) => s.speakers.length === 2 && s.actions.length === 1 && s.room && s.seatsLeft === 50)).toBe(true);
      expect(bigCold).toBe(smallCold);
      expect(bigCold).toBeLessThanOrEqual(3);
      expect(bigCold).toBeGreaterThan(0);
      // Later reads of an unchanged programme: the event, then its revision and seats.
      const warm = async (id: string) => {
        const counts = [];
        for (let i = 0; i < 3; i++) counts.push(await countQueries(() => t.http.get(`/api/events/${id}/programme`).expect(200)));
        return Math.min(...counts);
      };
      expect(await warm(big.id)).toBe(await warm(small.id));
      expect(await warm(big.id)).toBeLessThanOrEqual(2);
    });

    // The other instance answers from memory and drops its copy when PostgreSQL's notification of
    // the commit reaches it (about a millisecond later): `read` waits for it, 2 s at most.
    it('shows on another instance, as soon as it is notified, every change made through this one', async () => {
      const t2 = await startTestApp({ databaseUrl: t.databaseUrl });
      try {
        const event = await createEvent(t, { title: 'Deux instances' });
        const room = await createRoom(t, event.id, { name: 'Salle Antigone', capacity: 10 });
        const session = await createSession(t, event.id, { title: 'Atelier initial', roomId: room.id, ...slot(event, 1, 2) });
        const readNow = async () => {
          const res = await t2.http.get(`/api/events/${event.id}/programme`).expect(200);
          return { etag: res.headers.etag, event: res.body.event, session: res.body.days[0].slots[0].sessions[0] };
        };
        let last = '';
        /** The next state: the first read whose ETag differs from the last one seen. */
        const read = async () => {
          const next = await eventually(readNow, (r) => r.etag !== last);
          last = next.etag;
          return next;
        };
        const seen = [await read()];
        await t.http
          .patch(`/api/events/${event.id}/sessions/${session.id}`)
          .set(await t.auth())
          .send({ title: 'Atelier renommé' })
          .expect(200);
        seen.push(await read());
        expect(seen[1].session.title).toBe('Atelier renommé');
        await t.http
          .patch(`/api/events/${event.id}/rooms/${room.id}`)
          .set(await t.auth())
          .send({ name: 'Salle Antigone 2' })
          .expect(200);
        seen.push(await read());
        expect(seen[2].session.room.name).toBe('Salle Antigone 2');
        const speaker = await createSpeaker(t, event.id, { fullName: 'Rose Lacombe' });
        await t.http
          .patch(`/api/events/${event.id}/sessions/${session.id}`)
          .set(await t.auth())
          .send({ speakerIds: [speaker.id] })
          .expect(200);
        await t.http
          .patch(`/api/events/${event.id}/speakers/${speaker.id}`)
          .set(await t.auth())
          .send({ fullName: 'Rose Lacombe-Vidal' })
          .expect(200);
        seen.push(await read());
        expect(seen[3].session.speakers.map((s: any) => s.fullName)).toEqual(['Rose Lacombe-Vidal']);
        const proposal = (
          await t.http
            .post(`/api/events/${event.id}/actions/proposals`)
            .send({
              title: 'Action à retenir',
              summary: 'Une action proposée puis retenue.',
              organisation: 'Asso',
              organisationType: 'association',
              departments: ['34'],
              themes: [],
            })
            .expect(201)
        ).body;
        await t.http
          .patch(`/api/events/${event.id}/sessions/${session.id}`)
          .set(await t.auth())
          .send({ actionIds: [proposal.id] })
          .expect(200);
        // A proposal, not selected: not shown, so the programme the public sees is unchanged.
        expect((await readNow()).session.actions).toEqual([]);
        await t.http
          .patch(`/api/events/${event.id}/actions/${proposal.id}`)
          .set(await t.auth())
          .send({ status: 'selected' })
          .expect(200);
        seen.push(await read());
        expect(seen[4].session.actions.map((a: any) => a.title)).toEqual(['Action à retenir']);
        await confirmChoices(event.id, [session.id]);
        seen.push(await read());
        expect(seen[5].session.seatsLeft).toBe(9);
        await t.http
          .patch(`/api/events/${event.id}`)
          .set(await t.auth())
          .send({ title: 'Deux instances, titre revu' })
          .expect(200);
        seen.push(await read());
        expect(seen[6].event.title).toBe('Deux instances, titre revu');
        expect(new Set(seen.map((s) => s.etag)).size).toBe(seen.length);
        await t.http
          .delete(`/api/events/${event.id}/sessions/${session.id}`)
          .set(await t.auth())
          .expect(204);
        const days = async () => (await t2.http.get(`/api/events/${event.id}/programme`).expect(200)).body.days;
        expect(await eventually(days, (d) => d.length === 0)).toEqual([]);
      } finally {
        await t2.close();
      }
    });
  });

  describe('conflicts (organiser)', () => {
    it('lists sessions without room, idle speakers and workshops larger than their room', async () => {
      const event = await createEvent(t, { title: 'Journée à vérifier' });
      const small = await createRoom(t, event.id, { name: 'Petite salle', capacity: 20 });
      const busy = await createSpeaker(t, event.id, { fullName: 'Anne Busy' });
      const idle = await createSpeaker(t, event.id, { fullName: 'Zoé Idle' });
      const roomless = await createSession(t, event.id, { title: 'Atelier sans salle', speakerIds: [busy.id], ...slot(event, 1, 2) });
      await createSession(t, event.id, { title: 'Pause', type: 'break', ...slot(event, 2, 2.5) });
      const crowded = await createSession(t, event.id, { title: 'Atelier trop grand', roomId: small.id, capacity: 35, ...slot(event, 3, 4) });
      await createSession(t, event.id, { title: 'Atelier à sa taille', roomId: small.id, capacity: 20, ...slot(event, 4, 5) });
      await t.http.get(`/api/events/${event.id}/conflicts`).expect(401);
      const res = await t.http
        .get(`/api/events/${event.id}/conflicts`)
        .set(await t.auth())
        .expect(200);
      expect(res.body).toEqual({
        eventId: event.id,
        problemCount: 3,
        sessionsWithoutRoom: [{ sessionId: roomless.id, title: 'Atelier sans salle', type: 'workshop', startsAt: roomless.startsAt, endsAt: roomless.endsAt }],
        speakersWithoutSession: [{ speakerId: idle.id, fullName: 'Zoé Idle' }],
        workshopsOverRoomCapacity: [
          {
            sessionId: crowded.id,
            title: 'Atelier trop grand',
            type: 'workshop',
            startsAt: crowded.startsAt,
            endsAt: crowded.endsAt,
            capacity: 35,
            room: { id: small.id, name: 'Petite salle', capacity: 20 },
          },
        ],
        sessionsOutsideEvent: [],
      });
      await t.http
        .get(`/api/events/${randomUUID()}/conflicts`)
        .set(await t.auth())
        .expect(404);
    });

    it('is documented in OpenAPI', async () => {
      const doc = (await t.http.get('/docs-json').expect(200)).body;
      for (const path of [
        '/api/events/{id}/conflicts',
        '/api/events/{id}/programme',
        '/api/events/{id}/programme.ics',
        '/api/events/{id}/sessions',
        '/api/events/{id}/rooms',
        '/api/events/{id}/speakers',
        '/api/events/{id}/actions',
        '/api/events/{id}/actions/proposals',
      ]) {
        expect(doc.paths[path]).toBeDefined();
      }
      expect(doc.components.schemas.ProgrammeChecksDto.properties).toHaveProperty('workshopsOverRoomCapacity');
    });
  });
});
