/** An attendance certificate (attestation de présence) for one person checked in at an event. */
export interface CertificateView {
  eventTitle: string;
  /** In French: `du jeudi 11 au vendredi 12 mars 2027`. */
  eventDates: string;
  /** `Le Corum, Montpellier`, or `en ligne`. */
  place: string;
  person: { fullName: string; organisation: string | null };
  /** `jeudi 11 mars 2027, 8 h 52`: when the person was checked in. */
  checkedInAt: string;
  /** The sessions on the person's programme: plenaries and confirmed workshops. */
  sessions: Array<{ title: string; when: string }>;
  /** Who certifies: the organiser's name (and role). */
  organiserName: string;
  /** `Montpellier`: where it is issued (the venue's city), or null. */
  issuedIn: string | null;
  /** `12 mars 2027`. */
  issuedOn: string;
}
