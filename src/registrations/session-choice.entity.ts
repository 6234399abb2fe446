import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SessionChoiceStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** A registration's choice of a workshop. */
@Entity('session_choice')
export class SessionChoice {
  @PrimaryColumn('uuid', { name: 'registration_id' }) registrationId: string;
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId: string;
  @Column('text') status: SessionChoiceStatus;
  @Column('bigint', { name: 'waitlist_seq', nullable: true }) waitlistSeq: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
