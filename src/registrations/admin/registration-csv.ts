import { localParts } from '../../common/time';
import { accessibilityLabel, departmentLabel, organisationTypeLabel } from '../../reference/reference.data';
import type { AttendanceMode, RegistrationStatus } from '../registration.entity';
import type { SessionChoiceStatus } from '../session-choice.entity';

/** One line of the organisers' export, as read from the database. */
export interface ExportRow {
  lastName: string;
  firstName: string;
  email: string;
  organisation: string | null;
  jobTitle: string | null;
  organisationType: string;
  department: string | null;
  attendanceMode: AttendanceMode;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  sessions: Array<{ title: string; status: SessionChoiceStatus }>;
  accessibilityNeeds: string | null;
  accessibility: string[];
  travelSupport: boolean;
  dietaryRequirements: string | null;
  photoConsent: boolean;
  createdAt: Date;
  checkedInAt: Date | null;
}

export const CSV_HEADERS = [
  'Nom',
  'Prénom',
  'E-mail',
  'Organisation',
  'Fonction',
  'Type d’organisation',
  'Département',
  'Mode de participation',
  'Statut',
  'Rang liste d’attente',
  'Ateliers',
  'Besoins d’accessibilité',
  'Aide au déplacement',
  'Régime alimentaire',
  'Consentement photo',
  'Inscrit le',
  'Présent le',
];

const STATUS_LABELS: Record<RegistrationStatus, string> = { confirmed: 'Confirmé', waitlisted: 'Liste d’attente', cancelled: 'Annulé' };
const MODE_LABELS: Record<AttendanceMode, string> = { onsite: 'Sur place', online: 'En ligne' };

/**
 * A spreadsheet runs a cell starting with one of these as a formula (CSV injection):
 * a leading apostrophe makes it plain text, as OWASP recommends.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** `11/03/2027 09:05` in the event's zone: what a French spreadsheet reads as a date. */
export function frenchDateTime(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

function sessionsCell(sessions: ExportRow['sessions']): string {
  return sessions.map((s) => (s.status === 'waitlisted' ? `${s.title} (liste d’attente)` : s.title)).join(' | ');
}

/** The cells of one registration, in CSV_HEADERS order, every one safe to open in a spreadsheet. */
export function toCsvRecord(row: ExportRow, timeZone: string): string[] {
  const cells = [
    row.lastName,
    row.firstName,
    row.email,
    row.organisation ?? '',
    row.jobTitle ?? '',
    organisationTypeLabel(row.organisationType),
    row.department ? `${row.department} – ${departmentLabel(row.department)}` : '',
    MODE_LABELS[row.attendanceMode] ?? row.attendanceMode,
    STATUS_LABELS[row.status] ?? row.status,
    row.status === 'waitlisted' && row.waitlistPosition !== null ? String(row.waitlistPosition) : '',
    sessionsCell(row.sessions),
    [...row.accessibility.map(accessibilityLabel), ...(row.accessibilityNeeds ? [row.accessibilityNeeds] : [])].join(' | '),
    row.travelSupport ? 'Oui' : 'Non',
    row.dietaryRequirements ?? '',
    row.photoConsent ? 'Oui' : 'Non',
    frenchDateTime(row.createdAt, timeZone),
    row.checkedInAt ? frenchDateTime(row.checkedInAt, timeZone) : '',
  ];
  return cells.map(neutraliseFormula);
}
