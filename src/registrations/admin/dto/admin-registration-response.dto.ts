import { ApiProperty } from '@nestjs/swagger';

export class ChosenSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ example: 'Atelier : accès aux droits et non-recours' }) title: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted', 'cancelled'] }) status: string;
}

/** A registration as organisers see it (personal data included: organisers only). */
export class AdminRegistrationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'Hélène' }) firstName: string;
  @ApiProperty({ example: 'Martínez' }) lastName: string;
  @ApiProperty({ example: 'helene.martinez@caf.test' }) email: string;
  @ApiProperty({ nullable: true, type: String, example: 'CAF de l’Hérault' }) organisation: string | null;
  @ApiProperty({ example: 'service_public' }) organisationType: string;
  @ApiProperty({ nullable: true, type: String, example: 'Conseillère en économie sociale et familiale' }) jobTitle: string | null;
  @ApiProperty({ nullable: true, type: String, example: '34' }) department: string | null;
  @ApiProperty({ enum: ['onsite', 'online'] }) attendanceMode: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted', 'cancelled'] }) status: string;
  @ApiProperty({ nullable: true, type: Number, example: null, description: 'Current rank on the waiting list (1 = next); null unless waitlisted' })
  waitlistPosition: number | null;
  @ApiProperty({ type: [ChosenSessionDto] }) sessions: ChosenSessionDto[];
  @ApiProperty({ nullable: true, type: String }) accessibilityNeeds: string | null;
  @ApiProperty({ type: [String], example: ['wheelchair'], description: 'Codes of GET /api/reference `accessibility` (`easy_read`: messages easy to read)' })
  accessibility: string[];
  @ApiProperty() travelSupport: boolean;
  @ApiProperty({ nullable: true, type: String }) dietaryRequirements: string | null;
  @ApiProperty({ example: '2027-01-15T10:12:00+01:00', description: 'When the registrant consented to the processing of their data' })
  consentAt: string;
  @ApiProperty() photoConsent: boolean;
  @ApiProperty({ nullable: true, type: String }) photoConsentAt: string | null;
  @ApiProperty({ example: 'K7QX2MPA9RTE', description: 'The code on the badge (QR code)' }) checkInCode: string;
  @ApiProperty({ nullable: true, type: String }) checkedInAt: string | null;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set once personal data was wiped after the retention period' })
  anonymisedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class AdminRegistrationPageDto {
  @ApiProperty({ type: [AdminRegistrationDto] }) items: AdminRegistrationDto[];
  @ApiProperty({ example: 1 }) total: number;
}
