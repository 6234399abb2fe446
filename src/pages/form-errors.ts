import { DomainError, FieldError } from '../common/domain-error';

export type FieldMessages = Record<string, string>;

/** A form's errors: one French sentence per field, and the summary in the form's order. */
export interface FormErrors {
  fields: FieldMessages;
  summary: Array<{ href: string | null; message: string }>;
}

export const NO_ERRORS: FormErrors = { fields: {}, summary: [] };

/**
 * Words the API's refusals for people, field by field. The rules stay where they are (the DTOs and
 * the services); this only says, in French, what to fix. `wording` gives the sentence for a field
 * the DTO refused; a domain refusal's own French detail is used for its fields.
 * `anchors` maps a field to the id of the control to focus from the summary.
 */
export function formErrors(error: DomainError, wording: FieldMessages, order: string[], anchors: Record<string, string> = {}): FormErrors {
  const fields: FieldMessages = {};
  const fromDto = error.code === 'validation';
  for (const e of error.errors ?? ([] as FieldError[])) {
    const field = e.field.split('.')[0];
    if (fields[field]) continue;
    fields[field] = fromDto || !error.detail ? (wording[field] ?? 'Cette valeur n’est pas valide.') : error.detail;
  }
  const summary: FormErrors['summary'] = order.filter((f) => fields[f]).map((f) => ({ href: `#${anchors[f] ?? f}`, message: fields[f] }));
  // Fields the form does not show, and refusals without a field (registration closed…): said in the summary.
  for (const [field, message] of Object.entries(fields)) if (!order.includes(field)) summary.push({ href: null, message });
  if (!error.errors?.length) summary.push({ href: null, message: error.detail });
  return { fields, summary };
}

/** A single string from a form value (the first when a name was sent twice). */
export function text(value: unknown): string {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === 'string' ? value : '';
}

/** Every value sent under a name (checkboxes). */
export function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** An optional text: absent when left empty. */
export function optionalText(value: unknown): string | undefined {
  const t = text(value);
  return t.trim() === '' ? undefined : t;
}
