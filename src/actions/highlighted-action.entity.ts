import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type HighlightedActionStatus = 'proposed' | 'selected' | 'rejected';

@Entity('highlighted_action')
export class HighlightedAction {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'event_id' }) eventId: string;
  @Column('text') title: string;
  @Column('text') summary: string;
  @Column('text') organisation: string;
  @Column('text', { name: 'organisation_type' }) organisationType: string;
  @Column('text', { array: true }) departments: string[];
  @Column('text', { array: true }) themes: string[];
  @Column('text', { name: 'contact_name', nullable: true }) contactName: string | null;
  @Column('text', { name: 'contact_email', nullable: true }) contactEmail: string | null;
  @Column('text', { nullable: true }) url: string | null;
  @Column('text') status: HighlightedActionStatus;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
