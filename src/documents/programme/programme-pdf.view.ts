/** The printed programme of an event. Built by the programme's loader; drawn by programme.renderer. */
export interface ProgrammePdfView {
  title: string;
  /** `Rencontre régionale`, `Journée d’étude`, `Webinaire`. */
  kindLabel: string;
  /** `Sur place`, `En ligne`, `Sur place et en ligne`. */
  formatLabel: string;
  /** `du jeudi 11 au vendredi 12 mars 2027`. */
  dates: string;
  /** The venue with its address, or `En ligne`. */
  place: string;
  description: string | null;
  /** Printed on the cover when the event is cancelled. */
  cancelled: boolean;
  days: ProgrammeDayView[];
  /** The highlighted actions presented during the event, for their own pages. */
  actions: ProgrammeActionView[];
  /** The colour of each organisation type's badge band, with its label. */
  badgeKey: Array<{ label: string; fill: string; text: string }>;
}

export interface ProgrammeDayView {
  /** `jeudi 11 mars 2027`. */
  label: string;
  slots: ProgrammeSlotView[];
}

export interface ProgrammeSlotView {
  /** `14 h 00 – 15 h 30`: from the slot's start to the end of its longest session. */
  time: string;
  /** Sessions starting together, by room. */
  sessions: ProgrammeSessionView[];
}

export interface ProgrammeSessionView {
  title: string;
  /** `Plénière`, `Atelier`, `Table ronde`… */
  typeLabel: string;
  /** The session's own time when it differs from its slot's; else null. */
  time: string | null;
  room: string | null;
  /** `Claire Fabre (Commissaire à la lutte contre la pauvreté, Préfecture d’Occitanie)`. */
  speakers: string[];
  /** Theme labels. */
  themes: string[];
  description: string | null;
  actions: Array<{ title: string; organisation: string }>;
}

export interface ProgrammeActionView {
  title: string;
  organisation: string;
  organisationTypeLabel: string;
  /** Départements, in words: `Gers (32), Lot (46)`. */
  territory: string;
  themes: string[];
  summary: string;
  /** Contact shown to the public (name, web page), or null. */
  contact: string | null;
}
