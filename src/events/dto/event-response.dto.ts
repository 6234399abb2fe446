import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReminderDto, VenueDto } from './event-input.dto';

export class ModeSeatsDto {
  @ApiProperty({ example: 120 }) seatsTaken: number;
  @ApiProperty({ example: 80, nullable: true, type: Number, description: 'General seats left (kept seats not counted while they are kept); null when unlimited' }) seatsLeft:
    number | null;
  @ApiProperty({ example: 0 }) waitlistLength: number;
}

export class QuotaSeatsDto {
  @ApiProperty({ example: 'personne_concernee' }) organisationType: string;
  @ApiProperty({ enum: ['onsite', 'online'] }) attendanceMode: string;
  @ApiProperty({ example: 30 }) seats: number;
  @ApiProperty({ example: 12, description: 'Kept seats taken by people of that type' }) taken: number;
  @ApiProperty({ example: 18, description: 'Kept seats still free for that type (0 once released)' }) left: number;
}

export class EventResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'rencontre-regionale-2027' }) slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['conference', 'study_day', 'webinar'] }) kind: string;
  @ApiProperty({ enum: ['onsite', 'online', 'hybrid'] }) format: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ example: '2027-03-11T09:00:00+01:00' }) startsAt: string;
  @ApiProperty({ example: '2027-03-12T17:00:00+01:00' }) endsAt: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone: string;
  @ApiProperty({ type: VenueDto, nullable: true }) venue: VenueDto | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Organisers only' }) onlineUrl?: string | null;
  @ApiProperty({ nullable: true, type: 'integer' }) capacity: number | null;
  @ApiProperty({ nullable: true, type: 'integer' }) onlineCapacity: number | null;
  @ApiProperty({ nullable: true, type: String }) registrationOpensAt: string | null;
  @ApiProperty({ nullable: true, type: String }) registrationClosesAt: string | null;
  @ApiProperty({ description: 'Whether registering is possible right now' }) registrationOpen: boolean;
  @ApiProperty({ type: [String] }) themes: string[];
  @ApiProperty({ type: [String] }) departments: string[];
  @ApiProperty({ type: [ReminderDto], example: [{ offsetMinutes: 10080 }, { offsetMinutes: 1440 }] }) reminders: ReminderDto[];
  @ApiProperty({ enum: ['draft', 'published', 'cancelled'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ example: 120 }) seatsTaken: number;
  @ApiProperty({ example: 280, nullable: true, type: Number, description: 'General seats left: kept seats are not counted while they are kept; null when unlimited' }) seatsLeft:
    number | null;
  @ApiProperty({ example: 0 }) waitlistLength: number;
  @ApiPropertyOptional({ type: ModeSeatsDto, description: 'Hybrid events: the online mode' }) online?: ModeSeatsDto;
  @ApiProperty({ type: [QuotaSeatsDto], description: 'Seats kept for organisation types' }) quotas: QuotaSeatsDto[];
  @ApiProperty({ nullable: true, type: String, description: 'When kept seats not taken go back to everyone' }) quotasReleaseAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When they did (set once by the release job)' }) quotasReleasedAt: string | null;
  @ApiProperty({ enum: ['first_come', 'preferences'], description: 'How workshop seats are given' }) workshopAllocation: 'first_come' | 'preferences';
  @ApiProperty({ nullable: true, type: String, description: 'Preferences events: when ranking ends and the allocation runs' }) preferencesCloseAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the workshops were allocated (set once)' }) allocatedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class EventPageDto {
  @ApiProperty({ type: [EventResponseDto] }) items: EventResponseDto[];
  @ApiProperty({ example: 1 }) total: number;
}
