/* Writes every document from its sample view model to ./var/documents-preview/ (npm run documents:preview). */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { renderBadge, renderBadgeSheet } from './badge/badge.renderer';
import { SAMPLE_BADGE, SAMPLE_LONG_BADGE, sampleBadges } from './badge/badge.sample';
import { renderCalendar } from './ics/calendar.renderer';
import { SAMPLE_CALENDAR } from './ics/calendar.sample';
import { renderSignInSheets } from './sign-in-sheet/sign-in-sheet.renderer';
import { SAMPLE_DAY_SHEET, SAMPLE_SESSION_SHEET } from './sign-in-sheet/sign-in-sheet.sample';
import { renderAgenda } from './agenda/agenda.renderer';
import { SAMPLE_AGENDA } from './agenda/agenda.sample';
import { renderCertificate } from './certificate/certificate.renderer';
import { SAMPLE_CERTIFICATE } from './certificate/certificate.sample';
import { renderProgramme } from './programme/programme.renderer';
import { longProgramme, SAMPLE_PROGRAMME } from './programme/programme.sample';
import { renderReport } from './report/report.renderer';
import { longReport, SAMPLE_REPORT } from './report/report.sample';
import type { Pdf } from './pdf/pdf-document';
import { writeFileSync } from 'node:fs';

const OUT = join(process.cwd(), 'var', 'documents-preview');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const documents: Array<[string, () => Pdf]> = [
    ['badge.pdf', () => renderBadge(SAMPLE_BADGE)],
    ['badge-nom-long.pdf', () => renderBadge(SAMPLE_LONG_BADGE)],
    ['planche-badges.pdf', () => renderBadgeSheet([SAMPLE_BADGE, SAMPLE_LONG_BADGE, ...sampleBadges(14)], { title: 'Badges' })],
    ['emargement-atelier.pdf', () => renderSignInSheets([SAMPLE_SESSION_SHEET], { title: 'Feuille d’émargement' })],
    ['emargement-journee.pdf', () => renderSignInSheets([SAMPLE_DAY_SHEET], { title: 'Feuilles d’émargement' })],
    ['agenda.pdf', () => renderAgenda(SAMPLE_AGENDA)],
    ['attestation.pdf', () => renderCertificate(SAMPLE_CERTIFICATE)],
    ['programme.pdf', () => renderProgramme(SAMPLE_PROGRAMME)],
    ['programme-long.pdf', () => renderProgramme(longProgramme(3, 8))],
    ['bilan.pdf', () => renderReport(SAMPLE_REPORT)],
    ['bilan-long.pdf', () => renderReport(longReport(60))],
  ];
  for (const [name, render] of documents) {
    await pipeline(render(), createWriteStream(join(OUT, name)));
    console.log(join(OUT, name));
  }
  writeFileSync(join(OUT, 'agenda.ics'), renderCalendar(SAMPLE_CALENDAR));
  console.log(join(OUT, 'agenda.ics'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
