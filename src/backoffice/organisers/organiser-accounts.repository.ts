import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../../common/sql-rows';

export interface OrganiserAccount {
  id: string;
  email: string;
  name: string | null;
  createdAt: Date;
  deactivatedAt: Date | null;
  hasPassword: boolean;
  /** The expiry of the latest invitation still usable now, when there is one. */
  invitationExpiresAt: Date | null;
}

export interface OpenInvitation {
  id: string;
  organiserId: string;
  email: string;
  name: string | null;
  expiresAt: Date;
}

/** Organisers as accounts (list, invite, deactivate) and their invitations. */
@Injectable()
export class OrganiserAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(now: Date): Promise<OrganiserAccount[]> {
    return this.dataSource.query(
      `SELECT o.id, o.email, o.name, o.created_at AS "createdAt", o.deactivated_at AS "deactivatedAt",
         o.password_hash IS NOT NULL AS "hasPassword",
         (SELECT max(i.expires_at) FROM organiser_invitation i WHERE i.organiser_id = o.id AND i.used_at IS NULL AND i.expires_at > $1) AS "invitationExpiresAt"
       FROM organiser o ORDER BY o.deactivated_at IS NOT NULL, lower(coalesce(o.name, o.email))`,
      [now],
    );
  }

  /** A new organiser without a password; null when the email is taken. */
  async insertInvited(email: string, name: string, manager: EntityManager): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO organiser (email, name, password_hash) VALUES ($1, $2, NULL) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, name],
    );
    return rows[0]?.id ?? null;
  }

  async insertInvitation(i: { id: string; organiserId: string; tokenHash: string; invitedBy: string; now: Date; expiresAt: Date }, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO organiser_invitation (id, organiser_id, token_hash, invited_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      i.id,
      i.organiserId,
      i.tokenHash,
      i.invitedBy,
      i.now,
      i.expiresAt,
    ]);
  }

  async findOpenInvitation(tokenHash: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<OpenInvitation | null> {
    const rows: OpenInvitation[] = await manager.query(
      `SELECT i.id, i.organiser_id AS "organiserId", o.email, o.name, i.expires_at AS "expiresAt"
       FROM organiser_invitation i JOIN organiser o ON o.id = i.organiser_id
       WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2 AND o.deactivated_at IS NULL
       ${manager === this.dataSource.manager ? '' : 'FOR UPDATE OF i'}`,
      [tokenHash, now],
    );
    return rows[0] ?? null;
  }

  /** Spends the invitation (and any other of this organiser) and sets the password. */
  async usePassword(invitation: OpenInvitation, passwordHash: string, now: Date, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE organiser_invitation SET used_at = $2 WHERE organiser_id = $1 AND used_at IS NULL`, [invitation.organiserId, now]);
    await manager.query(`UPDATE organiser SET password_hash = $2 WHERE id = $1`, [invitation.organiserId, passwordHash]);
  }

  /** Deactivates an active organiser; answers whether it did. Locks the organisers so the last active one cannot go. */
  async deactivate(id: string, now: Date, manager: EntityManager): Promise<'deactivated' | 'not_found' | 'last_one'> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('organisers', 0))`);
    const [{ active }]: Array<{ active: number }> = await manager.query(
      `SELECT count(*)::int AS active FROM organiser WHERE deactivated_at IS NULL AND password_hash IS NOT NULL AND id <> $1`,
      [id],
    );
    if (active === 0) return 'last_one';
    const result: unknown = await manager.query(`UPDATE organiser SET deactivated_at = $2 WHERE id = $1 AND deactivated_at IS NULL RETURNING id`, [id, now]);
    if (!rowsOf(result).length) return 'not_found';
    await manager.query(`UPDATE organiser_invitation SET used_at = $2 WHERE organiser_id = $1 AND used_at IS NULL`, [id, now]);
    return 'deactivated';
  }
}
