import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OutgoingMailStatus = 'pending' | 'sent' | 'failed' | 'dead';

/** The outbox: written in the transaction of the change that causes it, delivered by a worker. */
@Entity('outgoing_mail')
export class OutgoingMail {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'event_id', nullable: true }) eventId: string | null;
  @Column('uuid', { name: 'registration_id', nullable: true }) registrationId: string | null;
  @Column('text') recipient: string;
  /** confirmation, waitlisted, promoted, reminder:<offset>, session_changed…, event_cancelled, cancellation, broadcast:<id> */
  @Column('text') reason: string;
  @Column('text') subject: string;
  @Column('text') html: string;
  @Column('text') text: string;
  /** What to attach when sending (e.g. [{ kind: 'badge' }]); rendered at delivery. */
  @Column('jsonb') attachments: Array<Record<string, unknown>>;
  @Column('text') status: OutgoingMailStatus;
  @Column('integer') attempts: number;
  @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
