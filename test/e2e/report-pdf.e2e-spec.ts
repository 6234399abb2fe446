import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { seedStatsDataSet, seedRegistration } from '../support/seeds';
import { createEvent } from '../support/factories';
import { binary } from '../support/pdf';
import { startTestApp, TestApp } from '../support/test-app';

/** The PDF's text as poppler lays it out: each bar's label and its figure on one line. */
function pdfToText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'bilan-'));
  try {
    writeFileSync(join(dir, 'bilan.pdf'), pdf);
    // NFKC: the font's ligatures (ﬁ) read back as their letters.
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'bilan.pdf'), '-'], { encoding: 'utf8' }).normalize('NFKC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// pdftotext's layout may drop the space between short figures (`2 / 3` reads `2/3`).
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s\u202F\u00A0]+/g, '[\\s\\u202F\\u00A0]*');
/** A line that starts (after indentation) with the label and ends with the figure. */
const line = (label: string, figure: string) => new RegExp(`^\\s*${escape(label.normalize('NFKC'))}\\s{2,}(?:.*\\s)?${escape(figure)}\\s*$`, 'm');

describe('GET /api/events/{id}/report.pdf', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    auth = await t.auth();
  });
  afterAll(() => t.close());

  it('reads back with the figures of /stats, breakdown by breakdown', async () => {
    const { event } = await seedStatsDataSet(t);
    const stats = (await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200)).body;
    const res = await t.http.get(`/api/events/${event.id}/report.pdf`).set(auth).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="bilan-${event.slug}.pdf"`);
    const text = pdfToText(res.body);

    expect(text).toContain('Rencontre régionale hybride');
    expect(text).toMatch(line('Inscriptions confirmées', String(stats.registrations.confirmed)));
    expect(text).toMatch(line('Liste d’attente', String(stats.registrations.waitlisted)));
    expect(text).toMatch(line('Annulations', String(stats.registrations.cancelled)));
    expect(text).toMatch(line('Présents / attendus sur place', `${stats.checkIn.checkedIn} / ${stats.checkIn.expected}`));
    expect(text).toMatch(line('Taux de présence', '66,7 %'));
    for (const type of stats.byOrganisationType) expect(text).toMatch(line(type.label, String(type.confirmed)));
    for (const theme of stats.byTheme) expect(text).toMatch(line(theme.label, String(theme.choices)));
    for (const d of stats.byDepartment) expect(text).toMatch(line(d.code ? `${d.label} (${d.code})` : d.label, String(d.confirmed)));
    // Workshop titles may wrap onto two lines: their figures are checked in programme order.
    const fills = stats.sessions.map((s: any) => (s.capacity === null ? `${s.confirmed}, sans limite` : `${s.confirmed} / ${s.capacity}`));
    expect(fills).toEqual(['2 / 3', '2 / 20', '1, sans limite']);
    const at = fills.map((f: string) => text.indexOf(f));
    expect(at.every((i: number) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('2 / 3 (66,7 %) + 1 en attente');
  });

  it('puts Occitanie’s départements first, even when another counts more', async () => {
    const event = await createEvent(t, { title: 'Journée d’étude nationale' });
    for (const department of ['75', '75', '75', '13', '48']) await seedRegistration(t, event.id, { department });
    const stats = (await t.http.get(`/api/events/${event.id}/stats`).set(auth).expect(200)).body;
    expect(stats.byDepartment.map((d: any) => [d.code, d.occitanie, d.confirmed])).toEqual([
      ['48', true, 1],
      ['75', false, 3],
      ['13', false, 1],
    ]);
    const text = pdfToText((await t.http.get(`/api/events/${event.id}/report.pdf`).set(auth).buffer(true).parse(binary).expect(200)).body);
    const order = ['Lozère (48)', 'Paris (75)', 'Bouches-du-Rhône (13)'].map((l) => text.indexOf(l));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('is for organisers only, and 404 for an unknown event', async () => {
    const event = await createEvent(t, { title: 'Webinaire' });
    await t.http.get(`/api/events/${event.id}/report.pdf`).expect(401);
    const res = await t.http.get(`/api/events/${randomUUID()}/report.pdf`).set(auth).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
