import { formToken, signIn, Signed } from '../support/backoffice';
import { startTestApp, TestApp } from '../support/test-app';

/** The back office's event and programme forms, through HTTP as a browser without JavaScript sends them. */
describe('back office: events and programme builder', () => {
  let t: TestApp;
  let s: Signed;
  const post = (path: string, form: Record<string, string | string[]>) =>
    t.http
      .post(path)
      .set('Cookie', s.cookie)
      .type('form')
      .send({ _csrf: s.csrf, ...form });
  const get = (path: string) => t.http.get(path).set('Cookie', s.cookie);
  const eventForm = {
    title: 'Journée d’étude sur le non-recours',
    kind: 'study_day',
    format: 'onsite',
    startsAt: '2027-03-11T09:00',
    endsAt: '2027-03-11T17:00',
    venueName: 'Hôtel de région',
    venueAddress: '201 avenue de la Pompignane',
    venuePostalCode: '34000',
    venueCity: 'Montpellier',
    capacity: '120',
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2027-01-10T10:00:00Z'));
    s = await signIn(t);
  });
  afterAll(() => t.close());

  it('shows the API’s refusals beside their fields and in the summary, keeping what was typed', async () => {
    const typo = await post('/gestion/evenements', { ...eventForm, venuePostalCode: 'trente' }).expect(422);
    expect(typo.text).toMatch(/id="venuePostalCode-error">Saisissez un code postal/);
    // The DTO's refusals first, then EventsService's cross-field rules, as through the API.
    const res = await post('/gestion/evenements', { ...eventForm, endsAt: '2027-03-11T08:00', capacity: '' }).expect(422);
    expect(res.text).toContain('Erreur — Créer un événement');
    expect(res.text).toMatch(/id="endsAt-error">La fin doit être après le début\./);
    expect(res.text).toMatch(/id="capacity-error">Indiquez le nombre de places sur place/);
    expect(res.text).toContain('href="#endsAt"');
    expect(res.text).toContain('value="Journée d’étude sur le non-recours"');
  });

  it('creates a draft, builds its programme, shows a room clash inline naming the other session, and publishes', async () => {
    const created = await post('/gestion/evenements', eventForm).expect(303);
    const id = /\/gestion\/evenements\/([0-9a-f-]{36})/.exec(created.headers.location)![1];
    const overview = await get(`/gestion/evenements/${id}`).expect(200);
    expect(overview.text).toContain('Brouillon');

    await post(`/gestion/evenements/${id}/programme/salles`, { name: 'Salle Pasteur', capacity: '80' }).expect(303);
    const dup = await post(`/gestion/evenements/${id}/programme/salles`, { name: 'salle pasteur', capacity: '' });
    expect(dup.status).toBe(409);
    await post(`/gestion/evenements/${id}/programme/intervenants`, { fullName: 'Claire Fabre', jobTitle: 'Commissaire', organisation: 'Préfecture' }).expect(303);
    let page = await get(`/gestion/evenements/${id}/programme`).expect(200);
    const room = /name="roomId"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(page.text)![1];

    await post(`/gestion/evenements/${id}/programme/sessions`, { title: 'Ouverture', type: 'plenary', day: '2027-03-11', start: '09:00', end: '10:00', roomId: room }).expect(303);
    const clash = await post(`/gestion/evenements/${id}/programme/sessions`, {
      title: 'Atelier accès aux droits',
      type: 'workshop',
      day: '2027-03-11',
      start: '09:30',
      end: '11:00',
      roomId: room,
    }).expect(409);
    expect(clash.text).toMatch(/id="session-roomId-error">Salle déjà occupée par « Ouverture » \(jeudi 11 mars 2027, 9 h 00 – 10 h 00\)\./);
    expect(clash.text).toContain('value="Atelier accès aux droits"');
    const outside = await post(`/gestion/evenements/${id}/programme/sessions`, { title: 'Trop tard', type: 'talk', day: '2027-03-11', start: '18:00', end: '19:00' }).expect(422);
    expect(outside.text).toMatch(/id="session-start-error">La session doit se tenir pendant l’événement/);
    await post(`/gestion/evenements/${id}/programme/sessions`, {
      title: 'Atelier accès aux droits',
      type: 'workshop',
      day: '2027-03-11',
      start: '10:00',
      end: '11:30',
      roomId: room,
    }).expect(303);

    page = await get(`/gestion/evenements/${id}/programme`).expect(200);
    expect(page.text).toMatch(/<th scope="row">9 h 00 – 10 h 00<\/th>\s*<td rowspan="1"><span class="bo-session"><strong>Ouverture<\/strong>/);
    expect(page.text).toContain('Claire Fabre n’intervient dans aucune session.');

    const confirm = await get(`/gestion/evenements/${id}/publication`).expect(200);
    expect(confirm.text).toContain('Confirmer la publication');
    await post(`/gestion/evenements/${id}/publication`, {}).expect(303);
    const pub = await t.http.get(`/api/events/${id}/programme`).expect(200);
    expect(pub.body.days[0].slots.map((slot: any) => slot.sessions[0].title)).toEqual(['Ouverture', 'Atelier accès aux droits']);
  });

  it('moves a session through its edit form (clash refused, then accepted) and deletes it', async () => {
    const created = await post('/gestion/evenements', { ...eventForm, title: 'Journée à remanier' }).expect(303);
    const id = /\/gestion\/evenements\/([0-9a-f-]{36})/.exec(created.headers.location)![1];
    await post(`/gestion/evenements/${id}/programme/salles`, { name: 'Salle Joffre', capacity: '' }).expect(303);
    const room = /name="roomId"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec((await get(`/gestion/evenements/${id}/programme`)).text)![1];
    await post(`/gestion/evenements/${id}/programme/sessions`, { title: 'Plénière', type: 'plenary', day: '2027-03-11', start: '09:00', end: '10:00', roomId: room }).expect(303);
    await post(`/gestion/evenements/${id}/programme/sessions`, { title: 'Atelier', type: 'workshop', day: '2027-03-11', start: '10:00', end: '11:00', roomId: room }).expect(303);
    const sessions = (
      await t.http
        .get(`/api/events/${id}/sessions`)
        .set(await t.auth())
        .expect(200)
    ).body.items;
    const atelier = sessions.find((x: any) => x.title === 'Atelier');
    const edit = await get(`/gestion/evenements/${id}/programme?session=${atelier.id}`).expect(200);
    expect(edit.text).toContain('Modifier « Atelier »');
    expect(edit.text).toMatch(/id="session-start"[^>]*value="10:00"/);
    const clash = await post(`/gestion/evenements/${id}/programme/sessions/${atelier.id}`, {
      title: 'Atelier',
      type: 'workshop',
      day: '2027-03-11',
      start: '09:30',
      end: '10:30',
      roomId: room,
    }).expect(409);
    expect(clash.text).toContain('Salle déjà occupée par « Plénière »');
    expect(clash.text).toContain('Modifier « Atelier »');
    await post(`/gestion/evenements/${id}/programme/sessions/${atelier.id}`, {
      title: 'Atelier',
      type: 'workshop',
      day: '2027-03-11',
      start: '14:00',
      end: '15:30',
      roomId: room,
    }).expect(303);
    expect(
      (
        await t.http
          .get(`/api/events/${id}/sessions/${atelier.id}`)
          .set(await t.auth())
          .expect(200)
      ).body.startsAt,
    ).toBe('2027-03-11T14:00:00+01:00');
    await post(`/gestion/evenements/${id}/programme/sessions/${atelier.id}/suppression`, {}).expect(303);
    await t.http
      .get(`/api/events/${id}/sessions/${atelier.id}`)
      .set(await t.auth())
      .expect(404);
  });

  it('says how many people a cancellation will email, and asks for the reason first', async () => {
    const created = await post('/gestion/evenements', { ...eventForm, title: 'Webinaire à annuler' }).expect(303);
    const id = /\/gestion\/evenements\/([0-9a-f-]{36})/.exec(created.headers.location)![1];
    await post(`/gestion/evenements/${id}/publication`, {}).expect(303);
    for (const email of ['a@exemple.fr', 'b@exemple.fr']) {
      await t.http.post(`/api/events/${id}/registrations`).send({ firstName: 'A', lastName: 'B', email, organisationType: 'association', consent: true }).expect(201);
    }
    const confirm = await get(`/gestion/evenements/${id}/annulation`).expect(200);
    expect(confirm.text).toContain('2 personnes inscrites (confirmées ou en liste d’attente) recevront un courriel d’annulation.');
    const refused = await post(`/gestion/evenements/${id}/annulation`, { reason: '' }).expect(422);
    expect(refused.text).toMatch(/id="reason-error">Expliquez la raison/);
    await post(`/gestion/evenements/${id}/annulation`, { reason: 'Alerte météo.' }).expect(303);
    expect((await t.http.get(`/api/events/${id}`).expect(200)).body.status).toBe('cancelled');
  });

  it('refuses the forms without the session’s token', async () => {
    await t.http.post('/gestion/evenements').set('Cookie', s.cookie).type('form').send(eventForm).expect(403);
    const other = await signIn(t);
    await t.http
      .post('/gestion/evenements')
      .set('Cookie', s.cookie)
      .type('form')
      .send({ ...eventForm, _csrf: other.csrf })
      .expect(403);
    expect(formToken((await get('/gestion').expect(200)).text)).toBe(s.csrf);
  });
});
