import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EventQuota } from './event-quotas';

export type EventKind = 'conference' | 'study_day' | 'webinar';
export type EventFormat = 'onsite' | 'online' | 'hybrid';
export type EventStatus = 'draft' | 'published' | 'cancelled';
/** How workshop seats are given: at registration (first come) or by one allocation of ranked preferences. */
export type WorkshopAllocation = 'first_come' | 'preferences';

export interface Venue {
  name: string;
  address: string;
  postalCode: string;
  city: string;
}

@Entity('event')
export class Event {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') slug: string;
  @Column('text') title: string;
  @Column('text') kind: EventKind;
  @Column('text') format: EventFormat;
  @Column('text', { nullable: true }) description: string | null;
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt: Date;
  @Column('text') timezone: string;
  @Column('jsonb', { nullable: true }) venue: Venue | null;
  @Column('text', { name: 'online_url', nullable: true }) onlineUrl: string | null;
  /** Onsite places for onsite and hybrid events; online places for online events (null = unlimited). */
  @Column('integer', { nullable: true }) capacity: number | null;
  /** Hybrid events only: online places (null = unlimited). */
  @Column('integer', { name: 'online_capacity', nullable: true }) onlineCapacity: number | null;
  @Column('timestamptz', { name: 'registration_opens_at', nullable: true }) registrationOpensAt: Date | null;
  @Column('timestamptz', { name: 'registration_closes_at', nullable: true }) registrationClosesAt: Date | null;
  @Column('text', { array: true }) themes: string[];
  @Column('text', { array: true }) departments: string[];
  @Column('integer', { name: 'reminder_offsets', array: true }) reminderOffsets: number[];
  /** Seats kept for organisation types (see event-quotas.ts), each with its attendance mode resolved. */
  @Column('jsonb') quotas: EventQuota[];
  /** When kept seats not taken go back to everyone (set from the default when quotas are given). */
  @Column('timestamptz', { name: 'quotas_release_at', nullable: true }) quotasReleaseAt: Date | null;
  /** Set once, by the release job, when it gave the kept seats back and promoted the waiting lists. */
  @Column('timestamptz', { name: 'quotas_released_at', nullable: true }) quotasReleasedAt: Date | null;
  @Column('text', { name: 'workshop_allocation' }) workshopAllocation: WorkshopAllocation;
  /** Preferences events: when ranking ends and the allocation runs if no organiser confirmed it before. */
  @Column('timestamptz', { name: 'preferences_close_at', nullable: true }) preferencesCloseAt: Date | null;
  /** Set once, with allocatedAt, when the allocation was made: the lottery seed, for audit. */
  @Column('text', { name: 'allocation_seed', nullable: true }) allocationSeed: string | null;
  @Column('timestamptz', { name: 'allocated_at', nullable: true }) allocatedAt: Date | null;
  @Column('text') status: EventStatus;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason: string | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
