import { Injectable, PipeTransform } from '@nestjs/common';
import { notFound } from './domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** A path id that is not a UUID cannot name anything: answer 404 like any unknown id. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly what = 'Resource') {}
  transform(value: string): string {
    if (!isUuid(value)) throw notFound(this.what);
    return value.toLowerCase();
  }
}
