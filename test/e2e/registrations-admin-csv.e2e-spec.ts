import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createEvent } from '../support/factories';
import { seedRegistration, seedWorkshop } from '../support/seeds';
import { startTestApp, TestApp } from '../support/test-app';

/** A strict RFC 4180 reader (`;` separated): a bare line feed outside quotes is an error. */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (c === '\r' || c === '\n' || c === '"') throw new Error(`unexpected ${JSON.stringify(c)} at ${i}`);
    else cell += c;
  }
  if (quoted) throw new Error('unterminated quoted cell');
  if (cell !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

const HEADERS = [
  'Nom',
  'Prénom',
  'E-mail',
  'Organisation',
  'Fonction',
  'Type d’organisation',
  'Département',
  'Mode de participation',
  'Statut',
  'Rang liste d’attente',
  'Ateliers',
  'Besoins d’accessibilité',
  'Aide au déplacement',
  'Régime alimentaire',
  'Consentement photo',
  'Inscrit le',
  'Présent le',
];

describe('organisers: CSV export of registrations', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.auth();
  });
  afterAll(() => t.close());

  const download = (eventId: string) =>
    t.http
      .get(`/api/events/${eventId}/registrations.csv`)
      .set(auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('exports every registration, neutralises formulas and keeps accents, quotes and line breaks', async () => {
    const event = await createEvent(t, { title: 'Séminaire « Aller vers » 2027' });
    const start = new Date(event.startsAt).getTime();
    const { id: wa } = await seedWorkshop(t, event, { title: 'Atelier ; santé "mentale"', startsAt: new Date(start + 3600e3), endsAt: new Date(start + 7200e3) });
    const { id: wb } = await seedWorkshop(t, event, { title: 'Atelier emploi', startsAt: new Date(start + 3 * 3600e3), endsAt: new Date(start + 4 * 3600e3) });
    await seedRegistration(t, event.id, {
      firstName: '+33 6 12 34 56 78',
      lastName: '=HYPERLINK("http://evil","x")',
      email: 'evil@exemple.test',
      organisation: '@SUM(A1:A9)',
      jobTitle: '-2+3',
      dietaryRequirements: '\tcaché',
      createdAt: new Date('2026-11-02T08:05:00Z'),
    });
    await seedRegistration(t, event.id, {
      firstName: 'Françoise',
      lastName: 'Béranger-Œuvray',
      email: 'francoise@exemple.test',
      organisation: 'Secours populaire ; antenne de Nîmes',
      organisationType: 'personne_concernee',
      department: '30',
      jobTitle: 'Bénévole « référente »',
      accessibilityNeeds: 'Fauteuil roulant ; accès "plain-pied"\nBoucle magnétique',
      photoConsent: true,
      checkedInAt: new Date('2027-07-01T07:30:00Z'),
      createdAt: new Date('2026-11-03T09:00:00Z'),
      sessions: [{ id: wa }, { id: wb, status: 'waitlisted' }],
    });
    await seedRegistration(t, event.id, { firstName: 'Paul', lastName: 'Attente', status: 'waitlisted', attendanceMode: 'online', organisationType: 'citoyen', department: null });
    await seedRegistration(t, event.id, { firstName: 'Anne', lastName: 'Annulée', status: 'cancelled', organisationType: 'etat' });

    const res = await download(event.id).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="inscriptions-${event.slug}.csv"`);
    const bytes: Buffer = res.body;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(5);
    const records = rows.slice(1).map((cells) => Object.fromEntries(HEADERS.map((h, i) => [h, cells[i]])));
    // Sorted by the stored name: '=' comes before letters.
    expect(records.map((r) => r['Nom'])).toEqual([`'=HYPERLINK("http://evil","x")`, 'Annulée', 'Attente', 'Béranger-Œuvray']);

    const [evil, anne, paul, francoise] = records;
    expect(evil).toMatchObject({
      Prénom: `'+33 6 12 34 56 78`,
      Organisation: `'@SUM(A1:A9)`,
      Fonction: `'-2+3`,
      'Régime alimentaire': `'\tcaché`,
      'E-mail': 'evil@exemple.test',
      'Inscrit le': '02/11/2026 09:05',
      'Présent le': '',
    });
    expect(francoise).toEqual({
      Nom: 'Béranger-Œuvray',
      Prénom: 'Françoise',
      'E-mail': 'francoise@exemple.test',
      Organisation: 'Secours populaire ; antenne de Nîmes',
      Fonction: 'Bénévole « référente »',
      'Type d’organisation': 'Personne concernée',
      Département: '30 – Gard',
      'Mode de participation': 'Sur place',
      Statut: 'Confirmé',
      'Rang liste d’attente': '',
      Ateliers: 'Atelier ; santé "mentale" | Atelier emploi (liste d’attente)',
      'Besoins d’accessibilité': 'Fauteuil roulant ; accès "plain-pied"\nBoucle magnétique',
      'Aide au déplacement': 'Non',
      'Régime alimentaire': '',
      'Consentement photo': 'Oui',
      'Inscrit le': '03/11/2026 10:00',
      'Présent le': '01/07/2027 09:30',
    });
    expect(paul).toMatchObject({ Statut: 'Liste d’attente', 'Rang liste d’attente': '1', 'Mode de participation': 'En ligne', Département: '', 'Type d’organisation': 'Citoyen' });
    expect(anne).toMatchObject({ Statut: 'Annulé', 'Type d’organisation': 'Services de l’État', 'Consentement photo': 'Non' });
    // No cell a spreadsheet would evaluate.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('streams thousands of rows, in order, across cursor batches', async () => {
    const event = await createEvent(t, { title: 'Grande rencontre régionale', capacity: 3000 });
    await t.dataSource.query(
      `INSERT INTO registration (event_id, first_name, last_name, email, organisation_type, attendance_mode, consent_at, status, manage_token_hash, check_in_code)
       SELECT $1::uuid, 'Prénom', 'Nom' || lpad(n::text, 5, '0'), 'p' || n || '@exemple.test', 'association', 'onsite', now(), 'confirmed',
              md5('t' || n || $1::text), md5('c' || n || $1::text)
       FROM generate_series(1, 2345) AS n`,
      [event.id],
    );
    const res = await download(event.id).expect(200);
    const rows = parseCsv(res.body.subarray(3).toString('utf8'));
    expect(rows).toHaveLength(2346);
    expect(rows[1][0]).toBe('Nom00001');
    expect(rows[2345][0]).toBe('Nom02345');
    expect(new Set(rows.slice(1).map((r) => r[2])).size).toBe(2345);
  });

  it('frees its database connection when the client hangs up mid-download', async () => {
    const event = await createEvent(t, { title: 'Rencontre interrompue', capacity: 20000 });
    await t.dataSource.query(
      `INSERT INTO registration (event_id, first_name, last_name, email, organisation_type, attendance_mode, consent_at, status, manage_token_hash, check_in_code,
         accessibility_needs)
       SELECT $1::uuid, 'Prénom', 'Nom' || n, 'q' || n || '@exemple.test', 'association', 'onsite', now(), 'confirmed', md5('t' || n || $1::text), md5('c' || n || $1::text),
              repeat('besoin ', 100)
       FROM generate_series(1, 20000) AS n`,
      [event.id],
    );
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: `/api/events/${event.id}/registrations.csv`, headers: auth }, (res) => {
        expect(res.statusCode).toBe(200);
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
      req.end();
    });
    // A connection whose last statement is a FETCH of the export still holds the cursor (idle in
    // its transaction, or fetching right now); once released, its last statement is the rollback.
    const openCursor = async () =>
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'FETCH%registration_export%'`))[0].n as number;
    const deadline = Date.now() + 5000;
    while ((await openCursor()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await openCursor()).toBe(0);
    // And the app still answers.
    await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200);
  });

  it('is for organisers only, and 404 for an unknown event', async () => {
    const event = await createEvent(t, { title: 'Webinaire export' });
    await t.http.get(`/api/events/${event.id}/registrations.csv`).expect(401);
    const res = await t.http.get(`/api/events/${randomUUID()}/registrations.csv`).set(auth).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
