import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { HighlightedAction } from '../../actions/highlighted-action.entity';
import { Speaker } from '../speakers/speaker.entity';

export type SessionType = 'plenary' | 'workshop' | 'round_table' | 'talk' | 'break' | 'networking';

@Entity('session')
export class Session {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'event_id' }) eventId: string;
  @Column('text') title: string;
  @Column('text') type: SessionType;
  @Column('text', { nullable: true }) description: string | null;
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt: Date;
  @Column('uuid', { name: 'room_id', nullable: true }) roomId: string | null;
  @Column('text', { array: true }) themes: string[];
  /** Workshops: how many registrants may choose it; null = the room's capacity, or unlimited. */
  @Column('integer', { nullable: true }) capacity: number | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;

  @ManyToMany(() => Speaker)
  @JoinTable({ name: 'session_speaker', joinColumn: { name: 'session_id' }, inverseJoinColumn: { name: 'speaker_id' } })
  speakers?: Speaker[];

  @ManyToMany(() => HighlightedAction)
  @JoinTable({ name: 'session_action', joinColumn: { name: 'session_id' }, inverseJoinColumn: { name: 'action_id' } })
  actions?: HighlightedAction[];
}
