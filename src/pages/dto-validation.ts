import type { ValidationPipe } from '@nestjs/common';
import { createValidationPipe } from '../common/validation';

const pipe: ValidationPipe = createValidationPipe();

/**
 * A form's values through the API's own validation (the same DTO, the same pipe): a page never
 * has rules of its own. Throws the API's 422 DomainError with its field errors.
 */
export async function validateAs<T extends object>(metatype: new () => T, plain: object): Promise<T> {
  return (await pipe.transform(plain, { type: 'body', metatype })) as T;
}
