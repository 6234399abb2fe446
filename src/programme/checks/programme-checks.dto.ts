import { ApiProperty } from '@nestjs/swagger';

export class CheckedSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ example: 'Atelier : accès aux droits' }) title: string;
  @ApiProperty({ example: 'workshop' }) type: string;
  @ApiProperty({ example: '2027-03-11T14:00:00+01:00' }) startsAt: string;
  @ApiProperty({ example: '2027-03-11T15:30:00+01:00' }) endsAt: string;
}

export class CheckedRoomDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Salle Joffre 1' }) name: string;
  @ApiProperty({ example: 40 }) capacity: number;
}

export class OverCapacityWorkshopDto extends CheckedSessionDto {
  @ApiProperty({ example: 60, description: 'Places offered for choosing the workshop' }) capacity: number;
  @ApiProperty({ type: CheckedRoomDto, description: 'Its room, which holds fewer people' }) room: CheckedRoomDto;
}

export class IdleSpeakerDto {
  @ApiProperty({ format: 'uuid' }) speakerId: string;
  @ApiProperty({ example: 'Claire Fabre' }) fullName: string;
}

export class ProgrammeChecksDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 2, description: 'Total of the entries below; 0 = ready to print' }) problemCount: number;
  @ApiProperty({ type: [CheckedSessionDto], description: 'Sessions without room (onsite/hybrid events; breaks and networking excepted)' })
  sessionsWithoutRoom: CheckedSessionDto[];
  @ApiProperty({ type: [IdleSpeakerDto], description: 'Speakers who speak in no session' })
  speakersWithoutSession: IdleSpeakerDto[];
  @ApiProperty({ type: [OverCapacityWorkshopDto], description: 'Workshops whose capacity exceeds their room’s' })
  workshopsOverRoomCapacity: OverCapacityWorkshopDto[];
  @ApiProperty({ type: [CheckedSessionDto], description: 'Sessions no longer within the event (its dates moved)' })
  sessionsOutsideEvent: CheckedSessionDto[];
}
