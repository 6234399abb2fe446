import { drawFitted, fitText } from '../pdf/fit-text';
import { frenchTypography } from '../pdf/french';
import { Pdf, SANS, SANS_BOLD } from '../pdf/pdf-document';
import { drawQrCode } from '../pdf/qr-code';
import { decoration, section, tagged } from '../pdf/tagging';
import { bandColour } from './badge-colours';
import { BADGE_HEIGHT, BADGE_WIDTH, BadgeView } from './badge.view';

const PAD = 10;
const QR = 74;
const BAND = 26;
const HEADER = 34;

/** `ABCD EFGH JKMN`: easier to read aloud or type when the QR code will not scan. */
export function groupedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * One badge with its top-left corner at (x, y): the same drawing on a single badge and on a sheet.
 * Everything stays inside BADGE_WIDTH × BADGE_HEIGHT, whatever the length of the texts.
 */
export function drawBadge(doc: Pdf, badge: BadgeView, x: number, y: number): void {
  doc.save();
  section(doc, 'Sect', () => drawTaggedBadge(doc, badge, x, y));
  doc.restore();
}

/** The badge's texts in reading order (event, person, code, organisation type, mode); rules and bands as decorations. */
function drawTaggedBadge(doc: Pdf, badge: BadgeView, x: number, y: number): void {
  const inner = BADGE_WIDTH - 2 * PAD;
  doc.fillColor('#000000');

  // Header: the event, small, over a thin rule.
  const title = fitText(doc, frenchTypography(badge.eventTitle), { font: SANS_BOLD, maxSize: 9, minSize: 7, width: inner, maxLines: 2 });
  const dates = fitText(doc, frenchTypography(badge.eventDates), { font: SANS, maxSize: 7.5, minSize: 6, width: inner, maxLines: 1 });
  // Few structure elements per badge: a sheet has 2,000 badges.
  tagged(
    doc,
    'P',
    () => {
      const below = drawFitted(doc.font(SANS_BOLD), title, x + PAD, y + PAD - 2);
      drawFitted(doc.font(SANS).fillColor('#333333'), dates, x + PAD, below + 1);
    },
    { actual: `${frenchTypography(badge.eventTitle)} — ${frenchTypography(badge.eventDates)}` },
  );
  decoration(doc, () =>
    doc
      .moveTo(x + PAD, y + HEADER + 4)
      .lineTo(x + BADGE_WIDTH - PAD, y + HEADER + 4)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke(),
  );

  // The person, left of the QR code.
  const textWidth = BADGE_WIDTH - 3 * PAD - QR;
  let top = y + HEADER + 12;
  doc.fillColor('#000000');
  const first = fitText(doc, badge.firstName, { font: SANS_BOLD, maxSize: 22, minSize: 11, width: textWidth, maxLines: 2 });
  const last = fitText(doc, badge.lastName, { font: SANS, maxSize: 14, minSize: 8, width: textWidth, maxLines: 3 });
  tagged(
    doc,
    'H1',
    () => {
      top = drawFitted(doc.font(SANS_BOLD), first, x + PAD, top) + 3;
      top = drawFitted(doc.font(SANS), last, x + PAD, top) + 5;
    },
    { actual: `${badge.firstName} ${badge.lastName}` },
  );
  if (badge.organisation) {
    const room = y + BADGE_HEIGHT - BAND - 4 - top;
    const lines = Math.max(1, Math.min(3, Math.floor(room / (8 * 1.15))));
    const org = fitText(doc, frenchTypography(badge.organisation), { font: SANS, maxSize: 9, minSize: 7, width: textWidth, maxLines: lines });
    tagged(doc, 'P', () => drawFitted(doc.fillColor('#333333'), org, x + PAD, top), { actual: frenchTypography(badge.organisation) });
  }

  // QR code and the code in clear below it.
  const qrX = x + BADGE_WIDTH - PAD - QR;
  const qrY = y + HEADER + 8;
  tagged(
    doc,
    'Figure',
    () => {
      drawQrCode(doc, badge.checkInCode, qrX, qrY, QR, 2);
      doc.font(SANS).fontSize(6.5).fillColor('#000000');
      doc.text(groupedCode(badge.checkInCode), qrX - 6, qrY + QR + 1, { width: QR + 12, align: 'center', lineBreak: false });
    },
    { alt: `Code QR d’accueil : ${groupedCode(badge.checkInCode)}` },
  );
  if (badge.needs?.length) {
    // Discreet: small grey words for the welcome desk, between the code and the band.
    const needs = fitText(doc, badge.needs.join(' · '), { font: SANS, maxSize: 6.5, minSize: 5, width: QR + 12, maxLines: 2 });
    tagged(doc, 'P', () => drawFitted(doc.fillColor('#444444'), needs, qrX - 6, qrY + QR + 10, { width: QR + 12, align: 'center' }));
  }

  // The organisation type as a coloured band with its label in words; the mode on its right.
  const colour = bandColour(badge.organisationType);
  const bandY = y + BADGE_HEIGHT - BAND;
  const modeWidth = badge.attendanceMode ? 62 : 0;
  const boxX = x + BADGE_WIDTH - PAD - modeWidth + 4;
  decoration(doc, () => {
    doc.rect(x, bandY, BADGE_WIDTH, BAND).fill(colour.fill);
    if (badge.attendanceMode) doc.roundedRect(boxX, bandY + 5, modeWidth - 4, BAND - 10, 3).fill('#FFFFFF');
  });
  const label = fitText(doc, badge.organisationTypeLabel.toLocaleUpperCase('fr-FR'), {
    font: SANS_BOLD,
    maxSize: 10,
    minSize: 6.5,
    width: inner - modeWidth,
    maxLines: 1,
  });
  const mode = badge.attendanceMode ? fitText(doc, badge.attendanceMode, { font: SANS_BOLD, maxSize: 8, minSize: 6, width: modeWidth - 8, maxLines: 1 }) : null;
  tagged(
    doc,
    'P',
    () => {
      drawFitted(doc.font(SANS_BOLD).fillColor(colour.text), label, x + PAD, bandY + (BAND - label.size * 1.15) / 2 + 1);
      if (mode) drawFitted(doc.fillColor('#000000'), mode, boxX, bandY + (BAND - mode.size * 1.15) / 2 + 1, { width: modeWidth - 4, align: 'center' });
    },
    { actual: [badge.organisationTypeLabel, badge.attendanceMode].filter(Boolean).join(' — ') },
  );
}
