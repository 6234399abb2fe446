import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LoginFailure } from './login-failure.entity';
import { Organiser } from './organiser.entity';

@Injectable()
export class OrganisersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmail(email: string): Promise<Organiser | null> {
    return this.dataSource.getRepository(Organiser).findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<Organiser | null> {
    return this.dataSource.getRepository(Organiser).findOneBy({ id });
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(Organiser).count();
  }

  /** Inserts unless the email exists; returns whether a row was created. */
  async createIfAbsent(email: string, passwordHash: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Organiser)
      .values({ email: email.toLowerCase(), passwordHash })
      .orIgnore()
      .execute();
    return Array.isArray(result.raw) && result.raw.length > 0;
  }

  /** Failures for this email from this address since `since`, oldest first. */
  recentFailures(email: string, address: string, since: Date): Promise<LoginFailure[]> {
    return this.dataSource
      .getRepository(LoginFailure)
      .createQueryBuilder('f')
      .where('f.email = :email AND f.address = :address AND f.failed_at >= :since', { email, address, since })
      .orderBy('f.failed_at', 'ASC')
      .getMany();
  }

  async recordFailure(email: string, address: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(LoginFailure).insert({ email, address, failedAt: at });
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
