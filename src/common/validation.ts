import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, notFound, unprocessable } from './domain-error';
import { controlCharacterErrors, hasControlCharacter, lineBreakErrors } from './text-rules';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith('property ') && message.endsWith('should not exist') ? 'unknown field' : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const invalid = (errors: FieldError[]) => unprocessable('validation', 'La requête contient des valeurs invalides.', errors);

/**
 * The one gate every body, query and path parameter goes through: the text rules
 * (`text-rules.ts`) on the raw value, then class-validator, then the one-line rule on the DTO.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param' && typeof value === 'string' && hasControlCharacter(value)) {
      // A path segment with a control character cannot name anything.
      throw notFound('Resource');
    }
    if (metadata.type === 'body' || metadata.type === 'query') {
      const errors = controlCharacterErrors(value, metadata.data ?? '');
      if (errors.length) throw invalid(errors);
    }
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type === 'body' || metadata.type === 'query') {
      const errors = lineBreakErrors(result, metadata.data ?? '');
      if (errors.length) throw invalid(errors);
    }
    return result;
  }
}

/** Unknown fields are rejected; every broken rule is reported as `{ field, message }` with 422. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}
