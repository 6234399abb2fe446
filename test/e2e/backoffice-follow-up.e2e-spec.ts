import { seedMail } from '../support/seeds';
import { signIn, Signed } from '../support/backoffice';
import { createEvent } from '../support/factories';
import { recipientOf } from '../support/mail-sink';
import { binary, parsePdf } from '../support/pdf';
import { register } from '../support/factories';
import { seedWorkshop } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

describe('back office: registrations, documents, messages and figures of an event', () => {
  let t: TestApp;
  let s: Signed;
  let event: Record<string, any>;
  let workshop: { id: string; title: string };
  const ids: Record<string, string> = {};
  const emails: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ mail: true });
    s = await signIn(t);
    event = await createEvent(t, { title: 'Journée d’étude Nîmes', capacity: 2 });
    workshop = await seedWorkshop(t, event, { title: 'Atelier : aide alimentaire', capacity: 5 });
    const people = [
      { key: 'ana', firstName: 'Ana', lastName: 'Lopez', accessibilityNeeds: 'Interprète LSF', dietaryRequirements: 'Végétarien', sessionIds: [workshop.id] },
      { key: 'bruno', firstName: 'Bruno', lastName: 'Sala', dietaryRequirements: ' végétarien ', sessionIds: [workshop.id] },
      { key: 'chloe', firstName: 'Chloé', lastName: 'Roux', organisationType: 'association', department: '30' },
      { key: 'david', firstName: 'David', lastName: 'Petit' },
    ];
    for (const { key, ...input } of people) {
      const res = await register(t, event.id, input).expect(201);
      ids[key] = res.body.id;
      emails[key] = (await t.http.get(`/api/events/${event.id}/registrations/${res.body.id}`).set(await t.auth())).body.email;
    }
    await t.mail.waitFor(4);
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http.get(`/gestion/evenements/${event.id}${path}`).set('Cookie', s.cookie);
  const post = (path: string, form: Record<string, string>) =>
    t.http
      .post(`/gestion/evenements/${event.id}${path}`)
      .set('Cookie', s.cookie)
      .type('form')
      .send({ _csrf: s.csrf, ...form });

  it('lists registrations with the API’s filters, waiting-list ranks and the needs to order', async () => {
    const all = await get('/inscriptions').expect(200);
    expect(all.text).toContain('4 inscriptions');
    expect(all.text).toContain('LOPEZ Ana');
    expect(all.text).toMatch(/Liste d’attente — rang 1<\/p>/);
    expect(all.text).toMatch(/Liste d’attente — rang 2<\/p>/);
    const waitlisted = await get('/inscriptions?status=waitlisted').expect(200);
    expect(waitlisted.text).toContain('2 inscriptions');
    expect(waitlisted.text).not.toContain('LOPEZ Ana');
    expect((await get('/inscriptions?q=roux').expect(200)).text).toContain('1 inscription<');
    expect((await get(`/inscriptions?sessionId=${workshop.id}`).expect(200)).text).toContain('2 inscriptions');
    // A bad filter shows everyone and says so, never a 500.
    const bad = await get('/inscriptions?status=nope&page=-4').expect(200);
    expect(bad.text).toContain('Un des filtres n’est pas valable');
    // Needs: texts counted across spellings, and per workshop.
    const needs = /<table id="besoins-repas">[\s\S]*?<\/table>/.exec(all.text)![0];
    expect(needs).toMatch(/<td>Végétarien<\/td><td>2<\/td>/i);
    expect(/<table id="besoins-accessibilite">[\s\S]*?<\/table>/.exec(all.text)![0]).toContain('<td>Interprète LSF</td><td>1</td>');
    expect(/<table id="besoins-ateliers">[\s\S]*?<\/table>/.exec(all.text)![0]).toMatch(/Atelier : aide alimentaire<\/th><td>2<\/td><td>1<\/td><td>2<\/td>/);
    const csv = await get('/inscriptions.csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(5);
  });

  it('shows one registration, and cancelling it on their behalf (after a confirmation) promotes the first on the waiting list; both are emailed', async () => {
    const detail = await get(`/inscriptions/${ids.ana}`).expect(200);
    expect(detail.text).toContain('Atelier : aide alimentaire — Confirmée');
    expect(detail.text).toContain('Interprète LSF');
    expect(detail.text).toMatch(/<td>Confirmation<\/td><td>Envoyé<\/td>/);
    const confirm = await get(`/inscriptions/${ids.ana}/annuler`).expect(200);
    expect(confirm.text).toContain('Confirmer l’annulation');
    await t.http.post(`/gestion/evenements/${event.id}/inscriptions/${ids.ana}/annuler`).set('Cookie', s.cookie).type('form').send({}).expect(403);
    const done = await post(`/inscriptions/${ids.ana}/annuler`, {}).expect(303);
    expect(done.headers.location).toBe(`/gestion/evenements/${event.id}/inscriptions/${ids.ana}?annulee=1`);
    expect((await t.http.get(`/api/events/${event.id}/registrations/${ids.chloe}`).set(await t.auth())).body.status).toBe('confirmed');
    await t.mail.waitFor(6);
    const to = (key: string) => t.mail.messages.filter((m) => recipientOf(m) === emails[key]).map((m) => m.subject);
    expect(to('ana').length).toBe(2);
    expect(to('chloe').length).toBe(2);
    expect(to('david').length).toBe(1);
    expect((await get(`/inscriptions/${ids.ana}?annulee=1`).expect(200)).text).toContain('L’inscription est annulée');
  });

  it('serves the documents behind the session: badges of all or of those ticked, sign-in sheets, certificates, the bilan', async () => {
    const page = await get('/documents').expect(200);
    expect(page.text).toContain('Atelier : aide alimentaire');
    const pdf = async (path: string) => parsePdf((await get(path).buffer(true).parse(binary).expect(200)).body);
    const ticked = await pdf(`/documents/badges.pdf?registrationIds=${ids.bruno}&registrationIds=${ids.chloe}`);
    expect(ticked.text).toContain('Sala');
    expect(ticked.text).toContain('Roux');
    expect(ticked.text).not.toContain('Petit');
    await get(`/documents/badges.pdf?registrationIds=${ids.david}`).expect(422);
    await get('/documents/badges.pdf?registrationIds=pas-un-id').expect(422);
    const day = /emargement\.pdf\?date=(\d{4}-\d{2}-\d{2})/.exec(page.text)![1];
    expect((await pdf(`/documents/emargement.pdf?date=${day}`)).text).toContain('Matin');
    expect((await pdf(`/documents/sessions/${workshop.id}/emargement.pdf`)).text).toContain('Sala');
    await get('/documents/attestations.pdf').expect(200);
    expect((await pdf('/chiffres/bilan.pdf')).text).toContain('Bilan de l’événement');
    await t.http.get(`/gestion/evenements/${event.id}/documents/badges.pdf`).expect(303);
  });

  it('shows the figures as charts, each with its data table', async () => {
    const page = await get('/chiffres').expect(200);
    for (const title of ['Par type d’organisation', 'Par département', 'Par thématique', 'Remplissage des ateliers', 'Présence le jour J']) {
      expect(page.text).toContain(`<caption>${title}</caption>`);
    }
    expect(page.text.match(/<svg class="rencontres-chart"[^>]*role="img"/g)).toHaveLength(5);
    expect(page.text).toMatch(/<th scope="row">Gard \(30\)<\/th><td>1<\/td>/);
  });

  it('writes to the chosen audience only, after a preview that counts it', async () => {
    const before = t.mail.messages.length;
    const form = { subject: 'Changement de salle', body: 'Bonjour,\n\nL’atelier aura lieu salle Pasteur.', audience: 'session', sessionId: workshop.id };
    const preview = await post('/messages/apercu', form).expect(200);
    expect(preview.text).toContain('<strong>1 personne</strong>');
    // The message as it will be received, from the mail templates: greeting, subject, body, the event, the
    // personal link (here the organiser sees that their own "Bonjour," follows the greeting).
    const shown = preview.text.slice(preview.text.indexOf('id="message-apercu"'));
    expect(shown).toMatch(/^id="message-apercu"><p>Bonjour Prénom,<\/p><p>Changement de salle<\/p><p>Bonjour,<\/p><p>L’atelier aura lieu salle Pasteur\.<\/p>/);
    expect(shown).toContain(event.title);
    expect(shown).toMatch(/Pour voir, modifier ou annuler votre inscription\s:<br>http:\/\/[^<]+\/inscription\/votre-lien-personnel<br>/);
    expect(preview.text).toContain('id="objet-apercu">Changement de salle</h2>');
    expect(t.mail.messages.length).toBe(before);
    const back = await post('/messages/nouveau', form).expect(200);
    expect(back.text).toContain('value="Changement de salle"');
    expect(back.text).toContain('L’atelier aura lieu salle Pasteur.</textarea>');
    const invalid = await post('/messages/apercu', { ...form, subject: 'x' }).expect(422);
    expect(invalid.text).toContain('L’objet doit faire entre 3 et 200 caractères.');
    expect(invalid.text).toContain('L’atelier aura lieu salle Pasteur.');
    const sent = await post('/messages', form).expect(303);
    expect(sent.headers.location).toBe(`/gestion/evenements/${event.id}/messages?envoye=1`);
    const [mail] = await t.mail.waitFor(1, (m) => m.subject === 'Changement de salle');
    expect(recipientOf(mail)).toBe(emails.bruno);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.mail.messages.filter((m) => m.subject === 'Changement de salle')).toHaveLength(1);
  });

  it('lists the outbox and sends a dead message again', async () => {
    const dead = await seedMail(t, event.id, ids.david, 'reminder:1440', 'dead');
    await t.dataSource.query(`UPDATE outgoing_mail SET attempts = 8, last_error = '550 mailbox unavailable' WHERE id = $1`, [dead]);
    const page = await get('/messages?status=dead').expect(200);
    expect(page.text).toContain('550 mailbox unavailable');
    expect(page.text).toContain(`/messages/${dead}/relancer`);
    await post(`/messages/${dead}/relancer`, {}).expect(303);
    const [{ status }] = await t.dataSource.query(`SELECT status FROM outgoing_mail WHERE id = $1`, [dead]);
    expect(['pending', 'sent', 'failed']).toContain(status);
    await post(`/messages/${dead}/relancer`, {}).expect((res) => expect([404, 409]).toContain(res.status));
  });
});
