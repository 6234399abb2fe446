import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AuthService } from '../../auth/auth.service';
import { Clock } from '../../common/clock';
import { BackofficeSessionsRepository, SessionOrganiser } from './backoffice-sessions.repository';

/** A session ends after this long without a page being opened. */
export const SESSION_IDLE_MS = 8 * 3600 * 1000;

/** What a request to /gestion knows once its session was recognised. */
export interface BackofficeSignedIn {
  /** The session row's id (the token's hash): what form tokens are bound to. */
  sessionId: string;
  organiser: SessionOrganiser;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const sessionIdOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Server-side sessions of the back office: the password is checked by AuthService (the API's own
 * rule and throttling); the browser keeps a random token, the table only its hash.
 */
@Injectable()
export class BackofficeSessionsService {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: BackofficeSessionsRepository,
    private readonly clock: Clock,
  ) {}

  /** Checks the credentials (401/429 as the API's login) and opens a session: the cookie's token. */
  async signIn(email: string, password: string, address: string | undefined): Promise<{ token: string; signedIn: BackofficeSignedIn }> {
    const principal = await this.auth.authenticate(email, password, address);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.sessions.deleteExpired(now);
    const sessionId = sessionIdOf(token);
    await this.sessions.insert(sessionId, principal.id, now, new Date(now.getTime() + SESSION_IDLE_MS));
    const organiser = await this.sessions.touch(sessionId, now, new Date(now.getTime() + SESSION_IDLE_MS));
    return { token, signedIn: { sessionId, organiser: organiser ?? { ...principal, name: null } } };
  }

  /** The live session a cookie's token opens, its idle expiry pushed back; null otherwise. */
  async resolve(token: string | undefined): Promise<BackofficeSignedIn | null> {
    if (!token || !TOKEN.test(token)) return null;
    const sessionId = sessionIdOf(token);
    const now = this.clock.now();
    const organiser = await this.sessions.touch(sessionId, now, new Date(now.getTime() + SESSION_IDLE_MS));
    return organiser ? { sessionId, organiser } : null;
  }

  async signOut(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
  }
}
