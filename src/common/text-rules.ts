import { getMetadataStorage, registerDecorator } from 'class-validator';
import type { FieldError } from './domain-error';

/**
 * What any text sent to us may hold, decided here for every field of every body, query and
 * path: no control character (PostgreSQL refuses NUL, terminals and mail headers act on the
 * rest), and no line break unless the field is declared `@MultiLine()`. One-line is the
 * default so that a new field is safe before anyone thinks about it.
 */

// C0 controls but tab, LF and CR; DEL; C1 controls (U+0085 NEL included).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

const MULTI_LINE = 'multiLine';

/**
 * A free-text field that may span lines (a description, a bio). Registered as a class-validator
 * rule that always passes, so that PartialType / PickType carry it over with the other rules.
 */
export function MultiLine(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: MULTI_LINE,
      target: target.constructor,
      propertyName: propertyName as string,
      validator: { validate: () => true },
    });
}

/** A DTO class, as class-validator's metadata storage takes it. */
type DtoClass = Parameters<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[0];

const multiLineFields = new Map<DtoClass, Set<string>>();

function multiLineOf(type: DtoClass): Set<string> {
  let fields = multiLineFields.get(type);
  if (!fields) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
    fields = new Set(metadata.filter((m) => m.name === MULTI_LINE).map((m) => m.propertyName));
    multiLineFields.set(type, fields);
  }
  return fields;
}

export const hasControlCharacter = (text: string) => CONTROL.test(text);

/** Control characters anywhere in a parsed body or query (before any transformation). */
export function controlCharacterErrors(value: unknown, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  // Iterative: a body's depth is bounded by the parser, but a walk should not rely on it.
  const stack: Array<{ value: unknown; path: string }> = [{ value, path }];
  while (stack.length) {
    const { value: node, path: at } = stack.pop()!;
    if (typeof node === 'string') {
      if (CONTROL.test(node)) errors.push({ field: at, message: 'must not contain control characters' });
    } else if (node && typeof node === 'object') {
      const array = Array.isArray(node);
      for (const [key, item] of Object.entries(node)) {
        if (CONTROL.test(key)) errors.push({ field: at || '(key)', message: 'field names must not contain control characters' });
        else stack.push({ value: item, path: array ? at : at ? `${at}.${key}` : key });
      }
    }
  }
  return dedupe(errors);
}

/** Line breaks in the one-line fields of a validated DTO (nested DTOs included). */
export function lineBreakErrors(dto: unknown, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (node: unknown, at: string, multiLine: boolean, depth: number) => {
    if (depth > 64) return;
    if (typeof node === 'string') {
      if (!multiLine && LINE_BREAK.test(node)) errors.push({ field: at, message: 'must be a single line' });
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, at, multiLine, depth + 1);
    } else if (node && typeof node === 'object') {
      // Plain query objects (no DTO) have a null prototype: no field of theirs may span lines.
      const type = (node as { constructor?: unknown }).constructor;
      const allowed = typeof type === 'function' ? multiLineOf(type) : new Set<string>();
      for (const [key, item] of Object.entries(node)) visit(item, at ? `${at}.${key}` : key, allowed.has(key), depth + 1);
    }
  };
  visit(dto, path, false, 0);
  return dedupe(errors);
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field + e.message) ? false : (seen.add(e.field + e.message), true)));
}
