import { ApiProperty } from '@nestjs/swagger';
import { VenueDto } from '../../events/dto/event-input.dto';

export class ProgrammeEventDto {
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
  @ApiProperty({ enum: ['draft', 'published', 'cancelled'] }) status: string;
}

export class ProgrammeRoomDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Salle Pasteur' }) name: string;
}

export class ProgrammeSpeakerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Claire Fabre' }) fullName: string;
  @ApiProperty({ nullable: true, type: String }) jobTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
}

export class ProgrammeActionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Le bus des droits' }) title: string;
  @ApiProperty({ example: 'Mutualité sociale agricole du Gers' }) organisation: string;
  @ApiProperty({ example: ['32'] }) departments: string[];
}

export class ProgrammeSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['plenary', 'workshop', 'round_table', 'talk', 'break', 'networking'] }) type: string;
  @ApiProperty({ example: '2027-03-11T14:00:00+01:00' }) startsAt: string;
  @ApiProperty({ example: '2027-03-11T15:30:00+01:00' }) endsAt: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: ProgrammeRoomDto, nullable: true }) room: ProgrammeRoomDto | null;
  @ApiProperty({ type: [ProgrammeSpeakerDto] }) speakers: ProgrammeSpeakerDto[];
  @ApiProperty({ example: ['ruralite'] }) themes: string[];
  @ApiProperty({ nullable: true, type: Number, example: 30 }) capacity: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 12,
    description:
      'Workshops only: seats left for registrants choosing it (capacity, else the room’s, minus confirmed choices). ' +
      'null until the event has a registration, for unlimited workshops and for other session types.',
  })
  seatsLeft: number | null;
  @ApiProperty({ type: [ProgrammeActionDto], description: 'Selected highlighted actions presented in the session' })
  actions: ProgrammeActionDto[];
}

export class ProgrammeSlotDto {
  @ApiProperty({ example: '2027-03-11T14:00:00+01:00', description: 'Every session of the slot starts then' }) startsAt: string;
  @ApiProperty({ example: '2027-03-11T15:30:00+01:00', description: 'When the last session of the slot ends' }) endsAt: string;
  @ApiProperty({ type: [ProgrammeSessionDto], description: 'Parallel sessions, by room name' }) sessions: ProgrammeSessionDto[];
}

export class ProgrammeDayDto {
  @ApiProperty({ example: '2027-03-11', description: 'Local date in the event’s timezone' }) date: string;
  @ApiProperty({ type: [ProgrammeSlotDto] }) slots: ProgrammeSlotDto[];
}

export class ProgrammeDto {
  @ApiProperty({ type: ProgrammeEventDto }) event: ProgrammeEventDto;
  @ApiProperty({ type: [ProgrammeDayDto] }) days: ProgrammeDayDto[];
}
