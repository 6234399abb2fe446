import { fitText, drawFitted } from '../pdf/fit-text';
import { frenchTypography } from '../pdf/french';
import { contentWidth, ensureSpace, writeFooters } from '../pdf/page-layout';
import { createPdf, Pdf, SANS, SANS_BOLD } from '../pdf/pdf-document';
import { decoration, section, tagged } from '../pdf/tagging';
import type { SignInSheetView } from './sign-in-sheet.view';

const MARGIN = 36;
const ROW = 30;
const HEAD_ROW = 20;

interface Column {
  label: string;
  width: number;
}

/** The welcome desk's column only when someone on the sheet has a need to show. */
const hasDeskColumn = (sheet: SignInSheetView) => sheet.people.some((p) => p.needs?.length);

function columnsOf(sheet: SignInSheetView, width: number): Column[] {
  const signatures = sheet.signatureColumns.length * (sheet.signatureColumns.length > 1 ? 88 : 150);
  const rest = width - 26 - signatures;
  const desk = hasDeskColumn(sheet);
  return [
    { label: 'N°', width: 26 },
    { label: 'Nom', width: rest * (desk ? 0.25 : 0.34) },
    { label: 'Prénom', width: rest * (desk ? 0.17 : 0.26) },
    { label: 'Organisation', width: rest * (desk ? 0.36 : 0.4) },
    ...(desk ? [{ label: 'Accueil', width: rest * 0.22 }] : []),
    ...sheet.signatureColumns.map((label) => ({ label, width: signatures / sheet.signatureColumns.length })),
  ];
}

/**
 * Sign-in sheets, each starting on a new page, with the event, the sheet's title and the table's
 * header repeated on every page, an empty signature box per person and half-day, and the count at
 * the end. Footers say `page i sur n` within each sheet.
 */
export function renderSignInSheets(sheets: SignInSheetView[], options: { title: string; createdAt?: Date }): Pdf {
  const doc = createPdf({ title: options.title, subject: 'Feuilles d’émargement', margin: MARGIN, bufferPages: true, createdAt: options.createdAt });
  const ranges: Array<[number, number, string]> = [];
  sheets.forEach((sheet, index) => {
    if (index > 0) doc.addPage();
    const first = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
    section(doc, 'Sect', () => drawSheet(doc, sheet));
    const end = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
    ranges.push([first, end, sheet.title]);
  });
  if (sheets.length === 0) tagged(doc, 'P', () => doc.font(SANS).fontSize(12).text('Aucune feuille d’émargement.'));
  for (const [from, to, title] of ranges) {
    writeFooters(doc, from, to, (i, n) => `Feuille d’émargement — ${frenchTypography(title)} — page ${i + 1} sur ${n}`);
  }
  doc.end();
  return doc;
}

function drawSheet(doc: Pdf, sheet: SignInSheetView): void {
  const columns = columnsOf(sheet, contentWidth(doc));
  const desk = hasDeskColumn(sheet);
  // The title and the header row are read once; repeated on later pages, they are decorations.
  const repeatHeader = () => decoration(doc, () => drawPageHeader(doc, sheet, columns), 'Pagination');
  drawPageHeader(doc, sheet, columns, true);
  section(doc, 'Table', () => {
    section(doc, 'TR', () => drawHeaderRow(doc, columns, true));
    sheet.people.forEach((person, i) => {
      if (ensureSpace(doc, ROW)) repeatHeader();
      const y = doc.y;
      if (i % 2 === 1) decoration(doc, () => doc.rect(MARGIN, y, contentWidth(doc), ROW).fill('#F2F2F2'));
      const cells = [
        String(i + 1),
        person.lastName,
        person.firstName,
        person.organisation ? frenchTypography(person.organisation) : '',
        ...(desk ? [(person.needs ?? []).join(' · ')] : []),
      ];
      section(doc, 'TR', () => {
        let x = MARGIN;
        columns.forEach((column, c) => {
          const cell = c < cells.length ? cells[c] : '';
          const left = x;
          if (cell) {
            const fitted = fitText(doc, cell, { font: c === 1 ? SANS_BOLD : SANS, maxSize: 9, minSize: 7.5, width: column.width - 8, maxLines: 2 });
            tagged(doc, 'TD', () => drawFitted(doc.fillColor('#000000'), fitted, left + 4, y + (ROW - fitted.height) / 2), { actual: cell });
          } else {
            // An empty cell, to sign in.
            section(doc, 'TD', () => undefined);
          }
          x += column.width;
        });
      });
      decoration(doc, () => drawGrid(doc, columns, y, ROW));
      doc.y = y + ROW;
    });
  });
  if (ensureSpace(doc, 60)) repeatHeader();
  doc.moveDown(1);
  const count = sheet.people.length;
  tagged(doc, 'P', () => {
    doc.font(SANS_BOLD).fontSize(10).fillColor('#000000');
    doc.text(`Nombre de personnes inscrites${'\u202F'}: ${count}`, MARGIN, doc.y, { width: contentWidth(doc) });
  });
  doc.moveDown(0.4);
  tagged(doc, 'P', () => doc.font(SANS).text(`Nombre de présents${'\u202F'}: ……………          Signature du responsable${'\u202F'}:`, { width: contentWidth(doc) }));
}

/** The event, the sheet's title and details; then the table's header row (`tag`: read as structure, else drawn plain for a decoration). */
function drawPageHeader(doc: Pdf, sheet: SignInSheetView, columns: Column[], tag = false): void {
  const width = contentWidth(doc);
  const as = (type: string, draw: () => void) => (tag ? tagged(doc, type, draw) : draw());
  doc.x = MARGIN;
  doc.y = MARGIN;
  as('P', () => doc.font(SANS).fontSize(9).fillColor('#555555').text(frenchTypography(sheet.eventTitle), { width }));
  as('H1', () =>
    doc
      .font(SANS_BOLD)
      .fontSize(14)
      .fillColor('#000091')
      .text(`Feuille d’émargement — ${frenchTypography(sheet.title)}`, { width }),
  );
  doc.font(SANS).fontSize(9).fillColor('#000000');
  for (const line of sheet.details) as('P', () => doc.text(frenchTypography(line), { width }));
  doc.moveDown(0.6);
  if (!tag) drawHeaderRow(doc, columns, false);
}

function drawHeaderRow(doc: Pdf, columns: Column[], tag: boolean): void {
  const width = contentWidth(doc);
  const y = doc.y;
  const draw = () => {
    doc.rect(MARGIN, y, width, HEAD_ROW).fill('#DDDDDD');
    drawGrid(doc, columns, y, HEAD_ROW);
  };
  if (tag) decoration(doc, draw);
  else draw();
  doc.font(SANS_BOLD).fontSize(8.5).fillColor('#000000');
  let x = MARGIN;
  for (const column of columns) {
    const left = x;
    const label = () => doc.text(column.label, left + 4, y + 6, { width: column.width - 8, lineBreak: false });
    if (tag) tagged(doc, 'TH', label, { scope: 'Column' });
    else label();
    x += column.width;
  }
  doc.y = y + HEAD_ROW;
}

function drawGrid(doc: Pdf, columns: Column[], y: number, height: number): void {
  doc.save().lineWidth(0.5).strokeColor('#666666');
  doc.rect(MARGIN, y, contentWidth(doc), height).stroke();
  let x = MARGIN;
  for (const column of columns.slice(0, -1)) {
    x += column.width;
    doc
      .moveTo(x, y)
      .lineTo(x, y + height)
      .stroke();
  }
  doc.restore();
}
