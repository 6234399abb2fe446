import { groupedCode } from '../badge/badge.drawing';
import { frenchTypography, unbreakableTime } from '../pdf/french';
import { contentWidth, ensureSpace, heading, paragraph, writeFooters } from '../pdf/page-layout';
import { createPdf, Pdf, SANS, SANS_BOLD } from '../pdf/pdf-document';
import { drawQrCode } from '../pdf/qr-code';
import { decoration, section, tagged } from '../pdf/tagging';
import type { AgendaItem, AgendaView } from './agenda.view';

const MARGIN = 48;
const QR = 96;
const TIME_COLUMN = 104;

/** The waitlisted marker, as printed. */
export function choiceLabel(choice: AgendaItem['choice']): string | null {
  if (!choice) return null;
  if (choice.status === 'confirmed') return 'Place confirmée';
  return choice.waitlistPosition ? `Sur liste d’attente (rang ${choice.waitlistPosition})` : 'Sur liste d’attente';
}

/**
 * The personal agenda: who, the QR code of the badge, then day by day the sessions the person
 * attends (waitlisted workshops marked as such), then practical information.
 */
export function renderAgenda(view: AgendaView, createdAt?: Date): Pdf {
  const doc = createPdf({ title: `Mon programme — ${view.eventTitle}`, subject: `Programme personnel de ${view.person.fullName}`, margin: MARGIN, bufferPages: true, createdAt });
  const width = contentWidth(doc);
  const textWidth = view.checkInCode ? width - QR - 16 : width;

  tagged(doc, 'P', () => doc.font(SANS).fontSize(10).fillColor('#555555').text('Mon programme', MARGIN, MARGIN, { width: textWidth }));
  tagged(doc, 'H1', () => doc.font(SANS_BOLD).fontSize(18).fillColor('#000091').text(frenchTypography(view.eventTitle), { width: textWidth }));
  tagged(doc, 'P', () =>
    doc
      .font(SANS)
      .fontSize(10.5)
      .fillColor('#000000')
      .text(`${view.eventDates} — ${frenchTypography(view.place)}`, { width: textWidth }),
  );
  doc.moveDown(0.8);
  tagged(doc, 'H2', () => doc.font(SANS_BOLD).fontSize(13).text(view.person.fullName, { width: textWidth }));
  const who = [view.person.organisation, view.person.attendance].filter(Boolean).map((s) => frenchTypography(s!));
  if (who.length) tagged(doc, 'P', () => doc.font(SANS).fontSize(10).text(who.join(' — '), { width: textWidth }));
  if (view.checkInCode) {
    const code = view.checkInCode;
    const below = doc.y;
    tagged(doc, 'Figure', () => drawQrCode(doc, code, MARGIN + width - QR, MARGIN, QR, 2), { alt: `Code QR d’accueil : ${groupedCode(code)}` });
    tagged(doc, 'P', () => {
      doc.font(SANS).fontSize(7.5).fillColor('#000000');
      doc.text(groupedCode(code), MARGIN + width - QR - 10, MARGIN + QR + 2, { width: QR + 20, align: 'center', lineBreak: false });
      doc.text('À présenter à l’accueil', MARGIN + width - QR - 10, MARGIN + QR + 12, { width: QR + 20, align: 'center', lineBreak: false });
    });
    doc.y = Math.max(below, MARGIN + QR + 26);
  }
  doc.x = MARGIN;
  doc.moveDown(1);

  if (view.days.length === 0) paragraph(doc, 'Aucune session au programme pour le moment.', 10.5);
  for (const day of view.days) {
    ensureSpace(doc, 70);
    heading(doc, capitalise(day.label), 13, { gapAfter: 0.2 });
    decoration(doc, () =>
      doc
        .moveTo(MARGIN, doc.y)
        .lineTo(MARGIN + width, doc.y)
        .lineWidth(0.6)
        .strokeColor('#000091')
        .stroke(),
    );
    doc.moveDown(0.4);
    for (const item of day.items) section(doc, 'Sect', () => drawItem(doc, item, width));
    doc.moveDown(0.6);
  }

  if (view.practical.length) {
    ensureSpace(doc, 80);
    heading(doc, 'Informations pratiques', 13);
    for (const { label, value } of view.practical) {
      ensureSpace(doc, 30);
      tagged(doc, 'P', () => {
        doc
          .font(SANS_BOLD)
          .fontSize(9.5)
          .fillColor('#000000')
          .text(`${frenchTypography(label)}\u202F: `, MARGIN, doc.y, { continued: true, width });
        doc.font(SANS).text(frenchTypography(value), { width });
      });
      doc.moveDown(0.25);
    }
  }
  writeFooters(doc, 0, doc.bufferedPageRange().count, (i, n) => `${view.person.fullName} — ${view.eventTitle} — page ${i + 1} sur ${n}`);
  doc.end();
  return doc;
}

function drawItem(doc: Pdf, item: AgendaItem, width: number): void {
  const x = MARGIN + TIME_COLUMN;
  const w = width - TIME_COLUMN;
  ensureSpace(doc, 48);
  const top = doc.y;
  tagged(doc, 'P', () => {
    doc
      .font(SANS_BOLD)
      .fontSize(9)
      .fillColor('#000000')
      .text(unbreakableTime(item.time), MARGIN, top, { width: TIME_COLUMN - 8 });
    doc
      .font(SANS)
      .fontSize(8)
      .fillColor('#555555')
      .text(item.typeLabel, MARGIN, doc.y, { width: TIME_COLUMN - 8 });
  });
  const left = doc.y;
  tagged(doc, 'H3', () => doc.font(SANS_BOLD).fontSize(10.5).fillColor('#000000').text(frenchTypography(item.title), x, top, { width: w }));
  const details = [item.room, item.speakers.length ? `Avec ${item.speakers.join(', ')}` : null].filter(Boolean);
  if (details.length)
    tagged(doc, 'P', () =>
      doc
        .font(SANS)
        .fontSize(9)
        .fillColor('#333333')
        .text(frenchTypography(details.join(' — ')), x, doc.y, { width: w }),
    );
  const marker = choiceLabel(item.choice);
  if (marker) {
    const waitlisted = item.choice!.status === 'waitlisted';
    doc.font(SANS_BOLD).fontSize(8.5);
    const mw = doc.widthOfString(marker) + 10;
    const my = doc.y + 2;
    decoration(doc, () => {
      if (waitlisted) doc.rect(x, my, mw, 13).lineWidth(0.8).dash(2, { space: 1.5 }).strokeColor('#000000').stroke().undash();
      else doc.rect(x, my, mw, 13).fill('#E3E3FD');
    });
    tagged(doc, 'P', () => doc.fillColor('#000000').text(marker, x + 5, my + 2.5, { lineBreak: false }));
    doc.y = my + 15;
  }
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, left) + 8;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}
