/**
 * What a message says, as plain data: the worker builds one of these at delivery from current
 * data (and the outbox row's payload), the template renderer turns it into subject, HTML and text.
 * Every string here is final French wording or raw user text (the renderer escapes it); dates are
 * already worded in the event's timezone ("jeudi 12 mars 2027 à 9 h 00").
 */

export interface MailVenue {
  name: string;
  address: string;
  postalCode: string;
  city: string;
}

export interface MailEventView {
  title: string;
  /** "jeudi 12 mars 2027 à 9 h 00" (start), and the end when on another day or time. */
  startsAt: string;
  /** "vendredi 13 mars 2027 à 17 h 00" or, same day, "17 h 00". */
  endsAt: string;
  /** onsite | online | hybrid */
  format: 'onsite' | 'online' | 'hybrid';
  venue: MailVenue | null;
}

export interface MailWorkshopView {
  title: string;
  /** "jeudi 12 mars 2027 à 14 h 00 – 15 h 30" */
  when: string;
  room: string | null;
  status: 'confirmed' | 'waitlisted';
  /** Rank on the workshop's waiting list (1 = next), when waitlisted. */
  waitlistPosition: number | null;
}

/** Shared by every message to a registrant. */
export interface MailBase {
  firstName: string;
  lastName: string;
  event: MailEventView;
  /** The registrant's personal manage link (works when the message is read). */
  manageUrl: string;
  /** Where to write about accessibility or anything else (the organisers' address). */
  contactEmail: string;
  /**
   * The registrant asked for messages easy to read and understand (FALC): the templates of
   * templates/mail/easy/. Absent or false: the usual wording.
   */
  easyRead?: boolean;
}

/** For people with a seat: how they attend. */
export interface MailAttendance {
  attendanceMode: 'onsite' | 'online';
  /** The webinar link: only for people confirmed online. */
  onlineUrl: string | null;
  workshops: MailWorkshopView[];
  /** Whether badge / agenda files are attached (they are named in the text when true). */
  hasBadge: boolean;
  hasAgenda: boolean;
}

export type MailView =
  | ({
      kind: 'confirmation';
      /** Workshops allocated by preference, not yet made: when the allocation will be ("… à 12 h 00"); otherwise null. */
      allocationOn: string | null;
    } & MailBase &
      MailAttendance)
  /** The workshops allocated by preference (once, for the whole event). */
  | ({ kind: 'allocation' } & MailBase & MailAttendance)
  | ({ kind: 'waitlisted'; position: number; workshops: MailWorkshopView[] } & MailBase)
  | ({ kind: 'promoted' } & MailBase & MailAttendance)
  | ({ kind: 'workshop_promoted'; workshop: MailWorkshopView; hasAgenda: boolean } & MailBase)
  | ({ kind: 'cancellation'; byOrganiser: boolean } & MailBase)
  | ({
      kind: 'reminder';
      /** "dans 7 jours", "demain", "dans 1 heure": how far off the event is, in words. */
      dueIn: string;
    } & MailBase &
      MailAttendance)
  | ({
      kind: 'session_changed';
      session: {
        title: string;
        /** What the person was last told. */
        before: { when: string; room: string | null };
        /** Now; null when the session was removed from the programme. */
        now: { when: string; room: string | null } | null;
      };
      hasAgenda: boolean;
    } & MailBase)
  | ({ kind: 'event_cancelled'; reason: string | null } & MailBase)
  | ({ kind: 'broadcast'; subject: string; body: string } & MailBase)
  | ({ kind: 'manage_link' } & MailBase);

export type MailKind = MailView['kind'];

export interface RenderedMail {
  /** One line: never carries CR/LF. */
  subject: string;
  html: string;
  text: string;
}
