import { DomainError } from '../../common/domain-error';
import { fromLocal, localParts, toZonedIso } from '../../common/time';
import type { EventResponseDto } from '../../events/dto/event-response.dto';
import { list, optionalText, text } from '../../pages/form-errors';
import type { FormBody } from '../../pages/registration-form';
import { EVENT_FORMAT_LABELS, EVENT_KIND_LABELS } from '../../reference/labels';
import { DEPARTMENTS, THEMES } from '../../reference/reference.data';

export const EVENT_FIELD_ORDER = [
  'title',
  'kind',
  'format',
  'description',
  'startsAt',
  'endsAt',
  'venueName',
  'venueAddress',
  'venuePostalCode',
  'venueCity',
  'onlineUrl',
  'capacity',
  'onlineCapacity',
  'registrationOpensAt',
  'registrationClosesAt',
  'themes',
  'departments',
];
export const EVENT_FIELD_ANCHORS = { kind: 'kind', format: 'format-0', themes: 'themes-0', departments: 'departments-0' };

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** `2027-03-11T09:00` (a datetime-local field, the event's zone) → the API's instant; anything else is left for the DTO to refuse. */
function instant(value: unknown, timeZone: string): string | null | undefined {
  const t = text(value).trim();
  if (t === '') return null;
  return LOCAL.test(t) ? toZonedIso(fromLocal(t, timeZone), timeZone) : t;
}

/** An instant → the value of a datetime-local field in the event's zone. */
export function localInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const p = localParts(new Date(iso), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const integer = (value: unknown): number | string | null => {
  const t = text(value).trim();
  if (t === '') return null;
  return /^\d{1,9}$/.test(t) ? Number(t) : t;
};

/**
 * The form's values as the API's body (CreateEventDto / UpdateEventDto): the page decides
 * nothing, the DTO and EventsService do. Empty optional fields are null (cleared).
 */
export function eventInputFromForm(body: FormBody, timezone = 'Europe/Paris'): Record<string, unknown> {
  const venue = { name: text(body.venueName).trim(), address: text(body.venueAddress).trim(), postalCode: text(body.venuePostalCode).trim(), city: text(body.venueCity).trim() };
  const format = text(body.format);
  return {
    title: text(body.title).trim(),
    kind: text(body.kind),
    format,
    description: optionalText(body.description)?.trim() ?? null,
    startsAt: instant(body.startsAt, timezone) ?? '',
    endsAt: instant(body.endsAt, timezone) ?? '',
    timezone,
    venue: Object.values(venue).every((v) => v === '') ? null : venue,
    onlineUrl: optionalText(body.onlineUrl)?.trim() ?? null,
    capacity: integer(body.capacity),
    onlineCapacity: integer(body.onlineCapacity),
    registrationOpensAt: instant(body.registrationOpensAt, timezone),
    registrationClosesAt: instant(body.registrationClosesAt, timezone),
    themes: list(body.themes),
    departments: list(body.departments),
  };
}

/** The event's values as the form shows them (editing). */
export function formFromEvent(e: EventResponseDto): FormBody {
  return {
    title: e.title,
    kind: e.kind,
    format: e.format,
    description: e.description ?? '',
    startsAt: localInput(e.startsAt, e.timezone),
    endsAt: localInput(e.endsAt, e.timezone),
    venueName: e.venue?.name ?? '',
    venueAddress: e.venue?.address ?? '',
    venuePostalCode: e.venue?.postalCode ?? '',
    venueCity: e.venue?.city ?? '',
    onlineUrl: e.onlineUrl ?? '',
    capacity: e.capacity === null ? '' : String(e.capacity),
    onlineCapacity: e.onlineCapacity === null ? '' : String(e.onlineCapacity),
    registrationOpensAt: localInput(e.registrationOpensAt, e.timezone),
    registrationClosesAt: localInput(e.registrationClosesAt, e.timezone),
    themes: e.themes,
    departments: e.departments,
  };
}

const VENUE_FIELDS: Record<string, string> = { name: 'venueName', address: 'venueAddress', postalCode: 'venuePostalCode', city: 'venueCity' };

/** The API's field names → the form's (`venue.city` → `venueCity`; a missing venue → its name field). */
export function toFormFields(error: DomainError): DomainError {
  const errors = error.errors?.map((e) => {
    const [head, sub] = e.field.split('.');
    if (head !== 'venue') return e;
    return { ...e, field: (sub && VENUE_FIELDS[sub]) || 'venueName' };
  });
  return new DomainError(error.status, error.code, error.title, error.detail, errors, error.headers);
}

/** What to fix, in French, for a field the API refused (its English message picks among cases). */
export function eventWording(error: DomainError): Record<string, string> {
  const words: Record<string, string> = {};
  for (const e of error.errors ?? []) {
    if (!words[e.field]) words[e.field] = frenchFor(e.field, e.message);
  }
  return words;
}

function frenchFor(field: string, message: string): string {
  switch (field) {
    case 'title':
      return 'Donnez un titre à l’événement (de 3 à 200 caractères).';
    case 'kind':
      return 'Choisissez le type d’événement.';
    case 'format':
      return 'Choisissez le format : sur place, en ligne ou hybride.';
    case 'description':
      return 'La description compte 20 000 caractères au plus.';
    case 'startsAt':
      return 'Indiquez la date et l’heure de début.';
    case 'endsAt':
      if (/after startsAt/.test(message)) return 'La fin doit être après le début.';
      if (/31 days/.test(message)) return 'Un événement dure 31 jours au plus.';
      return 'Indiquez la date et l’heure de fin.';
    case 'venueName':
      return /required/.test(message) ? 'Indiquez le lieu (nom, adresse, code postal, ville) : il est obligatoire sauf pour un événement en ligne.' : 'Indiquez le nom du lieu.';
    case 'venueAddress':
      return 'Indiquez l’adresse du lieu.';
    case 'venuePostalCode':
      return 'Saisissez un code postal à 5 chiffres, par exemple 34000.';
    case 'venueCity':
      return 'Indiquez la ville.';
    case 'onlineUrl':
      return /required/.test(message)
        ? 'Indiquez le lien de connexion : il est obligatoire sauf pour un événement sur place.'
        : 'Saisissez une adresse web complète, commençant par https://.';
    case 'capacity':
      return /required/.test(message)
        ? 'Indiquez le nombre de places sur place : il est obligatoire sauf pour un événement en ligne.'
        : 'Saisissez un nombre de places entier, au moins 1.';
    case 'onlineCapacity':
      return /only for hybrid/.test(message)
        ? 'Les places en ligne ne se donnent que pour un événement hybride : laissez ce champ vide.'
        : 'Saisissez un nombre de places entier, au moins 1, ou laissez vide (illimité).';
    case 'registrationOpensAt':
      return /before the event ends/.test(message) ? 'L’ouverture des inscriptions doit précéder la fin de l’événement.' : 'Indiquez une date et une heure valides.';
    case 'registrationClosesAt':
      if (/after registrationOpensAt/.test(message)) return 'La clôture des inscriptions doit suivre leur ouverture.';
      if (/after the event ends/.test(message)) return 'La clôture des inscriptions ne peut pas suivre la fin de l’événement.';
      return 'Indiquez une date et une heure valides.';
    case 'themes':
      return 'Choisissez les groupes de travail dans la liste.';
    case 'departments':
      return 'Choisissez les départements dans la liste.';
    default:
      return 'Cette valeur n’est pas valide.';
  }
}

/** The form's view model: each field with its value and its error. */
export function eventFormView(body: FormBody, fields: Record<string, string>) {
  const value = (k: string) => text(body[k]);
  const input = (id: string, label: string, extra: Record<string, unknown> = {}) => ({ id, name: id, label, value: value(id), error: fields[id], ...extra });
  const checks = (id: string, legend: string, items: Array<{ code: string; label: string }>, hint: string) => ({
    id,
    name: id,
    legend,
    hint,
    multiple: true,
    small: true,
    error: fields[id],
    options: items.map((i) => ({ ...i, selected: list(body[id]).includes(i.code) })),
  });
  return {
    title: input('title', 'Titre', { required: true }),
    kind: {
      ...input('kind', 'Type d’événement', { required: true }),
      options: Object.entries(EVENT_KIND_LABELS).map(([code, label]) => ({ code, label, selected: code === value('kind') })),
    },
    format: {
      id: 'format',
      name: 'format',
      legend: 'Format',
      required: true,
      inline: true,
      error: fields.format,
      options: Object.entries(EVENT_FORMAT_LABELS).map(([code, label]) => ({ code, label, selected: code === value('format') })),
    },
    description: input('description', 'Description', { multiline: true, hint: 'Facultatif. Présentée sur la page publique.' }),
    dates: [
      input('startsAt', 'Début', { type: 'datetime-local', required: true, hint: 'Heure de Paris.' }),
      input('endsAt', 'Fin', { type: 'datetime-local', required: true, hint: 'Heure de Paris.' }),
    ],
    venue: [
      input('venueName', 'Nom du lieu', { hint: 'Obligatoire sauf en ligne.' }),
      input('venueAddress', 'Adresse'),
      input('venuePostalCode', 'Code postal', { autocomplete: 'postal-code' }),
      input('venueCity', 'Ville'),
    ],
    online: [input('onlineUrl', 'Lien de connexion', { type: 'url', hint: 'Obligatoire sauf sur place. Envoyé aux seuls inscrits confirmés en ligne.' })],
    places: [
      input('capacity', 'Places sur place', { type: 'number', hint: 'En ligne : places en ligne (vide : illimité).' }),
      input('onlineCapacity', 'Places en ligne', { type: 'number', hint: 'Événement hybride seulement ; vide : illimité.' }),
    ],
    window: [
      input('registrationOpensAt', 'Ouverture des inscriptions', { type: 'datetime-local', hint: 'Facultatif : dès la publication.' }),
      input('registrationClosesAt', 'Clôture des inscriptions', { type: 'datetime-local', hint: 'Facultatif : au début de l’événement.' }),
    ],
    themes: checks('themes', 'Groupes de travail', THEMES, 'Facultatif.'),
    departments: checks(
      'departments',
      'Départements concernés',
      DEPARTMENTS.slice(0, 13).map((d) => ({ code: d.code, label: `${d.label} (${d.code})` })),
      'Facultatif.',
    ),
  };
}
