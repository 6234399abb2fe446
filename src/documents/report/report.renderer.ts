import { drawFitted, fitText } from '../pdf/fit-text';
import { frenchTypography } from '../pdf/french';
import { contentWidth, ensureSpace, heading, paragraph, writeFooters } from '../pdf/page-layout';
import { createPdf, Pdf, SANS, SANS_BOLD } from '../pdf/pdf-document';
import type { ChartView, ReportView } from './report.view';

const MARGIN = 50;
const LABEL = 185;
const GAP = 8;
const FIGURE = 135;
const BLUE = '#000091';

/**
 * The event's bilan: a title block, the key figures, then each breakdown as a horizontal bar chart
 * whose figures are written beside each bar (the chart is its own data table). A chart that runs
 * over a page carries its title again, marked `(suite)`. Footers say `page i sur n`.
 */
export function renderReport(view: ReportView, options: { createdAt?: Date } = {}): Pdf {
  const title = `Bilan — ${view.eventTitle}`;
  const doc = createPdf({ title, subject: 'Bilan de l’événement', margin: MARGIN, bufferPages: true, createdAt: options.createdAt });
  heading(doc, 'Bilan de l’événement', 10, { color: '#555555', gapAfter: 0.1 });
  heading(doc, frenchTypography(view.eventTitle), 18);
  paragraph(doc, frenchTypography(view.dates));
  paragraph(doc, frenchTypography(view.place));
  paragraph(doc, frenchTypography(`${view.organiserName} — chiffres au ${view.generatedOn}`), 9, { color: '#555555' });
  doc.moveDown(1);
  drawKeyFigures(doc, view);
  for (const chart of view.charts) drawChart(doc, chart);
  const range = doc.bufferedPageRange();
  writeFooters(doc, range.start, range.start + range.count, (i, n) => `${frenchTypography(title)} — page ${i + 1} sur ${n}`);
  doc.end();
  return doc;
}

function drawKeyFigures(doc: Pdf, view: ReportView): void {
  heading(doc, 'Chiffres clés', 13);
  const width = contentWidth(doc);
  for (const figure of view.keyFigures) {
    ensureSpace(doc, 18);
    const y = doc.y;
    doc
      .font(SANS)
      .fontSize(10)
      .fillColor('#000000')
      .text(frenchTypography(figure.label), MARGIN, y, { width: width - 120, lineBreak: false });
    doc.font(SANS_BOLD);
    rightAligned(doc, frenchTypography(figure.value), MARGIN + width, y);
    doc
      .save()
      .lineWidth(0.3)
      .strokeColor('#BBBBBB')
      .moveTo(MARGIN, y + 15)
      .lineTo(MARGIN + width, y + 15)
      .stroke()
      .restore();
    doc.y = y + 18;
  }
  doc.moveDown(1);
}

function drawChart(doc: Pdf, chart: ChartView): void {
  const width = contentWidth(doc);
  const barArea = width - LABEL - GAP - FIGURE - GAP;
  const title = (suffix = '') => {
    heading(doc, `${frenchTypography(chart.title)}${suffix}`, 13);
    doc
      .font(SANS)
      .fontSize(8)
      .fillColor('#555555')
      .text(frenchTypography(chart.unit), MARGIN + LABEL + GAP + barArea + GAP, doc.y, { width: FIGURE, align: 'right' });
    doc.moveDown(0.3);
  };
  // The title never stays alone at the bottom of a page.
  ensureSpace(doc, 80);
  title();
  if (chart.bars.length === 0) paragraph(doc, 'Aucune donnée.', 10, { color: '#555555' });
  for (const bar of chart.bars) {
    const label = fitText(doc, frenchTypography(bar.label), { font: SANS, maxSize: 9, minSize: 8, width: LABEL, maxLines: 2 });
    const row = Math.max(16, label.height + 6);
    ensureSpace(doc, row, () => title(' (suite)'));
    const y = doc.y;
    doc.fillColor('#000000');
    drawFitted(doc, label, MARGIN, y + (row - label.height) / 2);
    const length = Math.max(0, Math.min(1, bar.value / Math.max(1, chart.max))) * barArea;
    const x = MARGIN + LABEL + GAP;
    doc
      .save()
      .rect(x, y + row / 2 - 5, barArea, 10)
      .fill('#EEEEF8')
      .restore();
    if (length > 0)
      doc
        .save()
        .rect(x, y + row / 2 - 5, length, 10)
        .fill(BLUE)
        .restore();
    doc.font(SANS_BOLD).fontSize(9).fillColor('#000000');
    rightAligned(doc, frenchTypography(bar.text), MARGIN + width, y + row / 2 - 5.5);
    doc.y = y + row;
  }
  if (chart.note) {
    doc.moveDown(0.3);
    paragraph(doc, frenchTypography(chart.note), 8, { color: '#555555' });
  }
  doc.moveDown(1.2);
}

/**
 * Right-aligned by hand: given a width, pdfkit wraps a text even with lineBreak off, and its
 * right alignment stretches spaces so that text extraction loses them (`2 / 3` reads `2/3`).
 */
function rightAligned(doc: Pdf, text: string, right: number, y: number): void {
  doc.text(text, right - doc.widthOfString(text), y, { lineBreak: false });
}
