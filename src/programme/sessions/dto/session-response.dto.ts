import { ApiProperty } from '@nestjs/swagger';
import { SESSION_TYPES } from './session-input.dto';

export class SessionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'Atelier : l’accès aux droits en milieu rural' }) title: string;
  @ApiProperty({ enum: SESSION_TYPES }) type: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ example: '2027-03-11T14:00:00+01:00' }) startsAt: string;
  @ApiProperty({ example: '2027-03-11T15:30:00+01:00' }) endsAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) roomId: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) speakerIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) actionIds: string[];
  @ApiProperty({ example: ['ruralite'] }) themes: string[];
  @ApiProperty({ example: 30, nullable: true, type: Number }) capacity: number | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class SessionPageDto {
  @ApiProperty({ type: [SessionResponseDto] }) items: SessionResponseDto[];
  @ApiProperty({ example: 14 }) total: number;
}
