import type { SignInPerson, SignInSheetView } from './sign-in-sheet.view';

const PEOPLE: SignInPerson[] = [
  { lastName: 'Abadie', firstName: 'Inès', organisation: 'CCAS de Montpellier' },
  { lastName: 'Bénard', firstName: 'Louis', organisation: 'France Travail — agence de Rodez', needs: ['Fauteuil', 'Accompagnant'] },
  { lastName: 'Écuyer', firstName: 'Élodie', organisation: 'Association « La Cloche » : antenne de Toulouse' },
  { lastName: 'Martin', firstName: 'Zoé', organisation: null },
  { lastName: 'Øvergaard', firstName: 'Łukasz', organisation: 'Secours populaire français' },
];

/** `count` people with French names, in alphabetical order (as the loader hands them), none with a need for the desk. */
export function samplePeople(count: number): SignInPerson[] {
  // Without needs: a long sheet keeps the layout without the welcome desk's column.
  return Array.from({ length: count }, (_, i) => ({
    ...PEOPLE[i % PEOPLE.length],
    needs: undefined,
    lastName: `${PEOPLE[i % PEOPLE.length].lastName} ${String(Math.floor(i / PEOPLE.length) + 1).padStart(3, '0')}`,
  })).sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr'));
}

export const SAMPLE_SESSION_SHEET: SignInSheetView = {
  eventTitle: 'Rencontre régionale de la lutte contre la pauvreté 2027',
  title: 'Atelier : aide alimentaire, circuits courts et dignité',
  details: ['jeudi 11 mars 2027, 14 h 30 – 16 h 00', 'Salle Joffre 1 — Le Corum, Montpellier'],
  signatureColumns: ['Signature'],
  people: PEOPLE,
};

export const SAMPLE_DAY_SHEET: SignInSheetView = {
  eventTitle: 'Rencontre régionale de la lutte contre la pauvreté 2027',
  title: 'Journée du jeudi 11 mars 2027',
  details: ['Le Corum, esplanade Charles-de-Gaulle, 34000 Montpellier'],
  signatureColumns: ['Matin', 'Après-midi'],
  people: samplePeople(45),
};
