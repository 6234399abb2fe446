import { frenchTypography, unbreakableTime } from '../pdf/french';
import { contentWidth, ensureSpace, paragraph } from '../pdf/page-layout';
import { betweenPages, createPdf, drawAll, Pdf, SANS, SANS_BOLD } from '../pdf/pdf-document';
import { decoration, section, tagged } from '../pdf/tagging';
import type { CertificateView } from './certificate.view';

const MARGIN = 64;

/** One certificate on one page. */
export function renderCertificate(view: CertificateView, createdAt?: Date): Pdf {
  return renderCertificates([view], { title: `Attestation de présence — ${view.person.fullName} — ${view.eventTitle}`, createdAt });
}

/** One page per person, drawn as they arrive (the sequence may be a database cursor). */
export function renderCertificates(views: AsyncIterable<CertificateView> | Iterable<CertificateView>, options: { title: string; createdAt?: Date }): Pdf {
  const doc = createPdf({ title: options.title, subject: 'Attestation de présence', margin: MARGIN, createdAt: options.createdAt });
  return drawAll(
    doc,
    views,
    async (view, index) => {
      if (index > 0) {
        await betweenPages(doc);
        doc.addPage();
      }
      section(doc, 'Sect', () => drawCertificate(doc, view));
    },
    () => tagged(doc, 'P', () => doc.font(SANS).fontSize(12).text('Aucune personne n’a été enregistrée à l’accueil.')),
  );
}

function drawCertificate(doc: Pdf, view: CertificateView): void {
  const width = contentWidth(doc);
  decoration(doc, () =>
    doc
      .rect(MARGIN - 20, MARGIN - 20, width + 40, doc.page.height - 2 * MARGIN + 40)
      .lineWidth(1.2)
      .strokeColor('#000091')
      .stroke(),
  );
  doc.x = MARGIN;
  doc.y = MARGIN + 30;
  tagged(doc, 'H1', () => doc.font(SANS_BOLD).fontSize(24).fillColor('#000091').text('Attestation de présence', { width, align: 'center' }));
  doc.moveDown(0.3);
  tagged(doc, 'P', () => doc.font(SANS).fontSize(11).fillColor('#333333').text(frenchTypography(view.eventTitle), { width, align: 'center' }));
  doc.moveDown(2.5);

  const body = `${view.organiserName}, organisateur de l’événement «\u202F${view.eventTitle}\u202F», qui s’est tenu ${view.eventDates} (${view.place}), atteste que`;
  paragraph(doc, frenchTypography(body), 11.5);
  doc.moveDown(1);
  tagged(doc, 'P', () => doc.font(SANS_BOLD).fontSize(18).fillColor('#000000').text(view.person.fullName, MARGIN, doc.y, { width, align: 'center' }));
  if (view.person.organisation) tagged(doc, 'P', () => doc.font(SANS).fontSize(11.5).text(frenchTypography(view.person.organisation!), { width, align: 'center' }));
  doc.moveDown(1);
  paragraph(doc, frenchTypography(`a participé à cet événement. Sa présence a été enregistrée à l’accueil le ${unbreakableTime(view.checkedInAt)}.`), 11.5);

  if (view.sessions.length) {
    doc.moveDown(1);
    paragraph(doc, 'Sessions inscrites à son programme\u202F:', 11, { bold: true });
    doc.moveDown(0.3);
    section(doc, 'L', () => {
      for (const session of view.sessions) {
        if (ensureSpace(doc, 40)) break;
        section(doc, 'LI', () => paragraph(doc, `•  ${frenchTypography(session.title)} — ${unbreakableTime(session.when)}`, 10, { indent: 12 }));
        doc.moveDown(0.15);
      }
    });
  }

  // The signature block stays at the bottom of the page.
  const y = doc.page.height - MARGIN - 130;
  doc.y = Math.max(doc.y + 20, y);
  const where = view.issuedIn ? `Fait à ${view.issuedIn}, le ${view.issuedOn}` : `Fait le ${view.issuedOn}`;
  tagged(doc, 'P', () =>
    doc
      .font(SANS)
      .fontSize(11)
      .fillColor('#000000')
      .text(frenchTypography(where), MARGIN + width / 2, doc.y, { width: width / 2 }),
  );
  doc.moveDown(0.4);
  tagged(doc, 'P', () => doc.text(frenchTypography(view.organiserName), { width: width / 2 }));
  doc.moveDown(2.5);
  const line = doc.y;
  decoration(doc, () =>
    doc
      .moveTo(MARGIN + width / 2, line)
      .lineTo(MARGIN + width, line)
      .lineWidth(0.6)
      .strokeColor('#000000')
      .stroke(),
  );
  tagged(doc, 'P', () =>
    doc
      .fontSize(8.5)
      .fillColor('#555555')
      .text('Signature et cachet', MARGIN + width / 2, line + 4, { width: width / 2 }),
  );
}
