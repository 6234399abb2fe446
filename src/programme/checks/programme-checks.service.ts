import { Injectable } from '@nestjs/common';
import { EventsRepository } from '../../events/events.repository';
import { existingEvent } from '../event-access';
import { ProgrammeRepository } from '../programme-view/programme.repository';
import { checkProgramme } from './programme-checks';
import { ProgrammeChecksDto } from './programme-checks.dto';

@Injectable()
export class ProgrammeChecksService {
  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly events: EventsRepository,
  ) {}

  async check(eventId: string): Promise<ProgrammeChecksDto> {
    const event = existingEvent(await this.events.findById(eventId));
    const [rows, idle] = await Promise.all([this.programme.programmeOf(eventId), this.programme.speakersWithoutSession(eventId)]);
    return checkProgramme(event, rows, idle);
  }
}
