import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { EventsRepository } from '../../events/events.repository';
import { CheckInStatsDto, EventStatsDto } from './dto/event-stats.dto';
import { toCheckInStats, toEventStats } from './event-stats.mapper';
import { EventStatsRepository, SessionNeeds, StatedNeed } from './event-stats.repository';
import { requireEvent } from './require-event';

/** The figures the commissioner reports for an event. */
@Injectable()
export class EventStatsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly stats: EventStatsRepository,
    private readonly clock: Clock,
  ) {}

  async forEvent(eventId: string): Promise<EventStatsDto> {
    const event = await requireEvent(this.events, eventId);
    const counts = await this.stats.inSnapshot(async (manager) => ({
      byStatusAndMode: await this.stats.countByStatusAndMode(event.id, manager),
      byOrganisationType: await this.stats.confirmedByOrganisationType(event.id, manager),
      byDepartment: await this.stats.confirmedByDepartment(event.id, manager),
      byTheme: await this.stats.confirmedChoicesByTheme(event.id, manager),
      sessions: await this.stats.workshopFill(event.id, manager),
      needs: await this.stats.confirmedNeeds(event.id, manager),
    }));
    // Kept seats as the seat rule counts them (the same figures as the event's own answer).
    const seats = await this.events.seatsFor([event.id], this.clock.now());
    return toEventStats(counts, seats.get(event.id)?.quotas ?? []);
  }

  /** The check-in figures alone (one grouped count): the running count of arrivals at the door. */
  async checkIn(eventId: string): Promise<CheckInStatsDto> {
    return toCheckInStats(await this.stats.countByStatusAndMode(eventId, this.stats.manager));
  }

  /** Needs to order for (interpreters, meals): the texts confirmed registrants gave, counted, and per workshop. */
  async needs(eventId: string): Promise<{ event: StatedNeed[]; sessions: SessionNeeds[] }> {
    const event = await requireEvent(this.events, eventId);
    const [texts, sessions] = await Promise.all([this.stats.statedNeeds(event.id), this.stats.workshopNeeds(event.id)]);
    return { event: texts, sessions };
  }
}
