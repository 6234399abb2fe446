import { Injectable } from '@nestjs/common';
import { EventsRepository } from '../../events/events.repository';
import { EventStatsDto } from './dto/event-stats.dto';
import { CheckInStatsDto } from './dto/event-stats.dto';
import { toCheckInStats, toEventStats } from './event-stats.mapper';
import { EventStatsRepository, NeedCount, SessionNeeds } from './event-stats.repository';
import { requireEvent } from './require-event';

/** The figures the commissioner reports for an event. */
@Injectable()
export class EventStatsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly stats: EventStatsRepository,
  ) {}

  async forEvent(eventId: string): Promise<EventStatsDto> {
    const event = await requireEvent(this.events, eventId);
    const counts = await this.stats.inSnapshot(async (manager) => ({
      byStatusAndMode: await this.stats.countByStatusAndMode(event.id, manager),
      byOrganisationType: await this.stats.confirmedByOrganisationType(event.id, manager),
      byDepartment: await this.stats.confirmedByDepartment(event.id, manager),
      byTheme: await this.stats.confirmedChoicesByTheme(event.id, manager),
      sessions: await this.stats.workshopFill(event.id, manager),
    }));
    return toEventStats(counts);
  }

  /** The check-in figures alone (one grouped count): the running count of arrivals at the door. */
  async checkIn(eventId: string): Promise<CheckInStatsDto> {
    return toCheckInStats(await this.stats.countByStatusAndMode(eventId, this.stats.manager));
  }

  /** Needs to order for (interpreters, meals): the texts confirmed registrants gave, counted, and per workshop. */
  async needs(eventId: string): Promise<{ event: NeedCount[]; sessions: SessionNeeds[] }> {
    const event = await requireEvent(this.events, eventId);
    const [texts, sessions] = await Promise.all([this.stats.confirmedNeeds(event.id), this.stats.workshopNeeds(event.id)]);
    return { event: texts, sessions };
  }
}
