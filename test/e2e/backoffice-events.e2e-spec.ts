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

  it('edits a room and a speaker in place: the form comes filled, a refusal stays beside its field, the programme shows the change', async () => {
    const created = await post('/gestion/evenements', { ...eventForm, title: 'Journée des salles' }).expect(303);
    const id = /\/gestion\/evenements\/([0-9a-f-]{36})/.exec(created.headers.location)![1];
    await post(`/gestion/evenements/${id}/programme/salles`, { name: 'Salle Pasteur', capacity: '80' }).expect(303);
    await post(`/gestion/evenements/${id}/programme/salles`, { name: 'Salle Joffre', capacity: '' }).expect(303);
    await post(`/gestion/evenements/${id}/programme/intervenants`, { fullName: 'Claire Fabre', jobTitle: 'Commissaire' }).expect(303);
    const page = await get(`/gestion/evenements/${id}/programme`).expect(200);
    const roomId = /href="\?salle=([0-9a-f-]{36})#salles">Modifier<span class="fr-sr-only"> la salle Salle Pasteur/.exec(page.text)![1];
    const speakerId = /href="\?intervenant=([0-9a-f-]{36})#intervenants">Modifier<span class="fr-sr-only"> Claire Fabre/.exec(page.text)![1];

    const editing = await get(`/gestion/evenements/${id}/programme?salle=${roomId}`).expect(200);
    expect(editing.text).toContain('Modifier la salle « Salle Pasteur »');
    expect(editing.text).toContain(`action="/gestion/evenements/${id}/programme/salles/${roomId}"`);
    expect(editing.text).toMatch(/id="room-capacity"[^>]*value="80"|value="80"[^>]*id="room-capacity"/);
    // Another room's name is refused beside the field, with what was typed kept.
    const clash = await post(`/gestion/evenements/${id}/programme/salles/${roomId}`, { name: 'salle joffre', capacity: '80' });
    expect(clash.status).toBe(409);
    expect(clash.text).toMatch(/id="room-name-error">Une salle porte déjà ce nom pour cet événement\./);
    expect(clash.text).toContain('value="salle joffre"');
    expect(clash.text).toContain('Modifier la salle « Salle Pasteur »');
    await post(`/gestion/evenements/${id}/programme/salles/${roomId}`, { name: 'Amphithéâtre Pasteur', capacity: '' }).expect(303);

    const speakerForm = await get(`/gestion/evenements/${id}/programme?intervenant=${speakerId}`).expect(200);
    expect(speakerForm.text).toContain('Modifier l’intervenant « Claire Fabre »');
    const bad = await post(`/gestion/evenements/${id}/programme/intervenants/${speakerId}`, { fullName: 'Claire Fabre', email: 'pas-une-adresse' }).expect(422);
    expect(bad.text).toMatch(/id="speaker-email-error">Saisissez une adresse électronique valide/);
    await post(`/gestion/evenements/${id}/programme/intervenants/${speakerId}`, { fullName: 'Claire Fabre-Martin', jobTitle: 'Sous-préfète', organisation: '', email: '' }).expect(
      303,
    );

    const rooms = (
      await t.http
        .get(`/api/events/${id}/rooms`)
        .set(await t.auth())
        .expect(200)
    ).body.items;
    expect(rooms.map((r: { name: string; capacity: number | null }) => [r.name, r.capacity]).sort()).toEqual([
      ['Amphithéâtre Pasteur', null],
      ['Salle Joffre', null],
    ]);
    const speakers = (
      await t.http
        .get(`/api/events/${id}/speakers`)
        .set(await t.auth())
        .expect(200)
    ).body.items;
    expect(speakers).toEqual([expect.objectContaining({ fullName: 'Claire Fabre-Martin', jobTitle: 'Sous-préfète', organisation: null })]);
    // A room of another event, or no room at all: the 404 page.
    await get(`/gestion/evenements/${id}/programme?salle=00000000-0000-4000-8000-000000000000`).expect(404);
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
