/** What one badge shows. Built by the registrations' loader; drawn by badge.renderer. */
export interface BadgeView {
  eventTitle: string;
  /** Already in French: `du jeudi 11 au vendredi 12 mars 2027 · Montpellier`. */
  eventDates: string;
  firstName: string;
  lastName: string;
  organisation: string | null;
  /** Reference code (`association`…): picks the band's colour. */
  organisationType: string;
  /** Its French label, printed on the band. */
  organisationTypeLabel: string;
  /** `Sur place` / `En ligne` for hybrid events; null otherwise (nothing printed). */
  attendanceMode: string | null;
  /** What the welcome desk must know, in short words (`Fauteuil`, `LSF`): printed small under the code. */
  needs?: string[];
  /** The opaque check-in code: the QR code holds it and nothing else. */
  checkInCode: string;
}

/** 95 × 69 mm in points: eight fit an A4 page, two by four. */
export const BADGE_WIDTH = (95 / 25.4) * 72;
export const BADGE_HEIGHT = (69 / 25.4) * 72;
