import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { conflict, unprocessable } from '../../common/domain-error';
import { toZonedIso } from '../../common/time';
import type { Event } from '../../events/event.entity';
import { EventsRepository } from '../../events/events.repository';
import { OutboxService } from '../../notifications/outbox.service';
import { requireEvent } from '../admin/require-event';
import { allocate, AllocationResult } from './allocation';
import { AllocationRepository } from './allocation.repository';
import { AllocationDoneDto, AllocationPreviewDto } from './dto/allocation.dto';

const BATCH = 20;

/** A fresh lottery seed: 128 random bits, written in hex. */
export const newSeed = (): string => randomBytes(16).toString('hex');

/**
 * Workshops allocated by preference, once per event: the pure `allocate` decides who gets which
 * workshop; this service feeds it the stored ranks and seats left, and, to confirm, writes the
 * choices, the seed and the time, and queues one `allocation` message per registrant, in one
 * transaction under the event's row lock (so an organiser and the scheduled run, on any number of
 * instances, allocate once: the second finds allocated_at set and is refused or does nothing).
 */
@Injectable()
export class AllocationService {
  private readonly logger = new Logger('Allocation');

  constructor(
    private readonly allocations: AllocationRepository,
    private readonly events: EventsRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async preview(eventId: string, seed: string | undefined): Promise<AllocationPreviewDto> {
    const event = await requireEvent(this.events, eventId);
    assertPreferences(event);
    const result = await this.run(event.id, seed ?? newSeed());
    return { seed: result.seed, registrants: result.order.length, ...countsOf(result), allocatedAt: event.allocatedAt ? toZonedIso(event.allocatedAt, event.timezone) : null };
  }

  async confirm(eventId: string, seed: string | undefined): Promise<AllocationDoneDto> {
    const event = await requireEvent(this.events, eventId);
    assertPreferences(event);
    const done = await this.allocateOnce(event.id, seed ?? newSeed());
    if (!done) throw conflict('already-allocated', 'Les ateliers de cet événement ont déjà été attribués.');
    return { seed: done.result.seed, registrants: done.result.order.length, ...countsOf(done.result), allocatedAt: toZonedIso(done.at, event.timezone) };
  }

  /** The scheduled run: every preferences event past its close date that no organiser allocated. */
  async allocateDue(now: Date): Promise<string[]> {
    const allocated: string[] = [];
    for (const eventId of await this.allocations.findDue(now, BATCH)) {
      if (await this.allocateOnce(eventId, newSeed())) allocated.push(eventId);
    }
    // Counts only: never a name in the logs.
    if (allocated.length) this.logger.log(`Allocated the workshops of ${allocated.length} events`);
    return allocated;
  }

  private allocateOnce(eventId: string, seed: string): Promise<{ result: AllocationResult; at: Date } | null> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.events.lockById(eventId, manager);
      if (!event || event.status === 'cancelled') return null;
      const at = this.clock.now();
      if (!(await this.allocations.markAllocated(eventId, seed, at, manager))) return null;
      const result = await this.run(eventId, seed, manager);
      await this.allocations.confirmChoices(result.assignments, at, manager);
      await this.outbox.enqueueMany(
        manager,
        result.order.map((registrationId) => ({ eventId, registrationId, reason: 'allocation' })),
      );
      return { result, at };
    });
  }

  private async run(eventId: string, seed: string, manager?: Parameters<AllocationRepository['workshops']>[1]): Promise<AllocationResult> {
    const [workshops, registrants] = await Promise.all([this.allocations.workshops(eventId, manager), this.allocations.registrants(eventId, manager)]);
    return allocate({ seed, workshops, registrants });
  }
}

function assertPreferences(event: Event): void {
  if (event.workshopAllocation !== 'preferences') {
    throw unprocessable('not-by-preference', 'Les ateliers de cet événement se choisissent au premier arrivé : il n’y a pas d’attribution.');
  }
}

function countsOf(result: AllocationResult) {
  const { first, second, third, none } = result.counts;
  return { first, second, third, none };
}
