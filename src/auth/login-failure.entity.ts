import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('login_failure')
export class LoginFailure {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('text') email: string;
  @Column('text') address: string;
  @Column('timestamptz', { name: 'failed_at' }) failedAt: Date;
}
