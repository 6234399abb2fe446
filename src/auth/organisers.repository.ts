import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { LoginFailure } from './login-failure.entity';
import { Organiser } from './organiser.entity';

export interface LoginLimits {
  windowMs: number;
  perAccountAndAddress: number;
  perAccount: number;
}

@Injectable()
export class OrganisersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Deactivated organisers are never found: they cannot sign in nor use a token. */
  findActiveByEmail(email: string): Promise<Organiser | null> {
    return this.dataSource.getRepository(Organiser).findOneBy({ email: email.toLowerCase(), deactivatedAt: IsNull() });
  }

  findActiveById(id: string): Promise<Organiser | null> {
    return this.dataSource.getRepository(Organiser).findOneBy({ id, deactivatedAt: IsNull() });
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(Organiser).count();
  }

  /** Inserts unless the email exists; returns whether a row was created. */
  async createIfAbsent(email: string, passwordHash: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.createQueryBuilder().insert().into(Organiser).values({ email: email.toLowerCase(), passwordHash }).orIgnore().execute();
    return Array.isArray(result.raw) && result.raw.length > 0;
  }

  /**
   * Decides whether one more login attempt may be checked, and records it as a failure before
   * the password is: under a lock on the account, so a burst of concurrent attempts is counted
   * one by one and never all pass the check before any failure is written. A success then
   * forgets it (forgetFailures). Answers when the attempt may be retried if it is refused.
   */
  async beginAttempt(email: string, address: string, now: Date, limits: LoginLimits): Promise<{ retryAt: Date | null }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('login:' || $1, 0))`, [email]);
      const since = new Date(now.getTime() - limits.windowMs);
      // The failure that keeps each count at its limit: when it leaves the window, one more try is allowed.
      const [row] = await manager.query<Array<{ pair_limit: Date | null; account_limit: Date | null }>>(
        `SELECT
           (SELECT failed_at FROM login_failure WHERE email = $1 AND address = $2 AND failed_at > $3
             ORDER BY failed_at DESC OFFSET $4 - 1 LIMIT 1) AS pair_limit,
           (SELECT failed_at FROM login_failure WHERE email = $1 AND failed_at > $3
             ORDER BY failed_at DESC OFFSET $5 - 1 LIMIT 1) AS account_limit`,
        [email, address, since, limits.perAccountAndAddress, limits.perAccount],
      );
      const blockers = [row.pair_limit, row.account_limit].filter((at): at is Date => at !== null).map((at) => new Date(at).getTime());
      if (blockers.length) return { retryAt: new Date(Math.max(...blockers) + limits.windowMs) };
      await manager.getRepository(LoginFailure).insert({ email, address, failedAt: now });
      return { retryAt: null };
    });
  }

  /** Replaces a hash made at an older cost, unless it changed meanwhile. */
  async upgradePasswordHash(id: string, oldHash: string, newHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE organiser SET password_hash = $3 WHERE id = $1 AND password_hash = $2`, [id, oldHash, newHash]);
  }

  async forgetFailures(email: string, address: string, olderThan: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(LoginFailure)
      .where('(email = :email AND address = :address) OR failed_at < :olderThan', { email, address, olderThan })
      .execute();
  }
}
