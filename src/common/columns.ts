import { ValueTransformer } from 'typeorm';

/** PostgreSQL `timestamptz` ⇄ Date, kept explicit so every layer speaks Date. */
export const dateTransformer: ValueTransformer = {
  to: (value: Date | null | undefined) => value,
  from: (value: Date | string | null) => (value === null ? null : value instanceof Date ? value : new Date(value)),
};
