import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { clientKey } from '../common/client-address';
import { Clock } from '../common/clock';
import { tooManyRequests, unauthorized } from '../common/domain-error';
import { RateLimiter } from '../common/rate-limiter';
import { LoginLimits, OrganisersRepository } from './organisers.repository';
import { dummyHash, hashPassword, RECOMMENDED_SCRYPT, ScryptParams, verifyPassword } from './password';

export const TOKEN_LIFETIME_SECONDS = 8 * 3600;

/**
 * Guessing, bounded three ways: 10 failures per (account, address) and 50 per account in 15
 * minutes, and 20 attempts per address per minute whatever the account, so unknown emails (each
 * checked against a dummy hash, at the same cost) cannot burn the CPU either.
 */
export const LOGIN_LIMITS: LoginLimits = { windowMs: 15 * 60 * 1000, perAccountAndAddress: 10, perAccount: 50 };
export const LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = 20;
const TOO_MANY = 'Trop de tentatives de connexion, réessayez plus tard.';

export interface OrganiserPrincipal {
  id: string;
  email: string;
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');
  private readonly scrypt: ScryptParams;

  constructor(
    private readonly organisers: OrganisersRepository,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.scrypt = { ...RECOMMENDED_SCRYPT, N: config.scryptN };
  }

  /** The first organiser comes from ORGANISER_EMAIL / ORGANISER_PASSWORD when none exists. */
  async onApplicationBootstrap(): Promise<void> {
    const { organiserEmail, organiserPassword } = this.config;
    if (!organiserEmail || !organiserPassword) return;
    if ((await this.organisers.count()) > 0) return;
    if (await this.organisers.createIfAbsent(organiserEmail, await hashPassword(organiserPassword, this.scrypt))) {
      this.logger.log('Created the first organiser from ORGANISER_EMAIL.');
    }
  }

  async createOrganiser(email: string, password: string): Promise<boolean> {
    return this.organisers.createIfAbsent(email, await hashPassword(password, this.scrypt));
  }

  async login(emailInput: string, password: string, address: string | undefined): Promise<{ accessToken: string; expiresIn: number }> {
    const organiser = await this.authenticate(emailInput, password, address);
    const accessToken = await this.jwt.signAsync({ sub: organiser.id, email: organiser.email }, { expiresIn: TOKEN_LIFETIME_SECONDS });
    return { accessToken, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  /**
   * The one password check, throttled, for the API's login and the back office's sign-in alike:
   * the organiser when the email and password match an active account; else 401, or 429 with
   * Retry-After beyond the limits.
   */
  async authenticate(emailInput: string, password: string, address: string | undefined): Promise<OrganiserPrincipal> {
    const email = emailInput.trim().toLowerCase();
    const client = clientKey(address);
    const now = this.clock.now();
    await this.limiter.consume({ scope: 'login', limit: LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE, windowMs: 60_000, detail: TOO_MANY }, client);
    const { retryAt } = await this.organisers.beginAttempt(email, client, now, LOGIN_LIMITS);
    if (retryAt) throw tooManyRequests((retryAt.getTime() - now.getTime()) / 1000, TOO_MANY);

    const organiser = await this.organisers.findActiveByEmail(email);
    const { valid, needsRehash } = await verifyPassword(password, organiser?.passwordHash ?? dummyHash(this.scrypt), this.scrypt);
    // A failure stays recorded (beginAttempt wrote it); a success forgets this address's failures.
    if (!organiser?.passwordHash || !valid) throw unauthorized('Adresse e-mail ou mot de passe incorrect.');
    await this.organisers.forgetFailures(email, client, new Date(now.getTime() - LOGIN_LIMITS.windowMs));
    if (needsRehash) {
      await this.organisers.upgradePasswordHash(organiser.id, organiser.passwordHash, await hashPassword(password, this.scrypt));
    }
    return { id: organiser.id, email: organiser.email };
  }

  /** A password's stored form, at this deployment's cost. */
  hashPassword(password: string): Promise<string> {
    return hashPassword(password, this.scrypt);
  }

  /** The organiser a bearer token names, or null when the token is invalid, expired or revoked. */
  async verify(token: string): Promise<OrganiserPrincipal | null> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub: string; email: string }>(token);
      const organiser = await this.organisers.findActiveById(payload.sub);
      return organiser ? { id: organiser.id, email: organiser.email } : null;
    } catch {
      return null;
    }
  }
}
