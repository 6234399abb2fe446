import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ChosenSessionStatusDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted'] }) status: 'confirmed' | 'waitlisted';
}

/** The answer to registering: the manage token is shown here once and never again. */
export class RegistrationCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted'] }) status: 'confirmed' | 'waitlisted';
  @ApiPropertyOptional({ example: 3, description: 'Rank on the waiting list (1 = next); only when waitlisted.' })
  waitlistPosition?: number;
  @ApiProperty({ example: 'k3J9…', description: 'Secret: opens this registration. Shown once.' }) manageToken: string;
  @ApiProperty({
    example: 'https://rencontres.example.org/inscription/k3J9…',
    description: 'The manage page (the same link is in every email); the token also opens GET /api/registrations/me',
  })
  manageUrl: string;
  @ApiProperty({ type: [ChosenSessionStatusDto] }) sessions: ChosenSessionStatusDto[];
}

export class RegistrationSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ example: 'Atelier : l’accès aux droits' }) title: string;
  @ApiProperty({ example: '2027-03-11T14:00:00+01:00' }) startsAt: string;
  @ApiProperty({ example: '2027-03-11T15:30:00+01:00' }) endsAt: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted'] }) status: 'confirmed' | 'waitlisted';
  @ApiPropertyOptional({ example: 2, description: 'Rank on this workshop’s waiting list; only when waitlisted.' })
  waitlistPosition?: number;
}

export class RegistrationEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['onsite', 'online', 'hybrid'] }) format: string;
  @ApiProperty({ enum: ['draft', 'published', 'cancelled'] }) status: string;
  @ApiProperty({ example: '2027-03-11T09:00:00+01:00' }) startsAt: string;
  @ApiProperty({ example: '2027-03-12T17:00:00+01:00' }) endsAt: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone: string;
}

/** One registration as its owner (or an organiser cancelling it) sees it. */
export class RegistrationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: RegistrationEventDto }) event: RegistrationEventDto;
  @ApiProperty({ enum: ['confirmed', 'waitlisted', 'cancelled'] }) status: string;
  @ApiPropertyOptional({ example: 3, description: 'Only when waitlisted.' }) waitlistPosition?: number;
  @ApiProperty({ example: 'Camille' }) firstName: string;
  @ApiProperty({ example: 'Durand' }) lastName: string;
  @ApiProperty({ example: 'camille.durand@caf34.fr' }) email: string;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ example: 'service_public' }) organisationType: string;
  @ApiProperty({ nullable: true, type: String }) jobTitle: string | null;
  @ApiProperty({ nullable: true, type: String, example: '34' }) department: string | null;
  @ApiProperty({ enum: ['onsite', 'online'] }) attendanceMode: string;
  @ApiProperty({ nullable: true, type: String }) accessibilityNeeds: string | null;
  @ApiProperty({ type: [String], example: ['wheelchair'], description: 'Codes of GET /api/reference `accessibility`' }) accessibility: string[];
  @ApiProperty({ description: 'Messages easy to read (FALC): `easy_read` is among `accessibility`' }) easyRead: boolean;
  @ApiProperty() travelSupport: boolean;
  @ApiProperty({ nullable: true, type: String }) dietaryRequirements: string | null;
  @ApiProperty({ example: '2027-01-05T10:12:00+01:00' }) consentAt: string;
  @ApiProperty() photoConsent: boolean;
  @ApiProperty({ nullable: true, type: String }) photoConsentAt: string | null;
  @ApiProperty({ example: 'K7QM2XPA9RTB', description: 'The code in the badge’s QR code.' }) checkInCode: string;
  @ApiProperty({ nullable: true, type: String }) checkedInAt: string | null;
  @ApiPropertyOptional({ example: 'https://visio.example.org/rencontre', description: 'Only when confirmed to attend online.' })
  onlineUrl?: string;
  @ApiProperty({ type: [RegistrationSessionDto] }) sessions: RegistrationSessionDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
}

export class ExportMessageDto {
  @ApiProperty({ example: 'confirmation' }) reason: string;
  @ApiProperty({ enum: ['pending', 'sent', 'failed', 'dead'] }) status: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
}

export class ExportConsentsDto {
  @ApiProperty() consent: boolean;
  @ApiProperty() consentAt: string;
  @ApiProperty() photoConsent: boolean;
  @ApiProperty({ nullable: true, type: String }) photoConsentAt: string | null;
}

/** Everything held on the person (right of access, RGPD art. 15). */
export class RegistrationExportDto {
  @ApiProperty() exportedAt: string;
  @ApiProperty({ type: RegistrationDto }) registration: RegistrationDto;
  @ApiProperty({ type: ExportConsentsDto }) consents: ExportConsentsDto;
  @ApiProperty({ type: [ExportMessageDto] }) messages: ExportMessageDto[];
}
