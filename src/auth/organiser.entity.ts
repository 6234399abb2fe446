import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('organiser')
export class Organiser {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { nullable: true }) name: string | null;
  /** Null while an invited organiser has not chosen a password yet. */
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  /** Set when deactivated: no sign-in, no token, no session any more. */
  @Column('timestamptz', { name: 'deactivated_at', nullable: true }) deactivatedAt: Date | null;
}
