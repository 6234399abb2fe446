import type { BadgeView } from './badge.view';

/** Badges for tests and previews: accents, a hybrid event, a very long name and organisation. */
export const SAMPLE_BADGE: BadgeView = {
  eventTitle: 'Rencontre régionale de la stratégie de prévention et de lutte contre la pauvreté',
  eventDates: 'du jeudi 11 au vendredi 12 mars 2027 · Montpellier',
  firstName: 'Élodie',
  lastName: 'Lefèvre-Ançelin',
  organisation: 'Association « Solidarités Occitanie » : épicerie sociale',
  organisationType: 'association',
  organisationTypeLabel: 'Association',
  attendanceMode: 'Sur place',
  needs: ['Fauteuil', 'Boucle'],
  checkInCode: 'K7QM4XW9PRTZ',
};

export const SAMPLE_LONG_BADGE: BadgeView = {
  ...SAMPLE_BADGE,
  firstName: 'Marie-Françoise-Bernadette-Geneviève',
  // 60 characters.
  lastName: 'de La Rochefoucauld-Montmorency-Saint-Exupéry d’Armagnac-Lôo',
  organisation: 'Direction régionale de l’économie, de l’emploi, du travail et des solidarités d’Occitanie — service insertion',
  organisationType: 'etat',
  organisationTypeLabel: 'Services de l’État',
  checkInCode: 'ABCDEFGHJKMN',
};

const FIRST = ['Élodie', 'Emma', 'Amélie', 'Zoé', 'Łukasz', 'Σοφία', 'Ольга', 'Nuno', 'Oriane', 'Ève'];
const LAST = ['Nguyen', 'Écuyer', 'Martin', 'Ospina', 'Durand', 'Øvergaard', 'Bénard', 'Ângelo', 'Roux', 'Çelik'];
const TYPES: Array<[string, string]> = [
  ['etat', 'Services de l’État'],
  ['collectivite', 'Collectivité territoriale'],
  ['association', 'Association'],
  ['personne_concernee', 'Personne concernée'],
  ['service_public', 'Service public (France Travail, CAF…)'],
];

/** `count` different badges (for sheets and the benchmark), with codes made of the code alphabet. */
export function sampleBadges(count: number): BadgeView[] {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: count }, (_, i) => {
    let code = '';
    for (let n = i * 7919 + 104729, k = 0; k < 12; k++, n = Math.floor(n / 3) + k * 31) code += alphabet[n % alphabet.length];
    const [type, label] = TYPES[i % TYPES.length];
    return {
      ...SAMPLE_BADGE,
      firstName: FIRST[i % FIRST.length],
      lastName: `${LAST[(i * 3) % LAST.length]}${i >= LAST.length ? ` ${i}` : ''}`,
      organisationType: type,
      organisationTypeLabel: label,
      attendanceMode: i % 4 === 0 ? null : 'Sur place',
      checkInCode: code,
    };
  });
}
