import { actionInput, createEvent, createSession, register, slot } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/** The cookie and the token of a form, as a browser would send them back. */
async function formSession(t: TestApp, path: string): Promise<{ cookie: string; csrf: string }> {
  const res = await t.http.get(path).expect(200);
  const cookie = (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.text)![1];
  return { cookie, csrf };
}

describe('public pages (HTTP)', () => {
  let t: TestApp;
  let event: Record<string, any>;

  beforeAll(async () => {
    t = await startTestApp({ env: { OPERATOR_NAME: 'Préfet de la région Test', RETENTION_DAYS: '400' } });
    event = await createEvent(t, { title: 'Journée d’étude sur la ruralité', kind: 'study_day', themes: ['ruralite'], departments: ['32'] });
  });
  afterAll(() => t.close());

  it('serves the DSFR from the package, and only its assets', async () => {
    const css = await t.http.get('/dsfr/dsfr.min.css').expect(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    await t.http
      .get('/dsfr/dsfr.module.min.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await t.http.get('/dsfr/fonts/Marianne-Regular.woff2').expect(200);
    await t.http.get('/dsfr/icons/system/check-line.svg').expect(200);
    expect((await t.http.get('/dsfr/../package.json')).status).toBe(404);
    expect((await t.http.get('/dsfr/README.md')).status).toBe(404);
    await t.http.get('/assets/site.css').expect(200);
  });

  it('pages are French, in the layout, with the operator’s name, a CSP without inline script, and a title saying where one is', async () => {
    const res = await t.http.get(`/evenements/${event.slug}`).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<html lang="fr">');
    expect(res.text).toContain('<title>Journée d’étude sur la ruralité — Rencontres</title>');
    expect(res.text).toContain('Préfet<br>de la région<br>Test');
    expect(res.text).toContain('href="#contenu"');
    expect(res.text).toContain('aria-label="vous êtes ici :"');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    // Every script is a file of this origin.
    expect(res.text.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/dsfr/dsfr.module.min.js">']);
    expect(res.text).not.toMatch(/\son[a-z]+="/);
  });

  it('the home page lists upcoming published events with seats left, filtered by kind, theme and département', async () => {
    await createEvent(t, { title: 'Brouillon invisible' }, { publish: false });
    const home = await t.http.get('/').expect(200);
    expect(home.text).toContain('Journée d’étude sur la ruralité');
    expect(home.text).toContain('400 places restantes');
    expect(home.text).not.toContain('Brouillon invisible');
    expect((await t.http.get('/?type=conference').expect(200)).text).not.toContain('Journée d’étude sur la ruralité');
    expect((await t.http.get('/?type=study_day&theme=ruralite&departement=32').expect(200)).text).toContain('Journée d’étude sur la ruralité');
    expect((await t.http.get('/?theme=sante').expect(200)).text).toContain('Aucun événement à venir pour ces filtres');
    const bad = await t.http.get('/?theme=nimporte').expect(200);
    expect(bad.text).toContain('Ce groupe de travail n’existe pas.');
  });

  it('unknown pages get the 404 page; the API keeps its problem details', async () => {
    const page = await t.http.get('/nulle-part').expect(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('Page non trouvée');
    expect((await t.http.get('/evenements/inconnu').expect(404)).text).toContain('Page non trouvée');
    const api = await t.http.get('/api/nowhere').expect(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await t.http.get('/api/events/inconnu').expect(404)).body.status).toBe(404);
    const draft = await createEvent(t, { title: 'Brouillon secret' }, { publish: false });
    expect((await t.http.get(`/evenements/${draft.slug}`).expect(404)).text).not.toContain('Brouillon secret');
  });

  it('a wrong manage link gets the same invalid-link page, never cached', async () => {
    const res = await t.http.get('/inscription/pas-un-vrai-lien').expect(401);
    expect(res.text).toContain('Lien invalide ou expiré');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('forms refuse a POST without a valid token (CSRF), with the page in the same design', async () => {
    const { cookie, csrf } = await formSession(t, `/evenements/${event.slug}/inscription`);
    expect(cookie).toMatch(/^rencontres_csrf=/);
    const noToken = await t.http.post(`/evenements/${event.slug}/inscription`).set('Cookie', cookie).type('form').send({ firstName: 'A' });
    expect(noToken.status).toBe(403);
    expect(noToken.text).toContain('Formulaire expiré');
    const otherBrowser = await t.http
      .post(`/evenements/${event.slug}/inscription`)
      .set('Cookie', 'rencontres_csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
      .type('form')
      .send({ _csrf: csrf });
    expect(otherBrowser.status).toBe(403);
    expect((await t.http.post('/inscription/lien-perdu').type('form').send({ _csrf: csrf })).status).toBe(403);
  });

  it('registering through the form goes through the same service: one registration, the same duplicate refusal beside the email', async () => {
    const { cookie, csrf } = await formSession(t, `/evenements/${event.slug}/inscription`);
    const form = { _csrf: csrf, firstName: 'Léa', lastName: 'Martin', email: 'Lea.Martin@Example.org', organisationType: 'association', department: '', consent: 'true' };
    const done = await t.http.post(`/evenements/${event.slug}/inscription`).set('Cookie', cookie).type('form').send(form).expect(201);
    expect(done.text).toContain('Votre inscription est confirmée');
    expect(done.text).toContain('lea.martin@example.org');
    expect(done.headers['cache-control']).toBe('no-store');
    const token = /href="\/inscription\/([A-Za-z0-9_-]{43})"/.exec(done.text)![1];
    const mine = await t.http.get('/api/registrations/me').set('X-Registration-Token', token).expect(200);
    expect(mine.body).toMatchObject({ status: 'confirmed', email: 'lea.martin@example.org', organisationType: 'association', department: null });

    const again = await t.http.post(`/evenements/${event.slug}/inscription`).set('Cookie', cookie).type('form').send(form).expect(409);
    expect(again.text).toContain('Cette adresse électronique est déjà inscrite à cet événement.');
    expect(again.text).toContain('id="email-error"');
    expect(again.text).toContain('value="Léa"');
  });

  it('a preferences event’s form ranks the workshops of each slot (1er, 2e, 3e choix) and the ranks are stored; two first choices in a slot are refused beside the workshops', async () => {
    const start = new Date(event.startsAt).getTime();
    const study = await createEvent(t, {
      title: 'Journée d’étude par préférences',
      workshopAllocation: 'preferences',
      preferencesCloseAt: new Date(start - 7 * 24 * 3600 * 1000).toISOString(),
    });
    const w1 = await createSession(t, study.id, { title: 'Atelier mobilité', ...slot(study, 2, 3), capacity: 10 });
    const w2 = await createSession(t, study.id, { title: 'Atelier accueil', ...slot(study, 2, 3), capacity: 10 });
    const page = await t.http.get(`/evenements/${study.slug}/inscription`).expect(200);
    expect(page.text).toContain('Vos ateliers, par ordre de préférence');
    expect(page.text).toContain(`name="rang_${w1.id}"`);
    expect(page.text).toContain('1er choix');
    expect(page.text).not.toContain('Aucun atelier sur ce créneau');
    const { cookie, csrf } = await formSession(t, `/evenements/${study.slug}/inscription`);
    const form = { _csrf: csrf, firstName: 'Inès', lastName: 'Roux', email: 'ines.roux@example.org', organisationType: 'association', department: '', consent: 'true' };
    const clash = await t.http
      .post(`/evenements/${study.slug}/inscription`)
      .set('Cookie', cookie)
      .type('form')
      .send({ ...form, [`rang_${w1.id}`]: '1', [`rang_${w2.id}`]: '1' })
      .expect(422);
    expect(clash.text).toContain('Un seul atelier par créneau peut être votre choix n° 1.');
    await t.http
      .post(`/evenements/${study.slug}/inscription`)
      .set('Cookie', cookie)
      .type('form')
      .send({ ...form, [`rang_${w1.id}`]: '2', [`rang_${w2.id}`]: '1' })
      .expect(201);
    const ranks = await t.dataSource.query(
      `SELECT p.session_id, p.rank FROM workshop_preference p JOIN registration r ON r.id = p.registration_id WHERE r.email = 'ines.roux@example.org' ORDER BY p.rank`,
    );
    expect(ranks).toEqual([
      { session_id: w2.id, rank: 1 },
      { session_id: w1.id, rank: 2 },
    ]);
  });

  it('a cancelled event says so on its page and its form, which does not offer to submit', async () => {
    const cancelled = await createEvent(t, { title: 'Séminaire annulé' });
    await t.http
      .post(`/api/events/${cancelled.id}/cancel`)
      .set(await t.auth())
      .send({ reason: 'Intempéries' })
      .expect(200);
    const page = await t.http.get(`/evenements/${cancelled.slug}`).expect(200);
    expect(page.text).toContain('Événement annulé');
    expect(page.text).toContain('Intempéries');
    expect(page.text).not.toContain(`href="/evenements/${cancelled.slug}/inscription"`);
    const form = await t.http.get(`/evenements/${cancelled.slug}/inscription`).expect(200);
    expect(form.text).toContain('Événement annulé');
    expect(form.text).not.toContain('<form method="post"');
  });

  it('a closed registration window says so; a POST anyway gets the closed message in the summary', async () => {
    const closed = await createEvent(t, { title: 'Inscriptions terminées', registrationClosesAt: new Date(Date.now() + 60_000).toISOString() });
    t.clock.advance(2 * 60_000);
    try {
      // The form token belongs to the browser, not to one form: take it from an open one.
      const { cookie, csrf } = await formSession(t, `/evenements/${event.slug}/inscription`);
      const form = await t.http.get(`/evenements/${closed.slug}/inscription`).set('Cookie', cookie).expect(200);
      expect(form.text).toContain('Les inscriptions sont closes.');
      const res = await t.http
        .post(`/evenements/${closed.slug}/inscription`)
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, firstName: 'Léa', lastName: 'Martin', email: 'lea@example.org', organisationType: 'association', consent: 'true' })
        .expect(422);
      expect(res.text).toContain('Les inscriptions sont closes pour cet événement.');
    } finally {
      t.clock.reset();
    }
  });

  it('the event page shows the programme with rooms, speakers and seats, and links the PDF and the calendar', async () => {
    await createSession(t, event.id, { title: 'Atelier mobilité rurale', ...slot(event, 1, 2), capacity: 12 });
    await register(t, event.id).expect(201);
    const page = await t.http.get(`/evenements/${event.slug}`).expect(200);
    expect(page.text).toContain('Atelier mobilité rurale');
    expect(page.text).toContain('12 places restantes');
    expect(page.text).toContain(`/api/events/${event.id}/programme.pdf`);
    expect(page.text).toContain(`/api/events/${event.id}/programme.ics`);
  });

  it('the call for actions posts a proposal through the actions service; its errors are beside the fields', async () => {
    const path = `/evenements/${event.slug}/proposer-une-action`;
    const { cookie, csrf } = await formSession(t, path);
    const bad = await t.http
      .post(path)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, title: 'Ab', summary: 'court', organisationType: 'association', contactEmail: 'non' })
      .expect(422);
    expect(bad.text).toContain('Donnez un titre à l’action');
    expect(bad.text).toContain('id="contactEmail-error"');
    const input = actionInput();
    const ok = await t.http
      .post(path)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, ...input, departments: ['32', '65'], themes: ['ruralite'] })
      .expect(201);
    expect(ok.text).toContain('Merci pour votre proposition');
    const all = await t.http
      .get(`/api/events/${event.id}/actions?status=proposed`)
      .set(await t.auth())
      .expect(200);
    expect(all.body.items.map((a: { title: string }) => a.title)).toContain(input.title);
  });

  it('the fixed pages: accessibility statement, personal data with RETENTION_DAYS, site map', async () => {
    expect((await t.http.get('/accessibilite').expect(200)).text).toContain('partiellement conforme');
    const privacy = await t.http.get('/donnees-personnelles').expect(200);
    expect(privacy.text).toContain('<strong>400 jours</strong>');
    expect(privacy.text).toContain(t.config.contactEmail);
    expect((await t.http.get('/plan-du-site').expect(200)).text).toContain(`/evenements/${event.slug}/inscription`);
  });

  it('a hybrid event asks for the attendance mode; without it the error is beside the radio buttons', async () => {
    const hybrid = await createEvent(t, { title: 'Conférence hybride', format: 'hybrid', onlineUrl: 'https://visio.example.org/c', onlineCapacity: 100 });
    const path = `/evenements/${hybrid.slug}/inscription`;
    const { cookie, csrf } = await formSession(t, path);
    const base = { _csrf: csrf, firstName: 'Léa', lastName: 'Martin', email: 'lea.hybride@example.org', organisationType: 'association', consent: 'true' };
    const missing = await t.http.post(path).set('Cookie', cookie).type('form').send(base).expect(422);
    expect(missing.text).toContain('Indiquez si vous participerez sur place ou en ligne.');
    expect(missing.text).toContain('href="#attendanceMode-0"');
    const online = await t.http
      .post(path)
      .set('Cookie', cookie)
      .type('form')
      .send({ ...base, attendanceMode: 'online' })
      .expect(201);
    expect(online.text).toContain('avec votre agenda personnel en pièces jointes');
    const token = /href="\/inscription\/([A-Za-z0-9_-]{43})"/.exec(online.text)![1];
    expect((await t.http.get('/api/registrations/me').set('X-Registration-Token', token).expect(200)).body.attendanceMode).toBe('online');
  });

  it('the manage page keeps what was typed when a change is refused, and saves a valid one', async () => {
    const created = await register(t, event.id, { firstName: 'Paul' }).expect(201);
    const token = created.body.manageToken as string;
    const path = `/inscription/${token}`;
    const { cookie, csrf } = await formSession(t, path);
    const form = { _csrf: csrf, firstName: 'Paulo', lastName: 'Durand', email: 'pas-une-adresse', organisationType: 'association' };
    const refused = await t.http.post(path).set('Cookie', cookie).type('form').send(form).expect(422);
    expect(refused.text).toContain('value="pas-une-adresse"');
    expect(refused.text).toContain('id="email-error"');
    expect(refused.headers['cache-control']).toBe('no-store');
    expect((await t.http.get('/api/registrations/me').set('X-Registration-Token', token)).body.firstName).toBe('Paul');
    const saved = await t.http
      .post(path)
      .set('Cookie', cookie)
      .type('form')
      .send({ ...form, email: 'paulo.durand@example.org' })
      .expect(303);
    expect(saved.headers.location).toBe(`${path}?modifie=1`);
    expect((await t.http.get('/api/registrations/me').set('X-Registration-Token', token)).body).toMatchObject({ firstName: 'Paulo', email: 'paulo.durand@example.org' });
  });

  it('the lost-link page answers the same whether or not the address is registered', async () => {
    const path = '/inscription/lien-perdu';
    const { cookie, csrf } = await formSession(t, path);
    const unknown = await t.http.post(path).set('Cookie', cookie).type('form').send({ _csrf: csrf, event: event.slug, email: 'personne@example.org' }).expect(200);
    expect(unknown.text).toContain('Demande envoyée');
    const invalid = await t.http.post(path).set('Cookie', cookie).type('form').send({ _csrf: csrf, event: '', email: 'x' }).expect(422);
    expect(invalid.text).toContain('Choisissez l’événement auquel vous êtes inscrit·e.');
    expect(invalid.text).toContain('Saisissez une adresse électronique valide');
  });
});
