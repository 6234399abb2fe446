import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ActionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'Le bus des droits' }) title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ example: 'MSA Midi-Pyrénées Sud' }) organisation: string;
  @ApiProperty({ example: 'service_public' }) organisationType: string;
  @ApiProperty({ example: ['32'] }) departments: string[];
  @ApiProperty({ example: ['ruralite'] }) themes: string[];
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Organisers (and the proposer’s own response) only' })
  contactEmail?: string | null;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ enum: ['proposed', 'selected', 'rejected'] }) status: string;
  @ApiProperty() createdAt: string;
}

export class ActionPageDto {
  @ApiProperty({ type: [ActionResponseDto] }) items: ActionResponseDto[];
  @ApiProperty({ example: 8 }) total: number;
}
