import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in browser of the back office. `id` is the SHA-256 (hex) of the cookie's token. */
@Entity('backoffice_session')
export class BackofficeSession {
  @PrimaryColumn('text') id: string;
  @Column('uuid', { name: 'organiser_id' }) organiserId: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'last_seen_at' }) lastSeenAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
}
