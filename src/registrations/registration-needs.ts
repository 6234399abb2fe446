import { ACCESSIBILITY_NEEDS } from '../reference/reference.data';

export const ACCESSIBILITY_CODES = ACCESSIBILITY_NEEDS.map((n) => n.code);
export type AccessibilityCode = (typeof ACCESSIBILITY_CODES)[number];

/**
 * Messages easy to read are one of the needs (`easy_read`), not a second flag: `easyRead` in the
 * API is that code seen as a boolean. This is the only place that links the two.
 */
export function isEasyRead(accessibility: readonly string[]): boolean {
  return accessibility.includes('easy_read');
}

/** The needs as stored: `easyRead` (when given) adds or removes the easy_read code; reference order, no duplicates. */
export function needsWith(accessibility: readonly string[] | undefined, easyRead: boolean | undefined, current: readonly string[] = []): string[] {
  const codes = new Set(accessibility ?? current);
  if (easyRead === true) codes.add('easy_read');
  if (easyRead === false) codes.delete('easy_read');
  return ACCESSIBILITY_CODES.filter((c) => codes.has(c));
}

/** What the welcome desk must know on the day, as short words for badges and sign-in sheets (easy_read is for messages). */
export const DESK_WORDS: Record<string, string> = {
  lsf: 'LSF',
  captions: 'Sous-titres',
  wheelchair: 'Fauteuil',
  induction_loop: 'Boucle',
  companion: 'Accompagnant',
  quiet_room: 'Espace calme',
};

export function deskNeeds(accessibility: readonly string[]): string[] {
  return ACCESSIBILITY_CODES.filter((c) => accessibility.includes(c) && DESK_WORDS[c]).map((c) => DESK_WORDS[c]);
}
