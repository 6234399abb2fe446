import { DomainError } from '../../common/domain-error';
import { fromLocal, localDate, localParts, toZonedIso } from '../../common/time';
import { frenchLocalDate } from '../../pages/french';
import { FormErrors, list, optionalText, text } from '../../pages/form-errors';
import type { FormBody } from '../../pages/registration-form';
import { label, SESSION_TYPE_LABELS } from '../../reference/labels';
import { THEMES } from '../../reference/reference.data';
import type { SessionResponseDto } from '../../programme/sessions/dto/session-response.dto';

const ORDER = ['title', 'type', 'day', 'start', 'end', 'roomId', 'speakerIds', 'capacity', 'themes', 'actionIds', 'description'];
const ANCHORS: Record<string, string> = { speakerIds: 'speakerIds-0', themes: 'themes-0', actionIds: 'actionIds-0' };
/** The API's fields → the form's controls. */
const CONTROL: Record<string, string> = { startsAt: 'start', endsAt: 'end' };

const HH_MM = /^\d{2}:\d{2}$/;

function instant(day: string, time: string, timeZone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !HH_MM.test(time)) return time ? `${day}T${time}` : '';
  return toZonedIso(fromLocal(`${day}T${time}`, timeZone), timeZone);
}

/** The session form's values as the API's body: the DTO and SessionsService decide. */
export function sessionInputFromForm(body: FormBody, timeZone: string): Record<string, unknown> {
  const day = text(body.day);
  const capacity = text(body.capacity).trim();
  return {
    title: text(body.title).trim(),
    type: text(body.type),
    startsAt: instant(day, text(body.start).trim(), timeZone),
    endsAt: instant(day, text(body.end).trim(), timeZone),
    roomId: text(body.roomId) || null,
    speakerIds: list(body.speakerIds),
    themes: list(body.themes),
    actionIds: list(body.actionIds),
    capacity: capacity === '' ? null : /^\d{1,9}$/.test(capacity) ? Number(capacity) : capacity,
    description: optionalText(body.description)?.trim() ?? null,
  };
}

const hhmm = (iso: string, timeZone: string) => {
  const p = localParts(new Date(iso), timeZone);
  return `${p.hour}:${p.minute}`;
};

export function formFromSession(s: SessionResponseDto, timeZone: string): FormBody {
  return {
    title: s.title,
    type: s.type,
    day: localDate(new Date(s.startsAt), timeZone),
    start: hhmm(s.startsAt, timeZone),
    end: hhmm(s.endsAt, timeZone),
    roomId: s.roomId ?? '',
    speakerIds: s.speakerIds,
    themes: s.themes,
    actionIds: s.actionIds,
    capacity: s.capacity === null ? '' : String(s.capacity),
    description: s.description ?? '',
  };
}

function frenchFor(control: string, message: string): string {
  const within = /within the event \((.*)\)/.exec(message);
  if (within) return `La session doit se tenir pendant l’événement (${within[1]}).`;
  switch (control) {
    case 'title':
      return 'Donnez un titre à la session (200 caractères au plus).';
    case 'type':
      return 'Choisissez le type de session.';
    case 'day':
      return 'Choisissez le jour.';
    case 'start':
      return 'Indiquez l’heure de début, par exemple 09:30.';
    case 'end':
      return /after startsAt/.test(message) ? 'La fin doit être après le début.' : 'Indiquez l’heure de fin, par exemple 10:30.';
    case 'roomId':
      return 'Choisissez une salle de l’événement.';
    case 'speakerIds':
      return 'Choisissez des intervenants de l’événement.';
    case 'capacity':
      return 'Saisissez un nombre de places entier, au moins 1, ou laissez vide.';
    case 'themes':
      return 'Choisissez les groupes de travail dans la liste.';
    case 'actionIds':
      return 'Choisissez des actions remarquables de l’événement.';
    case 'description':
      return 'La description compte 10 000 caractères au plus.';
    default:
      return 'Cette valeur n’est pas valide.';
  }
}

/**
 * The session form's errors. A clash (409) keeps SessionsService's own sentence for each field,
 * which names the other session; other refusals are worded per field.
 */
export function sessionErrors(error: DomainError): FormErrors {
  const fields: Record<string, string> = {};
  const clash = error.code === 'session-clash';
  for (const e of error.errors ?? []) {
    const field = e.field.split('.')[0];
    const control = CONTROL[field] ?? field;
    // The id is for API clients; people read the title and the times.
    const message = clash ? `${e.message.replace(/, id [0-9a-f-]{36}\)/i, ')')}.` : frenchFor(control, e.message);
    fields[control] = fields[control] ? (clash ? `${fields[control]} ${message}` : fields[control]) : message;
  }
  const summary: FormErrors['summary'] = ORDER.filter((f) => fields[f]).map((f) => ({ href: `#session-${ANCHORS[f] ?? f}`, message: fields[f] }));
  for (const [f, message] of Object.entries(fields)) if (!ORDER.includes(f)) summary.push({ href: null, message });
  if (!error.errors?.length) summary.push({ href: null, message: error.detail });
  return { fields, summary };
}

export interface SessionFormChoices {
  days: string[];
  rooms: Array<{ id: string; name: string }>;
  speakers: Array<{ id: string; fullName: string }>;
  actions: Array<{ id: string; title: string; status: string }>;
}

/** The session form's controls; ids are prefixed `session-` (the page holds other forms). */
export function sessionFormView(body: FormBody, fields: Record<string, string>, choices: SessionFormChoices) {
  const value = (k: string) => text(body[k]);
  const id = (k: string) => `session-${k}`;
  const input = (k: string, lbl: string, extra: Record<string, unknown> = {}) => ({ id: id(k), name: k, label: lbl, value: value(k), error: fields[k], ...extra });
  const select = (k: string, lbl: string, options: Array<{ code: string; label: string }>, extra: Record<string, unknown> = {}) => ({
    ...input(k, lbl, extra),
    options: options.map((o) => ({ ...o, selected: o.code === value(k) })),
  });
  const checks = (k: string, legend: string, options: Array<{ code: string; label: string }>, hint: string) => ({
    id: id(k),
    name: k,
    legend,
    hint,
    multiple: true,
    small: true,
    error: fields[k],
    options: options.map((o) => ({ ...o, selected: list(body[k]).includes(o.code) })),
  });
  return {
    title: input('title', 'Titre', { required: true }),
    type: select(
      'type',
      'Type',
      Object.entries(SESSION_TYPE_LABELS).map(([code, l]) => ({ code, label: l })),
      { required: true },
    ),
    day: select(
      'day',
      'Jour',
      choices.days.map((d) => ({ code: d, label: frenchLocalDate(d) })),
      { required: true },
    ),
    start: input('start', 'Début', { type: 'time', required: true, hint: 'Par exemple 09:30.' }),
    end: input('end', 'Fin', { type: 'time', required: true, hint: 'Par exemple 10:30.' }),
    roomId: select(
      'roomId',
      'Salle',
      choices.rooms.map((r) => ({ code: r.id, label: r.name })),
      { placeholder: 'Sans salle' },
    ),
    speakerIds: checks(
      'speakerIds',
      'Intervenants',
      choices.speakers.map((s) => ({ code: s.id, label: s.fullName })),
      choices.speakers.length ? 'Cochez les intervenants.' : 'Ajoutez d’abord des intervenants plus bas.',
    ),
    capacity: input('capacity', 'Places (ateliers)', { type: 'number', hint: 'Vide : la capacité de la salle, ou illimité.' }),
    themes: checks('themes', 'Groupes de travail', THEMES, 'Facultatif.'),
    actionIds: checks(
      'actionIds',
      'Actions remarquables présentées',
      choices.actions.map((a) => ({ code: a.id, label: a.status === 'selected' ? a.title : `${a.title} (${label(ACTION_STATUS, a.status)})` })),
      choices.actions.length ? 'Facultatif.' : 'Aucune action remarquable pour l’instant.',
    ),
    description: input('description', 'Description', { multiline: true, hint: 'Facultatif.' }),
  };
}

export const ACTION_STATUS: Record<string, string> = { proposed: 'proposée', selected: 'retenue', rejected: 'refusée' };
