import { Injectable } from '@nestjs/common';
import type { ProgrammeRow } from './programme.repository';

export interface CachedProgramme {
  /** `<revision>|<event updatedAt>`: the programme and event as they were when read. */
  structureKey: string;
  rows: ProgrammeRow[];
  json?: { seatsKey: string; body: Buffer; etag: string };
  ics?: { body: Buffer; etag: string };
}

const MAX_EVENTS = 100;

/**
 * This instance's memory of recently read programmes. It is never trusted on its own: each read
 * first asks the database for the programme's revision (bumped in every programme write's
 * transaction, whichever instance made it) and the seats, and uses the entry only if they match.
 */
@Injectable()
export class ProgrammeCache {
  private readonly entries = new Map<string, CachedProgramme>();

  find(eventId: string, structureKey: string): CachedProgramme | undefined {
    const entry = this.entries.get(eventId);
    return entry?.structureKey === structureKey ? entry : undefined;
  }

  keep(eventId: string, entry: CachedProgramme): void {
    this.entries.delete(eventId);
    if (this.entries.size >= MAX_EVENTS) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(eventId, entry);
  }
}
