import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OutgoingMailStatus = 'pending' | 'sent' | 'failed' | 'dead';

/**
 * The outbox: a fact to tell one registration about, written in the transaction of the change
 * that causes it and rendered by the worker at delivery from current data.
 */
@Entity('outgoing_mail')
export class OutgoingMail {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'event_id', nullable: true }) eventId: string | null;
  @Column('uuid', { name: 'registration_id' }) registrationId: string;
  /** confirmation, waitlisted, promoted, promoted:<sessionId>, reminder:<offset>, session_changed:…, event_cancelled, cancellation, broadcast:<id>, manage_link:<hour> */
  @Column('text') reason: string;
  /** What the database will no longer know at delivery (e.g. a session's time before it moved). */
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('text') status: OutgoingMailStatus;
  @Column('integer') attempts: number;
  @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  /** Set while a worker holds the row; past it, another worker may take the row up. */
  @Column('timestamptz', { name: 'lease_until', nullable: true }) leaseUntil: Date | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  /** The SMTP server's answer (its queue id) once sent. */
  @Column('text', { name: 'smtp_id', nullable: true }) smtpId: string | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
