/** French labels of the domain's codes (session types, event kinds and formats, attendance modes), for documents and pages alike. */

export const SESSION_TYPE_LABELS: Record<string, string> = {
  plenary: 'Plénière',
  workshop: 'Atelier',
  round_table: 'Table ronde',
  talk: 'Intervention',
  break: 'Pause',
  networking: 'Temps d’échanges',
};

export const EVENT_KIND_LABELS: Record<string, string> = {
  conference: 'Rencontre régionale',
  study_day: 'Journée d’étude',
  webinar: 'Webinaire',
};

export const EVENT_FORMAT_LABELS: Record<string, string> = {
  onsite: 'Sur place',
  online: 'En ligne',
  hybrid: 'Sur place et en ligne',
};

export const ATTENDANCE_MODE_LABELS: Record<string, string> = {
  onsite: 'Sur place',
  online: 'En ligne',
};

export const label = (labels: Record<string, string>, code: string): string => labels[code] ?? code;
