import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../../common/sql-rows';
import { BackofficeSession } from './backoffice-session.entity';

/** The organiser a live session belongs to. */
export interface SessionOrganiser {
  id: string;
  email: string;
  name: string | null;
}

@Injectable()
export class BackofficeSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(id: string, organiserId: string, now: Date, expiresAt: Date): Promise<void> {
    await this.dataSource.getRepository(BackofficeSession).insert({ id, organiserId, createdAt: now, lastSeenAt: now, expiresAt });
  }

  /**
   * The session's organiser when the session is live and the organiser active, sliding its expiry
   * in the same statement (one round trip per page).
   */
  async touch(id: string, now: Date, expiresAt: Date): Promise<SessionOrganiser | null> {
    const result: unknown = await this.dataSource.query(
      `UPDATE backoffice_session s SET last_seen_at = $2, expires_at = $3
       FROM organiser o
       WHERE s.id = $1 AND s.expires_at > $2 AND o.id = s.organiser_id AND o.deactivated_at IS NULL
       RETURNING o.id, o.email, o.name`,
      [id, now, expiresAt],
    );
    return rowsOf<SessionOrganiser>(result)[0] ?? null;
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.getRepository(BackofficeSession).delete({ id });
  }

  async deleteForOrganiser(organiserId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(BackofficeSession).delete({ organiserId });
  }

  /** Expired rows, removed now and then at sign-in (they are never accepted anyway). */
  async deleteExpired(now: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM backoffice_session WHERE expires_at <= $1`, [now]);
  }
}
