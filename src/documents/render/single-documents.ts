import { renderAgenda } from '../agenda/agenda.renderer';
import type { AgendaView } from '../agenda/agenda.view';
import { renderBadge } from '../badge/badge.renderer';
import type { BadgeView } from '../badge/badge.view';
import { renderCertificate } from '../certificate/certificate.renderer';
import type { CertificateView } from '../certificate/certificate.view';
import { Pdf, toBuffer } from '../pdf/pdf-document';
import type { ProgrammePdfView } from '../programme/programme-pdf.view';
import { renderProgramme } from '../programme/programme.renderer';
import { renderReport } from '../report/report.renderer';
import type { ReportView } from '../report/report.view';
import { renderSignInSheets } from '../sign-in-sheet/sign-in-sheet.renderer';
import type { SignInSheetView } from '../sign-in-sheet/sign-in-sheet.view';

/** Sign-in sheets as one view: drawn whole (their footers count each sheet's pages). */
export interface SignInSheetsView {
  title: string;
  sheets: SignInSheetView[];
}

/** The documents drawn whole from one view, by kind: what the render pool draws, in a worker or here (every PDF but the streamed sheets). */
export interface SingleDocuments {
  badge: BadgeView;
  agenda: AgendaView;
  certificate: CertificateView;
  signInSheets: SignInSheetsView;
  programme: ProgrammePdfView;
  report: ReportView;
}

export type SingleDocumentKind = keyof SingleDocuments;

const RENDERERS: { [K in SingleDocumentKind]: (view: SingleDocuments[K], createdAt?: Date) => Pdf } = {
  badge: renderBadge,
  agenda: renderAgenda,
  certificate: renderCertificate,
  signInSheets: (view, createdAt) => renderSignInSheets(view.sheets, { title: view.title, createdAt }),
  programme: renderProgramme,
  report: (view, createdAt) => renderReport(view, { createdAt }),
};

/** One document, whole, in this thread. */
export function renderSingle<K extends SingleDocumentKind>(kind: K, view: SingleDocuments[K], createdAt?: Date): Promise<Buffer> {
  const render = RENDERERS[kind] as (view: SingleDocuments[K], createdAt?: Date) => Pdf;
  return toBuffer(render(view, createdAt));
}
