import { renderBadgeSheet } from '../badge/badge.renderer';
import type { BadgeView } from '../badge/badge.view';
import { renderCertificates } from '../certificate/certificate.renderer';
import type { CertificateView } from '../certificate/certificate.view';
import type { Pdf } from '../pdf/pdf-document';

/** The many-page documents drawn from a sequence of items (a database cursor), by kind: their item type. */
export interface SheetDocuments {
  badgeSheet: BadgeView;
  certificates: CertificateView;
}

export type SheetDocumentKind = keyof SheetDocuments;

export interface SheetOptions {
  title: string;
  createdAt?: Date;
}

const RENDERERS: { [K in SheetDocumentKind]: (items: AsyncIterable<SheetDocuments[K]> | Iterable<SheetDocuments[K]>, options: SheetOptions) => Pdf } = {
  badgeSheet: renderBadgeSheet,
  certificates: renderCertificates,
};

/** The document drawn in this thread as the items arrive. */
export function renderSheet<K extends SheetDocumentKind>(kind: K, items: AsyncIterable<SheetDocuments[K]> | Iterable<SheetDocuments[K]>, options: SheetOptions): Pdf {
  const render = RENDERERS[kind] as (items: AsyncIterable<SheetDocuments[K]> | Iterable<SheetDocuments[K]>, options: SheetOptions) => Pdf;
  return render(items, options);
}
