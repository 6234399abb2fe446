import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('organiser')
export class Organiser {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
