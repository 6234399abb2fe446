import { registerDecorator, ValidationOptions } from 'class-validator';
import { isRealTimestamp, isValidTimeZone } from './time';

/** An ISO 8601 timestamp with its offset, naming a real instant. */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimestamp',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be an ISO 8601 timestamp with offset, e.g. 2027-03-12T09:00:00+01:00', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isRealTimestamp(value),
      },
    });
}

export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be an IANA time zone, e.g. Europe/Paris', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.includes('/') && isValidTimeZone(value) },
    });
}
