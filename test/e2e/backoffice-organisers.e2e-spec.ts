import { cookiesOf, formToken, signIn, Signed } from '../support/backoffice';
import { recipientOf } from '../support/mail-sink';
import { startTestApp, TestApp } from '../support/test-app';

describe('back office: organisers (invite by email, choose the password, deactivate)', () => {
  let t: TestApp;
  let admin: Signed;
  const camille = { email: 'camille.roux@occitanie.test', password: 'une phrase de passe assez longue' };

  beforeAll(async () => {
    t = await startTestApp({ mail: true });
    admin = await signIn(t);
  });
  afterAll(() => t.close());

  const passwordForm = async (path: string) => {
    const page = await t.http.get(path).expect(200);
    return { cookie: cookiesOf(page).join('; '), csrf: formToken(page.text), page };
  };

  it('invites an organiser: the email carries a one-time link whose token no table holds', async () => {
    await t.http.post('/gestion/organisateurs').set('Cookie', admin.cookie).type('form').send({ _csrf: admin.csrf, name: 'Camille Roux', email: camille.email }).expect(303);
    const dup = await t.http
      .post('/gestion/organisateurs')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: admin.csrf, name: 'Autre', email: camille.email.toUpperCase() })
      .expect(409);
    expect(dup.text).toContain('Un organisateur a déjà cette adresse électronique.');

    const [mail] = await t.mail.waitFor(1, (m) => recipientOf(m) === camille.email);
    expect(mail.subject).toBe('Votre accès à la gestion des rencontres');
    const link = /http:\/\/[^\s]+\/gestion\/mot-de-passe\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')!;
    expect(link).toBeTruthy();
    const token = link[1];
    const stored = JSON.stringify(await t.dataSource.query(`SELECT * FROM organiser_invitation`)) + JSON.stringify(await t.dataSource.query(`SELECT * FROM outgoing_mail`));
    expect(stored).not.toContain(token);

    const list = await t.http.get('/gestion/organisateurs').set('Cookie', admin.cookie).expect(200);
    expect(list.text).toMatch(/Invité \(lien valable jusqu’au/);

    // She cannot sign in before choosing a password.
    const before = await passwordForm('/gestion/connexion');
    await t.http
      .post('/gestion/connexion')
      .set('Cookie', before.cookie)
      .type('form')
      .send({ _csrf: before.csrf, email: camille.email, password: 'nimporte quoi de long' })
      .expect(401);

    const path = `/gestion/mot-de-passe/${token}`;
    const form = await passwordForm(path);
    expect(form.page.text).toContain(camille.email);
    const short = await t.http.post(path).set('Cookie', form.cookie).type('form').send({ _csrf: form.csrf, password: 'court', confirmation: 'court' }).expect(422);
    expect(short.text).toMatch(/id="password-error">Choisissez un mot de passe d’au moins 12 caractères\./);
    const differ = await t.http
      .post(path)
      .set('Cookie', form.cookie)
      .type('form')
      .send({ _csrf: form.csrf, password: camille.password, confirmation: 'autre chose encore' })
      .expect(422);
    expect(differ.text).toMatch(/id="confirmation-error">/);
    await t.http.post(path).set('Cookie', form.cookie).type('form').send({ password: camille.password, confirmation: camille.password }).expect(403);
    const done = await t.http.post(path).set('Cookie', form.cookie).type('form').send({ _csrf: form.csrf, password: camille.password, confirmation: camille.password }).expect(303);
    expect(done.headers.location).toBe('/gestion/connexion?mot-de-passe=1');
    // One time only.
    await t.http.get(path).expect(404);
    await t.http.post(path).set('Cookie', form.cookie).type('form').send({ _csrf: form.csrf, password: 'encore un autre mot', confirmation: 'encore un autre mot' }).expect(404);
  });

  it('deactivating ends their sessions and their API tokens, and they cannot sign in again', async () => {
    const session = await signIn(t, camille);
    const token = (await t.http.post('/api/auth/login').send(camille).expect(200)).body.accessToken;
    await t.http.get('/api/events?status=all').set('Authorization', `Bearer ${token}`).expect(200);
    const list = await t.http.get('/gestion/organisateurs').set('Cookie', admin.cookie).expect(200);
    const id =
      new RegExp(`/gestion/organisateurs/([0-9a-f-]{36})/desactivation"[\\s\\S]*?${camille.email.replace('.', '\\.')}`).exec(list.text)?.[1] ??
      /organisateurs\/([0-9a-f-]{36})\/desactivation/.exec(list.text)![1];
    await t.http.post(`/gestion/organisateurs/${id}/desactivation`).set('Cookie', admin.cookie).type('form').send({ _csrf: admin.csrf }).expect(303);
    await t.http.get('/gestion').set('Cookie', session.cookie).expect(303);
    await t.http.get('/api/events?status=all').set('Authorization', `Bearer ${token}`).expect(401);
    await t.http.post('/api/auth/login').send(camille).expect(401);
    expect((await t.http.get('/gestion/organisateurs').set('Cookie', admin.cookie).expect(200)).text).toContain('Désactivé');
  });

  it('never lets an organiser deactivate themselves', async () => {
    const page = await t.http.get('/gestion/organisateurs').set('Cookie', admin.cookie).expect(200);
    const [me] = await t.dataSource.query(`SELECT id FROM organiser WHERE email = 'organisatrice@occitanie.test'`);
    expect(page.text).not.toContain(`/gestion/organisateurs/${me.id}/desactivation`);
    const res = await t.http.post(`/gestion/organisateurs/${me.id}/desactivation`).set('Cookie', admin.cookie).type('form').send({ _csrf: admin.csrf }).expect(409);
    expect(res.text).toContain('Vous ne pouvez pas désactiver votre propre compte.');
  });
});
