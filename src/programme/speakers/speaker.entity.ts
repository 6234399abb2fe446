import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('speaker')
export class Speaker {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'event_id' }) eventId: string;
  @Column('text', { name: 'full_name' }) fullName: string;
  @Column('text', { name: 'job_title', nullable: true }) jobTitle: string | null;
  @Column('text', { nullable: true }) organisation: string | null;
  @Column('text', { nullable: true }) bio: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
