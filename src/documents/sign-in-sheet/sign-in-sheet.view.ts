/** One sign-in sheet (feuille d'émargement): a session's, or a whole day's with half-day columns. */
export interface SignInSheetView {
  eventTitle: string;
  /** `Atelier : Aide alimentaire et dignité` or `Journée du jeudi 11 mars 2027`. */
  title: string;
  /** Lines under the title: date and time, room, place. */
  details: string[];
  /** `['Signature']`, or `['Matin', 'Après-midi']` for a day. */
  signatureColumns: string[];
  /** In the order printed (the loader sorts them). */
  people: SignInPerson[];
}

export interface SignInPerson {
  lastName: string;
  firstName: string;
  organisation: string | null;
  /** What the welcome desk must know (`Fauteuil · LSF`), or nothing. */
  needs?: string[];
}
