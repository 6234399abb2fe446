import type { EventResponseDto } from '../events/dto/event-response.dto';
import type { ProgrammeDto } from '../programme/programme-view/programme.dto';
import { ACCESSIBILITY_NEEDS, DEPARTMENTS, ORGANISATION_TYPES } from '../reference/reference.data';
import type { FormErrors } from './form-errors';
import { optionalText, text } from './form-errors';
import { frenchLocalDate, frenchTime } from './french';
import { workshopSeats } from './event-view';
import { ATTENDANCE_MODE_LABELS } from '../reference/labels';

export type FormBody = Record<string, unknown>;

/** The French sentence for each field the registration DTOs may refuse. */
export const REGISTRATION_WORDING: Record<string, string> = {
  firstName: 'Indiquez votre prénom (100 caractères au plus).',
  lastName: 'Indiquez votre nom (100 caractères au plus).',
  email: 'Saisissez une adresse électronique valide, par exemple camille.durand@exemple.fr.',
  organisation: 'Le nom de l’organisation compte 200 caractères au plus.',
  organisationType: 'Choisissez le type de votre organisation.',
  jobTitle: 'La fonction compte 200 caractères au plus.',
  department: 'Choisissez un département dans la liste.',
  attendanceMode: 'Indiquez si vous participerez sur place ou en ligne.',
  sessionIds: 'Ce choix d’ateliers n’est pas possible.',
  preferences: 'Ce classement n’est pas possible : un seul 1er, 2e et 3e choix par créneau.',
  accessibility: 'Ce choix de besoins n’est pas possible.',
  travelSupport: 'Cochez la case ou laissez-la vide.',
  accessibilityNeeds: 'Ce champ compte 1 000 caractères au plus.',
  dietaryRequirements: 'Ce champ compte 1 000 caractères au plus.',
  photoConsent: 'Cochez la case ou laissez-la vide.',
  consent: 'Cochez cette case pour vous inscrire : votre accord est nécessaire pour traiter votre inscription.',
};

/** The form's fields in their order on the page, and the control the summary links each to. */
export const REGISTRATION_ORDER = [
  'firstName',
  'lastName',
  'email',
  'organisation',
  'organisationType',
  'jobTitle',
  'department',
  'attendanceMode',
  'sessionIds',
  'preferences',
  'accessibility',
  'travelSupport',
  'accessibilityNeeds',
  'dietaryRequirements',
  'photoConsent',
  'consent',
];
export const REGISTRATION_ANCHORS: Record<string, string> = {
  attendanceMode: 'attendanceMode-0',
  sessionIds: 'ateliers',
  preferences: 'ateliers',
  consent: 'consent',
  photoConsent: 'photoConsent',
  accessibility: 'accessibility-0',
  travelSupport: 'travelSupport',
};

/** A checkbox group arrives as nothing, one string or several. */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => text(v)).filter((v) => v !== '');
  const one = text(value);
  return one === '' ? [] : [one];
}

const SLOT_FIELD = /^atelier_\d+$/;

/** The workshops chosen: one radio group per slot, "" for "aucun atelier". */
export function chosenWorkshops(body: FormBody): string[] {
  return Object.keys(body)
    .filter((k) => SLOT_FIELD.test(k))
    .map((k) => text(body[k]))
    .filter((v) => v !== '');
}

const RANK_FIELD = /^rang_([0-9a-fA-F-]{36})$/;
const RANKS = [
  { code: '1', label: '1er choix' },
  { code: '2', label: '2e choix' },
  { code: '3', label: '3e choix' },
];

/** Workshops allocated by preference: one select per workshop, `rang_<id>` = "1" | "2" | "3" or "". */
export function rankedWorkshops(body: FormBody): Array<{ sessionId: string; rank: number }> {
  return Object.keys(body)
    .map((k) => ({ match: RANK_FIELD.exec(k), value: text(body[k]) }))
    .filter((f) => f.match && f.value !== '')
    .map((f) => ({ sessionId: f.match![1], rank: Number(f.value) }));
}

/** The person's details as the API takes them (empty optional fields are left out). */
export function detailsFromForm(body: FormBody, event: Pick<EventResponseDto, 'format'>): Record<string, unknown> {
  return {
    firstName: text(body.firstName),
    lastName: text(body.lastName),
    email: text(body.email),
    organisation: optionalText(body.organisation) ?? null,
    organisationType: text(body.organisationType),
    jobTitle: optionalText(body.jobTitle) ?? null,
    ...(optionalText(body.department) ? { department: text(body.department) } : { department: null }),
    ...(event.format === 'hybrid' && optionalText(body.attendanceMode) ? { attendanceMode: text(body.attendanceMode) } : {}),
    accessibility: listOf(body.accessibility),
    travelSupport: text(body.travelSupport) === 'true',
    accessibilityNeeds: optionalText(body.accessibilityNeeds) ?? null,
    dietaryRequirements: optionalText(body.dietaryRequirements) ?? null,
    photoConsent: text(body.photoConsent) === 'true',
  };
}

/** The body of POST /api/events/{id}/registrations, from the form. */
export function registrationFromForm(body: FormBody, event: Pick<EventResponseDto, 'format'>): Record<string, unknown> {
  return {
    ...detailsFromForm(body, event),
    // The form shows ranks or seats, as the event allocates its workshops; the API decides which it takes.
    ...(rankedWorkshops(body).length ? { preferences: rankedWorkshops(body) } : { sessionIds: chosenWorkshops(body) }),
    consent: text(body.consent) === 'true',
  };
}

/** Values to show again in the form: what was typed, or the registration's current details. */
export type FormValues = Record<string, string | string[] | boolean | null | undefined>;

export function valuesFromBody(body: FormBody): FormValues {
  return {
    ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v : ''])),
    sessionIds: chosenWorkshops(body),
  };
}

function field(id: string, label: string, values: FormValues, errors: FormErrors, extra: Record<string, unknown> = {}) {
  const value = values[id];
  return { id, name: id, label, value: typeof value === 'string' ? value : '', error: errors.fields[id], ...extra };
}

function options(items: Array<{ code: string; label: string }>, selected: unknown) {
  return items.map((i) => ({ code: i.code, label: i.label, selected: i.code === selected }));
}

/** The workshops of the programme, one radio group per slot of parallel workshops. */
export function workshopGroups(programme: ProgrammeDto, chosen: string[], error?: string) {
  const tz = programme.event.timezone;
  const groups = [];
  let n = 0;
  for (const day of programme.days) {
    for (const slot of day.slots) {
      const workshops = slot.sessions.filter((s) => s.type === 'workshop');
      if (!workshops.length) continue;
      const name = `atelier_${n++}`;
      const picked = workshops.find((w) => chosen.includes(w.id))?.id ?? '';
      groups.push({
        id: `${name}-choix`,
        name,
        legend: `${frenchLocalDate(day.date)}, ${frenchTime(slot.startsAt, tz)} – ${frenchTime(slot.endsAt, tz)}`,
        small: true,
        error,
        options: [
          { code: '', label: 'Aucun atelier sur ce créneau', selected: picked === '' },
          ...workshops.map((w) => {
            const seats = workshopSeats(w);
            const hint = [w.room?.name, seats.label].filter(Boolean).join(' · ');
            return { code: w.id, label: seats.full ? `${w.title} (liste d’attente)` : w.title, hint: hint || undefined, selected: picked === w.id };
          }),
        ],
      });
    }
  }
  return groups;
}

/** Workshops allocated by preference: per slot, a select of rank for each workshop. */
export function rankGroups(programme: ProgrammeDto, body: FormValues) {
  const tz = programme.event.timezone;
  const groups = [];
  for (const day of programme.days) {
    for (const slot of day.slots) {
      const workshops = slot.sessions.filter((s) => s.type === 'workshop');
      if (!workshops.length) continue;
      groups.push({
        legend: `${frenchLocalDate(day.date)}, ${frenchTime(slot.startsAt, tz)} – ${frenchTime(slot.endsAt, tz)}`,
        selects: workshops.map((w) => {
          const id = `rang_${w.id}`;
          const value = typeof body[id] === 'string' ? body[id] : '';
          return { id, name: id, label: w.title, hint: w.room?.name, value, placeholder: 'Pas de classement', options: RANKS.map((r) => ({ ...r, selected: r.code === value })) };
        }),
      });
    }
  }
  return groups;
}

/** The registrant-details part of a form (the registration form and the manage page share it). */
export function detailFields(values: FormValues, errors: FormErrors, event: Pick<EventResponseDto, 'format'>) {
  return {
    identity: [
      field('firstName', 'Prénom', values, errors, { required: true, autocomplete: 'given-name' }),
      field('lastName', 'Nom', values, errors, { required: true, autocomplete: 'family-name' }),
      field('email', 'Adresse électronique', values, errors, {
        required: true,
        type: 'email',
        autocomplete: 'email',
        hint: 'Format attendu : nom@domaine.fr. Votre confirmation et votre lien de gestion y seront envoyés.',
      }),
    ],
    organisation: [
      field('organisation', 'Organisation', values, errors, { autocomplete: 'organization', hint: 'Facultatif. Par exemple : CAF de l’Hérault, association, mairie…' }),
      field('jobTitle', 'Fonction', values, errors, { autocomplete: 'organization-title', hint: 'Facultatif.' }),
    ],
    organisationType: { ...field('organisationType', 'Type d’organisation', values, errors, { required: true }), options: options(ORGANISATION_TYPES, values.organisationType) },
    department: {
      ...field('department', 'Département', values, errors, { hint: 'Facultatif : le département où vous agissez.' }),
      options: options(
        DEPARTMENTS.map((d) => ({ code: d.code, label: `${d.label} (${d.code})` })),
        values.department,
      ),
    },
    attendanceMode:
      event.format === 'hybrid'
        ? {
            id: 'attendanceMode',
            name: 'attendanceMode',
            legend: 'Mode de participation',
            required: true,
            inline: true,
            error: errors.fields.attendanceMode,
            options: ['onsite', 'online'].map((m) => ({ code: m, label: ATTENDANCE_MODE_LABELS[m], selected: values.attendanceMode === m })),
          }
        : null,
    accessibility: {
      id: 'accessibility',
      name: 'accessibility',
      legend: 'Besoins pour participer',
      hint: 'Facultatif. Cochez ce qui vous aide : les organisateurs le préparent pour vous.',
      multiple: true,
      small: true,
      error: errors.fields.accessibility,
      options: ACCESSIBILITY_NEEDS.map((n) => ({ code: n.code, label: n.label, selected: listOf(values.accessibility).includes(n.code) })),
    },
    travelSupport: { id: 'travelSupport', checked: values.travelSupport === 'true' || values.travelSupport === true, error: errors.fields.travelSupport },
    needs: [
      field('accessibilityNeeds', 'Autres besoins d’accessibilité', values, errors, {
        multiline: true,
        hint: 'Facultatif. Ce que les cases ci-dessus ne disent pas.',
      }),
      field('dietaryRequirements', 'Régime alimentaire', values, errors, { multiline: true, hint: 'Facultatif. Par exemple : végétarien, sans porc, allergie.' }),
    ],
    photoConsent: { id: 'photoConsent', checked: values.photoConsent === 'true' || values.photoConsent === true, error: errors.fields.photoConsent },
  };
}

/** The given sessions of the programme by id, with when each happens in French (only those are worded). */
export function sessionIndex(programme: ProgrammeDto, ids: readonly string[]): Map<string, { title: string; when: string }> {
  const tz = programme.event.timezone;
  const wanted = new Set(ids);
  const index = new Map<string, { title: string; when: string }>();
  for (const day of programme.days) {
    for (const slot of day.slots) {
      for (const s of slot.sessions) {
        if (!wanted.has(s.id)) continue;
        index.set(s.id, { title: s.title, when: `${frenchLocalDate(day.date)}, ${frenchTime(s.startsAt, tz)} – ${frenchTime(s.endsAt, tz)}` });
      }
    }
  }
  return index;
}
