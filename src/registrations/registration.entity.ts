import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';
export type AttendanceMode = 'onsite' | 'online';

@Entity('registration')
export class Registration {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'event_id' }) eventId: string;
  @Column('text', { name: 'first_name' }) firstName: string;
  @Column('text', { name: 'last_name' }) lastName: string;
  /** Lower case. */
  @Column('text') email: string;
  @Column('text', { nullable: true }) organisation: string | null;
  @Column('text', { name: 'organisation_type' }) organisationType: string;
  @Column('text', { name: 'job_title', nullable: true }) jobTitle: string | null;
  @Column('text', { nullable: true }) department: string | null;
  @Column('text', { name: 'attendance_mode' }) attendanceMode: AttendanceMode;
  @Column('text', { name: 'accessibility_needs', nullable: true }) accessibilityNeeds: string | null;
  /** Codes of ACCESSIBILITY_NEEDS, in reference order (easy_read also selects the easy-to-read messages). */
  @Column('text', { array: true }) accessibility: string[];
  @Column('boolean', { name: 'travel_support' }) travelSupport: boolean;
  @Column('text', { name: 'dietary_requirements', nullable: true }) dietaryRequirements: string | null;
  @Column('timestamptz', { name: 'consent_at' }) consentAt: Date;
  @Column('boolean', { name: 'photo_consent' }) photoConsent: boolean;
  @Column('timestamptz', { name: 'photo_consent_at', nullable: true }) photoConsentAt: Date | null;
  @Column('text') status: RegistrationStatus;
  /** FIFO key while waitlisted (from the waitlist_seq sequence); null otherwise. */
  @Column('bigint', { name: 'waitlist_seq', nullable: true }) waitlistSeq: string | null;
  /** SHA-256 of the manage token; the token itself is never stored (it is derived, see manage-token.ts). */
  @Column('text', { name: 'manage_token_hash' }) manageTokenHash: string;
  /** Part of the derived token: bumping it revokes every link sent so far. */
  @Column('integer', { name: 'token_version' }) tokenVersion: number;
  @Column('text', { name: 'check_in_code' }) checkInCode: string;
  @Column('timestamptz', { name: 'checked_in_at', nullable: true }) checkedInAt: Date | null;
  @Column('timestamptz', { name: 'confirmed_at', nullable: true }) confirmedAt: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
  @Column('timestamptz', { name: 'anonymised_at', nullable: true }) anonymisedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
