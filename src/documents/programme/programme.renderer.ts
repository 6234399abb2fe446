import { frenchTypography, unbreakableTime } from '../pdf/french';
import { A4, contentWidth, ensureSpace, writeFooters } from '../pdf/page-layout';
import { createPdf, Pdf, SANS, SANS_BOLD } from '../pdf/pdf-document';
import { decoration, section, tagged } from '../pdf/tagging';
import type { ProgrammeActionView, ProgrammePdfView, ProgrammeSessionView } from './programme-pdf.view';

const MARGIN = 50;
const BLUE = '#000091';
/** Past this many pages (cover included), a table of contents follows the cover. */
export const TOC_AFTER_PAGES = 6;

interface Anchor {
  label: string;
  page: number;
}

/**
 * The printed programme: a cover, a table of contents when it runs long, the days slot by slot
 * (parallel sessions one after another, each with room, speakers, themes and its highlighted
 * actions), a section presenting the actions, the badges' colour key, page numbers. Drawn twice
 * when long: the first pass only finds on which page each section starts.
 */
export function renderProgramme(view: ProgrammePdfView, createdAt?: Date): Pdf {
  const first = createPdf({ title: 'mesure', bufferPages: true, margin: MARGIN });
  const anchors = draw(first, view, null);
  const pages = first.bufferedPageRange().count;
  first.end();
  first.resume();
  const toc = pages > TOC_AFTER_PAGES ? anchors.map((a) => ({ ...a, page: a.page + 1 })) : null;

  const doc = createPdf({ title: `Programme — ${view.title}`, subject: `Programme de ${view.title}`, bufferPages: true, margin: MARGIN, createdAt });
  draw(doc, view, toc);
  const count = doc.bufferedPageRange().count;
  writeFooters(doc, 1, count, (i) => `${view.title} — programme — page ${i + 2} sur ${count}`);
  doc.end();
  return doc;
}

function draw(doc: Pdf, view: ProgrammePdfView, toc: Anchor[] | null): Anchor[] {
  const anchors: Anchor[] = [];
  const here = (label: string) => {
    anchors.push({ label, page: doc.bufferedPageRange().count });
    doc.outline.addItem(label);
  };
  drawCover(doc, view);
  if (toc) drawToc(doc, toc);
  for (const day of view.days) {
    doc.addPage();
    here(capitalise(day.label));
    sectionTitle(doc, capitalise(day.label));
    for (const slot of day.slots) {
      ensureSpace(doc, 70);
      drawSlotBar(doc, slot.time, slot.sessions.length);
      for (const session of slot.sessions) section(doc, 'Sect', () => drawSession(doc, session));
      doc.moveDown(0.6);
    }
  }
  if (view.days.length === 0) {
    doc.addPage();
    tagged(doc, 'P', () => doc.font(SANS).fontSize(11).fillColor('#000000').text('Le programme détaillé sera publié prochainement.', MARGIN, MARGIN));
  }
  if (view.actions.length) {
    doc.addPage();
    here('Actions remarquables');
    sectionTitle(doc, 'Actions remarquables');
    paragraphText(doc, 'Des projets locaux qui ont fait leurs preuves, présentés pendant l’événement et qui peuvent être repris ailleurs.', 10, '#333333');
    doc.moveDown(0.8);
    for (const action of view.actions) section(doc, 'Sect', () => drawAction(doc, action));
  }
  doc.addPage();
  here('Code couleur des badges');
  sectionTitle(doc, 'Code couleur des badges');
  paragraphText(doc, 'Le bandeau du badge indique, en couleur et en toutes lettres, le type d’organisation de chaque participant.', 10, '#333333');
  doc.moveDown(0.8);
  for (const key of view.badgeKey) {
    ensureSpace(doc, 30);
    const y = doc.y;
    decoration(doc, () => doc.rect(MARGIN, y, 200, 22).fill(key.fill));
    tagged(doc, 'P', () =>
      doc
        .font(SANS_BOLD)
        .fontSize(9.5)
        .fillColor(key.text)
        .text(key.label.toLocaleUpperCase('fr-FR'), MARGIN + 8, y + 6, { width: 186, lineBreak: false }),
    );
    tagged(doc, 'P', () =>
      doc
        .font(SANS)
        .fontSize(10)
        .fillColor('#000000')
        .text(frenchTypography(key.label), MARGIN + 215, y + 5, { width: contentWidth(doc) - 215 }),
    );
    doc.y = y + 28;
  }
  return anchors;
}

function drawCover(doc: Pdf, view: ProgrammePdfView): void {
  const width = contentWidth(doc);
  decoration(doc, () => doc.rect(0, 0, A4.width, 200).fill(BLUE));
  tagged(doc, 'P', () => doc.font(SANS).fontSize(12).fillColor('#FFFFFF').text(view.kindLabel.toLocaleUpperCase('fr-FR'), MARGIN, 70, { width, characterSpacing: 1 }));
  tagged(doc, 'P', () => doc.font(SANS_BOLD).fontSize(14).text('Programme', MARGIN, 95, { width }));
  doc.y = 240;
  tagged(doc, 'H1', () => doc.font(SANS_BOLD).fontSize(28).fillColor(BLUE).text(frenchTypography(view.title), MARGIN, 240, { width }));
  doc.moveDown(0.6);
  tagged(doc, 'P', () => doc.font(SANS_BOLD).fontSize(14).fillColor('#000000').text(unbreakableTime(view.dates), { width }));
  tagged(doc, 'P', () => doc.font(SANS).fontSize(12).text(frenchTypography(view.place), { width }));
  tagged(doc, 'P', () => doc.fontSize(11).fillColor('#333333').text(view.formatLabel, { width }));
  if (view.cancelled) {
    doc.moveDown(1);
    tagged(doc, 'P', () => doc.font(SANS_BOLD).fontSize(16).fillColor('#C9191E').text('Événement annulé', { width }));
  }
  if (view.description) {
    doc.moveDown(1.5);
    tagged(doc, 'P', () =>
      doc
        .font(SANS)
        .fontSize(11)
        .fillColor('#000000')
        .text(frenchTypography(view.description!), { width, height: A4.height - doc.y - 90, ellipsis: true }),
    );
  }
}

function drawToc(doc: Pdf, toc: Anchor[]): void {
  doc.addPage();
  sectionTitle(doc, 'Sommaire');
  const width = contentWidth(doc);
  section(doc, 'TOC', () => {
    for (const entry of toc) {
      const y = doc.y;
      tagged(doc, 'TOCI', () => {
        doc
          .font(SANS)
          .fontSize(12)
          .fillColor('#000000')
          .text(entry.label, MARGIN, y, { width: width - 40, lineBreak: false });
        doc.text(String(entry.page), MARGIN + width - 40, y, { width: 40, align: 'right', lineBreak: false });
      });
      const labelEnd = MARGIN + doc.widthOfString(entry.label) + 6;
      decoration(doc, () =>
        doc
          .save()
          .moveTo(labelEnd, y + 11)
          .lineTo(MARGIN + width - 10 - doc.widthOfString(String(entry.page)), y + 11)
          .dash(1, { space: 3 })
          .strokeColor('#999999')
          .stroke()
          .restore(),
      );
      doc.y = y + 24;
    }
  });
}

function sectionTitle(doc: Pdf, text: string): void {
  tagged(doc, 'H2', () =>
    doc
      .font(SANS_BOLD)
      .fontSize(20)
      .fillColor(BLUE)
      .text(frenchTypography(text), MARGIN, MARGIN, { width: contentWidth(doc) }),
  );
  decoration(doc, () =>
    doc
      .moveTo(MARGIN, doc.y + 2)
      .lineTo(MARGIN + contentWidth(doc), doc.y + 2)
      .lineWidth(1)
      .strokeColor(BLUE)
      .stroke(),
  );
  doc.moveDown(0.8);
}

function paragraphText(doc: Pdf, text: string, size: number, color = '#000000', indent = 0): void {
  tagged(doc, 'P', () =>
    doc
      .font(SANS)
      .fontSize(size)
      .fillColor(color)
      .text(frenchTypography(text), MARGIN + indent, doc.y, { width: contentWidth(doc) - indent }),
  );
}

function drawSlotBar(doc: Pdf, time: string, parallel: number): void {
  const y = doc.y;
  decoration(doc, () => doc.rect(MARGIN, y, contentWidth(doc), 20).fill('#E8E8E8'));
  tagged(doc, 'H3', () => {
    doc
      .font(SANS_BOLD)
      .fontSize(10.5)
      .fillColor('#000000')
      .text(unbreakableTime(time), MARGIN + 8, y + 5, { lineBreak: false });
    if (parallel > 1) {
      doc
        .font(SANS)
        .fontSize(9)
        .fillColor('#333333')
        .text(`${parallel} sessions en parallèle`, MARGIN, y + 6, { width: contentWidth(doc) - 8, align: 'right', lineBreak: false });
    }
  });
  doc.x = MARGIN;
  doc.y = y + 26;
}

function drawSession(doc: Pdf, session: ProgrammeSessionView): void {
  const indent = 12;
  const x = MARGIN + indent;
  const width = contentWidth(doc) - indent;
  ensureSpace(doc, 56);
  const meta = [session.typeLabel, session.time ? unbreakableTime(session.time) : null, session.room].filter(Boolean).join(' · ');
  tagged(doc, 'P', () => doc.font(SANS).fontSize(8.5).fillColor('#555555').text(meta.toLocaleUpperCase('fr-FR'), x, doc.y, { width, characterSpacing: 0.3 }));
  tagged(doc, 'H4', () => doc.font(SANS_BOLD).fontSize(11.5).fillColor('#000000').text(frenchTypography(session.title), x, doc.y, { width }));
  if (session.speakers.length)
    tagged(doc, 'P', () =>
      doc
        .font(SANS)
        .fontSize(9.5)
        .fillColor('#000000')
        .text(frenchTypography(`Avec ${session.speakers.join(' ; ')}`), x, doc.y, { width }),
    );
  if (session.themes.length)
    tagged(doc, 'P', () =>
      doc
        .font(SANS)
        .fontSize(8.5)
        .fillColor('#333333')
        .text(frenchTypography(`Thèmes : ${session.themes.join(', ')}`), x, doc.y, { width }),
    );
  if (session.description) {
    doc.moveDown(0.2);
    tagged(doc, 'P', () => doc.font(SANS).fontSize(9.5).fillColor('#222222').text(frenchTypography(session.description!), x, doc.y, { width }));
  }
  for (const action of session.actions) {
    ensureSpace(doc, 30);
    doc.moveDown(0.3);
    const top = doc.y;
    tagged(doc, 'P', () => {
      doc
        .font(SANS_BOLD)
        .fontSize(9)
        .fillColor(BLUE)
        .text(frenchTypography('Action remarquable : '), x + 10, top, { width: width - 10, continued: true });
      doc
        .font(SANS)
        .fillColor('#000000')
        .text(frenchTypography(`${action.title} — ${action.organisation}`));
    });
    decoration(doc, () => doc.rect(x, top - 1, 3, doc.y - top + 2).fill(BLUE));
  }
  doc.x = MARGIN;
  doc.moveDown(0.7);
}

function drawAction(doc: Pdf, action: ProgrammeActionView): void {
  ensureSpace(doc, 90);
  tagged(doc, 'H3', () =>
    doc
      .font(SANS_BOLD)
      .fontSize(12)
      .fillColor(BLUE)
      .text(frenchTypography(action.title), MARGIN, doc.y, { width: contentWidth(doc) }),
  );
  tagged(doc, 'P', () =>
    doc
      .font(SANS_BOLD)
      .fontSize(9.5)
      .fillColor('#000000')
      .text(frenchTypography(`${action.organisation} (${action.organisationTypeLabel})`), { width: contentWidth(doc) }),
  );
  const facts = [action.territory ? `Territoire : ${action.territory}` : null, action.themes.length ? `Thèmes : ${action.themes.join(', ')}` : null].filter(Boolean);
  if (facts.length)
    tagged(doc, 'P', () =>
      doc
        .font(SANS)
        .fontSize(9)
        .fillColor('#333333')
        .text(frenchTypography(facts.join(' — ')), { width: contentWidth(doc) }),
    );
  doc.moveDown(0.2);
  paragraphText(doc, action.summary, 10);
  if (action.contact)
    tagged(doc, 'P', () =>
      doc
        .font(SANS)
        .fontSize(9)
        .fillColor('#333333')
        .text(frenchTypography(`Contact : ${action.contact}`), MARGIN, doc.y, { width: contentWidth(doc) }),
    );
  doc.moveDown(1);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}
