import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRasterTools, parsePdf } from '../../../test/support/pdf';
import { renderAgenda } from '../agenda/agenda.renderer';
import { SAMPLE_AGENDA } from '../agenda/agenda.sample';
import { renderBadge, renderBadgeSheet } from '../badge/badge.renderer';
import { SAMPLE_BADGE, sampleBadges } from '../badge/badge.sample';
import { renderCertificate } from '../certificate/certificate.renderer';
import { SAMPLE_CERTIFICATE } from '../certificate/certificate.sample';
import { renderProgramme } from '../programme/programme.renderer';
import { longProgramme } from '../programme/programme.sample';
import { renderSignInSheets } from '../sign-in-sheet/sign-in-sheet.renderer';
import { SAMPLE_DAY_SHEET } from '../sign-in-sheet/sign-in-sheet.sample';
import { toBuffer } from './pdf-document';

/** poppler's view of a PDF: whether it is tagged, and its structure tree with the text of each element. */
function poppler(pdf: Buffer): { tagged: boolean; structure: string } {
  ensureRasterTools();
  const dir = mkdtempSync(join(tmpdir(), 'rencontres-tags-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const structure = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    return { tagged: /^Tagged:\s+yes$/m.test(info), structure };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The element types of a structure tree, in reading order. */
function elements(structure: string): string[] {
  return [...structure.matchAll(/^\s*([A-Z][A-Za-z0-9]*)(?: \(block\)| \(inline\))?:?$/gm)].map((m) => m[1]);
}

describe('tagged PDFs', () => {
  it('a badge reads in order: event and dates, the person, organisation, the QR code (with words) and its code, the needs, type and mode; rules and bands are not read', async () => {
    const pdf = await toBuffer(renderBadge(SAMPLE_BADGE));
    const { tagged, structure } = poppler(pdf);
    expect(tagged).toBe(true);
    expect(elements(structure)).toEqual(['Document', 'Sect', 'P', 'H1', 'P', 'Figure', 'P', 'P']);
    const order = ['Rencontre régionale', 'mars 2027', 'Élodie', 'épicerie sociale', 'K7QM 4XW9 PRTZ', 'Fauteuil', 'ASSOCIATION', 'Sur place'].map((t) => structure.indexOf(t));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/S \/Figure[^]*?\/Alt/);
    expect(raw).toContain('/ActualText');
    // pdftotext (no structure) still finds every text.
    expect((await parsePdf(pdf)).text).toContain('K7QM 4XW9 PRTZ');
  });

  it('a sheet of badges is one section per badge; cut marks are decorations', async () => {
    const { structure } = poppler(await toBuffer(renderBadgeSheet(sampleBadges(10), { title: 'Badges' })));
    expect(elements(structure).filter((e) => e === 'Sect')).toHaveLength(10);
    expect(elements(structure).filter((e) => e === 'H1')).toHaveLength(10);
  });

  it('the agenda: title, person, QR code, then each session as a section with its heading; page numbers are not read', async () => {
    const pdf = await toBuffer(renderAgenda(SAMPLE_AGENDA));
    const { tagged, structure } = poppler(pdf);
    expect(tagged).toBe(true);
    const types = elements(structure);
    expect(types.slice(0, 4)).toEqual(['Document', 'P', 'H1', 'P']);
    expect(types).toContain('Figure');
    expect(types.filter((e) => e === 'H3').length).toBeGreaterThanOrEqual(3);
    expect(structure).toContain('Sur liste d’attente');
    expect(structure).not.toMatch(/page 1 sur/);
    expect((await parsePdf(pdf)).text).toMatch(/page 1 sur 1/);
  });

  it('sign-in sheets are tables with column headers read once, a row per person', async () => {
    const pdf = await toBuffer(renderSignInSheets([SAMPLE_DAY_SHEET], { title: 'Émargement' }));
    const { structure } = poppler(pdf);
    const types = elements(structure);
    expect((await parsePdf(pdf)).numPages).toBeGreaterThan(1);
    expect(types).toContain('Table');
    expect(types.filter((e) => e === 'TH')).toHaveLength(4 + SAMPLE_DAY_SHEET.signatureColumns.length);
    expect(types.filter((e) => e === 'TR')).toHaveLength(SAMPLE_DAY_SHEET.people.length + 1);
    expect(types.filter((e) => e === 'H1')).toHaveLength(1);
  });

  it('the certificate and the programme (with its table of contents) are tagged in order', async () => {
    const certificate = poppler(await toBuffer(renderCertificate(SAMPLE_CERTIFICATE)));
    expect(elements(certificate.structure).slice(0, 4)).toEqual(['Document', 'Sect', 'H1', 'P']);
    expect(certificate.structure).toContain('Signature et cachet');
    const programme = poppler(await toBuffer(renderProgramme(longProgramme(3, 8))));
    const types = elements(programme.structure);
    expect(types).toContain('TOC');
    expect(types.indexOf('H1')).toBeLessThan(types.indexOf('TOC'));
    expect(types.filter((e) => e === 'H4').length).toBeGreaterThan(10);
  });
});
