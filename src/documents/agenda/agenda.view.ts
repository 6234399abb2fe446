/** A person's own programme: what they attend, where, and what to bring. */
export interface AgendaView {
  eventTitle: string;
  /** In French: `du jeudi 11 au vendredi 12 mars 2027`. */
  eventDates: string;
  /** `Le Corum, Montpellier`, or `En ligne`. */
  place: string;
  person: { fullName: string; organisation: string | null; attendance: string | null };
  days: AgendaDay[];
  /** Practical information, label and value: address, access, online link, manage link… */
  practical: Array<{ label: string; value: string }>;
  /** The badge's code, when the person comes on site (the QR code is printed). */
  checkInCode: string | null;
}

export interface AgendaDay {
  /** `jeudi 11 mars 2027`. */
  label: string;
  items: AgendaItem[];
}

export interface AgendaItem {
  /** `9 h 00 – 10 h 30`. */
  time: string;
  title: string;
  /** `Plénière`, `Atelier`… */
  typeLabel: string;
  room: string | null;
  speakers: string[];
  /** A workshop's choice: confirmed, or waitlisted with its rank; null for sessions everyone attends. */
  choice: { status: 'confirmed' | 'waitlisted'; waitlistPosition: number | null } | null;
}
