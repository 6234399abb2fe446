import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { tooManyRequests, unauthorized } from '../common/domain-error';
import { OrganisersRepository } from './organisers.repository';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

export const TOKEN_LIFETIME_SECONDS = 8 * 3600;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;

export interface OrganiserPrincipal {
  id: string;
  email: string;
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly organisers: OrganisersRepository,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The first organiser comes from ORGANISER_EMAIL / ORGANISER_PASSWORD when none exists. */
  async onApplicationBootstrap(): Promise<void> {
    const { organiserEmail, organiserPassword } = this.config;
    if (!organiserEmail || !organiserPassword) return;
    if ((await this.organisers.count()) > 0) return;
    if (await this.organisers.createIfAbsent(organiserEmail, await hashPassword(organiserPassword))) {
      this.logger.log('Created the first organiser from ORGANISER_EMAIL.');
    }
  }

  async createOrganiser(email: string, password: string): Promise<boolean> {
    return this.organisers.createIfAbsent(email, await hashPassword(password));
  }

  async login(emailInput: string, password: string, address: string): Promise<{ accessToken: string; expiresIn: number }> {
    const email = emailInput.trim().toLowerCase();
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
    const failures = await this.organisers.recentFailures(email, address, windowStart);
    if (failures.length >= MAX_FAILURES) {
      const retryAt = failures[failures.length - MAX_FAILURES].failedAt.getTime() + FAILURE_WINDOW_MS;
      throw tooManyRequests((retryAt - now.getTime()) / 1000, 'Trop de tentatives de connexion, réessayez plus tard.');
    }
    const organiser = await this.organisers.findByEmail(email);
    const valid = await verifyPassword(password, organiser?.passwordHash ?? DUMMY_HASH);
    if (!organiser || !valid) {
      await this.organisers.recordFailure(email, address, now);
      throw unauthorized('Adresse e-mail ou mot de passe incorrect.');
    }
    await this.organisers.forgetFailures(email, address, windowStart);
    const accessToken = await this.jwt.signAsync({ sub: organiser.id, email: organiser.email }, { expiresIn: TOKEN_LIFETIME_SECONDS });
    return { accessToken, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  /** The organiser a bearer token names, or null when the token is invalid, expired or revoked. */
  async verify(token: string): Promise<OrganiserPrincipal | null> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub: string; email: string }>(token);
      const organiser = await this.organisers.findById(payload.sub);
      return organiser ? { id: organiser.id, email: organiser.email } : null;
    } catch {
      return null;
    }
  }
}
