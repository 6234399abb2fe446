import { betweenPages, createPdf, drawAll, Pdf, SANS } from '../pdf/pdf-document';
import { decoration, tagged } from '../pdf/tagging';
import { drawBadge } from './badge.drawing';
import { BADGE_HEIGHT, BADGE_WIDTH, BadgeView } from './badge.view';

/** One badge on a page of its own size (95 × 69 mm), to print or show on a phone. */
export function renderBadge(badge: BadgeView, createdAt?: Date): Pdf {
  const doc = createPdf({
    title: `Badge — ${badge.firstName} ${badge.lastName} — ${badge.eventTitle}`,
    subject: 'Badge nominatif',
    size: [BADGE_WIDTH, BADGE_HEIGHT],
    margin: 0,
    createdAt,
  });
  drawBadge(doc, badge, 0, 0);
  doc.end();
  return doc;
}

const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;
const COLUMNS = 2;
const ROWS = 4;
export const BADGES_PER_SHEET = COLUMNS * ROWS;
const LEFT = (A4_WIDTH - COLUMNS * BADGE_WIDTH) / 2;
const TOP = (A4_HEIGHT - ROWS * BADGE_HEIGHT) / 2;
const MARK = 14;
const MARK_GAP = 3;

/**
 * A4 sheets of eight badges (2 × 4) with cut marks, drawn page by page as the badges arrive: the
 * sequence may be a database cursor, and only the current page is ever held.
 */
export function renderBadgeSheet(badges: AsyncIterable<BadgeView> | Iterable<BadgeView>, options: { title: string; createdAt?: Date }): Pdf {
  const doc = createPdf({ title: options.title, subject: 'Planches de badges', size: 'A4', margin: 0, createdAt: options.createdAt });
  return drawAll(
    doc,
    badges,
    async (badge, index) => {
      const slot = index % BADGES_PER_SHEET;
      if (slot === 0 && index > 0) {
        await betweenPages(doc);
        doc.addPage();
      } else if (index > 0) {
        // A badge is ~1 ms of drawing: give other requests a turn after each one, not each page.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (slot === 0) decoration(doc, () => drawCutMarks(doc));
      const x = LEFT + (slot % COLUMNS) * BADGE_WIDTH;
      const y = TOP + Math.floor(slot / COLUMNS) * BADGE_HEIGHT;
      drawBadge(doc, badge, x, y);
    },
    () => tagged(doc, 'P', () => doc.font(SANS).fontSize(12).text('Aucun badge à imprimer.', 50, 60)),
  );
}

/** Marks in the margins on every cutting line, none inside a badge. */
function drawCutMarks(doc: Pdf): void {
  doc.save().lineWidth(0.4).strokeColor('#000000');
  const right = LEFT + COLUMNS * BADGE_WIDTH;
  const bottom = TOP + ROWS * BADGE_HEIGHT;
  for (let c = 0; c <= COLUMNS; c++) {
    const x = LEFT + c * BADGE_WIDTH;
    doc.moveTo(x, TOP - MARK_GAP).lineTo(x, TOP - MARK_GAP - MARK);
    doc.moveTo(x, bottom + MARK_GAP).lineTo(x, bottom + MARK_GAP + MARK);
  }
  for (let r = 0; r <= ROWS; r++) {
    const y = TOP + r * BADGE_HEIGHT;
    doc.moveTo(LEFT - MARK_GAP, y).lineTo(LEFT - MARK_GAP - MARK, y);
    doc.moveTo(right + MARK_GAP, y).lineTo(right + MARK_GAP + MARK, y);
  }
  doc.stroke().restore();
}
