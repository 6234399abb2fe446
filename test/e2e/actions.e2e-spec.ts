import { randomUUID } from 'node:crypto';
import { actionInput, createAction, createEvent, createSession, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('highlighted actions', () => {
  let t: TestApp;
  let event: Record<string, any>;
  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t);
  });
  afterAll(() => t.close());

  it('organisers add selected actions (201); anyone proposes one (201, proposed), echoed with their own email', async () => {
    const added = await t.http
      .post(`/api/events/${event.id}/actions`)
      .set(await t.auth())
      .send(actionInput({ title: 'Cuisine partagée' }))
      .expect(201);
    expect(added.body).toMatchObject({ title: 'Cuisine partagée', status: 'selected', contactEmail: 'julie.marty@example.org', departments: ['32', '65'] });
    const proposed = await t.http
      .post(`/api/events/${event.id}/actions/proposals`)
      .send(actionInput({ title: 'Jardin solidaire', contactEmail: 'Paul@Example.org' }))
      .expect(201);
    expect(proposed.body).toMatchObject({ title: 'Jardin solidaire', status: 'proposed', contactEmail: 'paul@example.org' });
    await t.http.post(`/api/events/${event.id}/actions`).send(actionInput()).expect(401);
  });

  it('shows the public selected actions only, never a contact email; organisers see all and filter by status', async () => {
    const ev = await createEvent(t, { title: 'Visibilité des actions' });
    const selected = await createAction(t, ev.id, { title: 'Sélectionnée' });
    const proposal = (
      await t.http
        .post(`/api/events/${ev.id}/actions/proposals`)
        .send(actionInput({ title: 'Proposée' }))
        .expect(201)
    ).body;
    const publicList = await t.http.get(`/api/events/${ev.id}/actions`).expect(200);
    expect(publicList.body.total).toBe(1);
    expect(publicList.body.items.map((a: any) => a.id)).toEqual([selected.id]);
    expect(publicList.body.items[0]).not.toHaveProperty('contactEmail');
    expect(JSON.stringify(publicList.body)).not.toContain('julie.marty@example.org');
    await t.http.get(`/api/events/${ev.id}/actions/${proposal.id}`).expect(404);
    const publicOne = await t.http.get(`/api/events/${ev.id}/actions/${selected.id}`).expect(200);
    expect(publicOne.body).not.toHaveProperty('contactEmail');
    await t.http.get(`/api/events/${ev.id}/actions?status=proposed`).expect(401);

    const all = await t.http
      .get(`/api/events/${ev.id}/actions`)
      .set(await t.auth())
      .expect(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.every((a: any) => a.contactEmail === 'julie.marty@example.org')).toBe(true);
    const onlyProposed = await t.http
      .get(`/api/events/${ev.id}/actions?status=proposed`)
      .set(await t.auth())
      .expect(200);
    expect(onlyProposed.body.items.map((a: any) => a.id)).toEqual([proposal.id]);
  });

  it('lets organisers select or reject proposals and edit them', async () => {
    const ev = await createEvent(t, { title: 'Sélection des actions' });
    const p = (
      await t.http
        .post(`/api/events/${ev.id}/actions/proposals`)
        .send(actionInput({ title: 'À sélectionner' }))
        .expect(201)
    ).body;
    const q = (
      await t.http
        .post(`/api/events/${ev.id}/actions/proposals`)
        .send(actionInput({ title: 'À rejeter' }))
        .expect(201)
    ).body;
    await t.http.patch(`/api/events/${ev.id}/actions/${p.id}`).send({ status: 'selected' }).expect(401);
    const sel = await t.http
      .patch(`/api/events/${ev.id}/actions/${p.id}`)
      .set(await t.auth())
      .send({ status: 'selected', summary: 'Un résumé revu par l’équipe.' })
      .expect(200);
    expect(sel.body).toMatchObject({ status: 'selected', summary: 'Un résumé revu par l’équipe.' });
    await t.http
      .patch(`/api/events/${ev.id}/actions/${q.id}`)
      .set(await t.auth())
      .send({ status: 'rejected' })
      .expect(200);
    await t.http
      .patch(`/api/events/${ev.id}/actions/${q.id}`)
      .set(await t.auth())
      .send({ status: 'proposed' })
      .expect(422);
    const list = await t.http.get(`/api/events/${ev.id}/actions`).expect(200);
    expect(list.body.items.map((a: any) => a.title)).toEqual(['À sélectionner']);
    await t.http
      .patch(`/api/events/${ev.id}/actions/${randomUUID()}`)
      .set(await t.auth())
      .send({ status: 'selected' })
      .expect(404);
  });

  it('filters by theme and département, paginated', async () => {
    const ev = await createEvent(t, { title: 'Filtres des actions' });
    await createAction(t, ev.id, { title: 'Action A', themes: ['sante'], departments: ['09'] });
    await createAction(t, ev.id, { title: 'Action B', themes: ['sante', 'ruralite'], departments: ['46'] });
    await createAction(t, ev.id, { title: 'Action C', themes: ['petite_enfance'], departments: ['09'] });
    const byTheme = await t.http.get(`/api/events/${ev.id}/actions?theme=sante`).expect(200);
    expect(byTheme.body.items.map((a: any) => a.title)).toEqual(['Action A', 'Action B']);
    const byDepartment = await t.http.get(`/api/events/${ev.id}/actions?department=09`).expect(200);
    expect(byDepartment.body.items.map((a: any) => a.title)).toEqual(['Action A', 'Action C']);
    const page = await t.http.get(`/api/events/${ev.id}/actions?limit=1&offset=1`).expect(200);
    expect(page.body).toMatchObject({ total: 3, items: [expect.objectContaining({ title: 'Action B' })] });
    await t.http.get(`/api/events/${ev.id}/actions?theme=astrologie`).expect(422);
    await t.http.get(`/api/events/${ev.id}/actions?department=99`).expect(422);
  });

  it('answers 409 for the same title and organisation twice (case-insensitive), proposals included', async () => {
    const ev = await createEvent(t, { title: 'Doublons' });
    await createAction(t, ev.id, { title: 'Le Bus des Droits', organisation: 'MSA Midi-Pyrénées Sud' });
    const dup = await t.http
      .post(`/api/events/${ev.id}/actions/proposals`)
      .send(actionInput({ title: 'le bus des droits', organisation: 'msa midi-pyrénées sud' }))
      .expect(409);
    expect(dup.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(dup.body.errors[0].field).toBe('title');
    await t.http
      .post(`/api/events/${ev.id}/actions`)
      .set(await t.auth())
      .send(actionInput({ title: 'LE BUS DES DROITS', organisation: 'MSA Midi-Pyrénées Sud' }))
      .expect(409);
    // Another organisation may run an action with the same name.
    await t.http
      .post(`/api/events/${ev.id}/actions/proposals`)
      .send(actionInput({ title: 'Le bus des droits', organisation: 'CAF du Lot' }))
      .expect(201);
    const other = await createAction(t, ev.id, { title: 'Autre titre', organisation: 'MSA Midi-Pyrénées Sud' });
    await t.http
      .patch(`/api/events/${ev.id}/actions/${other.id}`)
      .set(await t.auth())
      .send({ title: 'Le bus des droits' })
      .expect(409);
  });

  it('validates every field of a proposal (422)', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ summary: 'court' }, 'summary'],
      [{ summary: 'x'.repeat(2001) }, 'summary'],
      [{ organisation: undefined }, 'organisation'],
      [{ organisationType: 'secte' }, 'organisationType'],
      [{ departments: ['99'] }, 'departments'],
      [{ departments: '34' }, 'departments'],
      [{ themes: ['astrologie'] }, 'themes'],
      [{ contactEmail: 'pas-un-email' }, 'contactEmail'],
      [{ url: 'ftp://example.org/x' }, 'url'],
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ status: 'selected' }, 'status'],
    ];
    for (const [overrides, field] of cases) {
      const res = await t.http.post(`/api/events/${event.id}/actions/proposals`).send(actionInput(overrides));
      expect([res.status, res.body.errors?.map((e: any) => e.field)]).toEqual([422, expect.arrayContaining([field])]);
    }
  });

  it('accepts proposals only for published events that are not over (404 for drafts)', async () => {
    const draft = await createEvent(t, { title: 'Brouillon actions' }, { publish: false });
    await t.http.post(`/api/events/${draft.id}/actions/proposals`).send(actionInput()).expect(404);
    await t.http.get(`/api/events/${draft.id}/actions`).expect(404);
    await t.http
      .get(`/api/events/${draft.id}/actions`)
      .set(await t.auth())
      .expect(200);
    await t.http.post(`/api/events/${randomUUID()}/actions/proposals`).send(actionInput()).expect(404);
    const cancelled = await createEvent(t, { title: 'Annulé actions' });
    await t.http
      .post(`/api/events/${cancelled.id}/cancel`)
      .set(await t.auth())
      .send({ reason: 'Intempéries' })
      .expect(200);
    const closed = await t.http.post(`/api/events/${cancelled.id}/actions/proposals`).send(actionInput()).expect(422);
    expect(closed.body.type).toMatch(/proposals-closed$/);
  });

  it('deletes an action (204), which leaves the sessions that showed it', async () => {
    const ev = await createEvent(t, { title: 'Suppression action' });
    const action = await createAction(t, ev.id);
    const session = await createSession(t, ev.id, { actionIds: [action.id], ...slot(ev, 1, 2) });
    await t.http.delete(`/api/events/${ev.id}/actions/${action.id}`).expect(401);
    await t.http
      .delete(`/api/events/${ev.id}/actions/${action.id}`)
      .set(await t.auth())
      .expect(204);
    await t.http
      .delete(`/api/events/${ev.id}/actions/${action.id}`)
      .set(await t.auth())
      .expect(404);
    const after = await t.http.get(`/api/events/${ev.id}/sessions/${session.id}`).expect(200);
    expect(after.body.actionIds).toEqual([]);
  });
});

describe('call for contributions rate limit', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('answers 429 with Retry-After beyond PUBLIC_RATE_LIMIT_PER_MINUTE proposals from one address', async () => {
    t = await startTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' } });
    // Windows are whole minutes: start well inside one.
    t.clock.set(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000 + 5_000));
    const event = await createEvent(t);
    for (let i = 0; i < 3; i++) await t.http.post(`/api/events/${event.id}/actions/proposals`).send(actionInput()).expect(201);
    const limited = await t.http.post(`/api/events/${event.id}/actions/proposals`).send(actionInput()).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Organisers' own writes and public reads are not throttled.
    await createAction(t, event.id);
    await t.http.get(`/api/events/${event.id}/actions`).expect(200);
    t.clock.advance(61_000);
    await t.http.post(`/api/events/${event.id}/actions/proposals`).send(actionInput()).expect(201);
  });
});
