import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { trustProxy, TrustProxy } from './trust-proxy';

/** Everything the application reads from the environment, validated once at boot. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  /** Where people write to the organisers (Reply-To of every message, named in the texts). */
  contactEmail: string;
  publicBaseUrl: string;
  organiserEmail: string | null;
  organiserPassword: string | null;
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  schedulerTickSeconds: number;
  retentionDays: number;
  publicRateLimitPerMinute: number;
  /** The key manage tokens are derived from (HMAC); never stored with the data it protects. */
  tokenSecret: string;
  tokenSecretGenerated: boolean;
  /** Delivery attempts before a message is `dead`. */
  mailMaxAttempts: number;
  /** How long a worker owns the messages it claimed; a dead worker's messages are taken up after it. */
  mailLeaseSeconds: number;
  /** Messages to one address about one event within 24 hours, beyond which they are dropped (0 = no cap). */
  mailRecipientCap: number;
  /** scrypt's N for organiser passwords: OWASP's 2^17, except 2^14 under NODE_ENV=test (speed). */
  scryptN: number;
  /** Express's `trust proxy`: how the client address is read behind proxies (TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** Who runs the site, shown in the pages' header and footer (the State's brand block). */
  operatorName: string;
  /** Where local state lives: embedded PostgreSQL data, mail files, the generated JWT secret. */
  varDir: string;
  /** pino's level for the JSON log lines (LOG_LEVEL). */
  logLevel: LogLevel;
  /** Bearer token that opens `GET /metrics` (METRICS_TOKEN); null: the route does not exist. */
  metricsToken: string | null;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function fail(name: string, expected: string): never {
  throw new ConfigError(`Invalid configuration: ${name} must be ${expected}.`);
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) fail(name, `an integer between ${min} and ${max} (got "${raw}")`);
  const value = Number(raw);
  if (value < min || value > max) fail(name, `an integer between ${min} and ${max} (got ${value})`);
  return value;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

function mailFrom(env: Env): string {
  const raw = optional(env, 'MAIL_FROM') ?? 'Rencontres <no-reply@rencontres.localhost>';
  const named = /^[^<>]+<([^<>]+)>$/.exec(raw);
  const address = named ? named[1].trim() : raw;
  if (!EMAIL.test(address)) fail('MAIL_FROM', 'a bare address or "Name <address>"');
  return raw;
}

/** Where people write: CONTACT_EMAIL, else the first organiser, else MAIL_FROM's address. */
function contactEmail(env: Env): string {
  const raw = optional(env, 'CONTACT_EMAIL') ?? optional(env, 'ORGANISER_EMAIL')?.toLowerCase();
  if (raw === undefined) {
    const from = mailFrom(env);
    return (/<([^<>]+)>/.exec(from)?.[1] ?? from).trim();
  }
  if (!EMAIL.test(raw)) fail('CONTACT_EMAIL', 'an email address');
  return raw;
}

function url(env: Env, name: string, protocols: string[], fallback?: string): string | undefined {
  const raw = optional(env, name) ?? fallback;
  if (raw === undefined) return undefined;
  try {
    const parsed = new URL(raw);
    if (!protocols.includes(parsed.protocol)) throw new Error();
  } catch {
    fail(name, `an absolute ${protocols.map((p) => p.replace(':', '')).join('/')} URL`);
  }
  return raw.replace(/\/+$/, '');
}

/** A development secret that survives restarts: generated once per data directory. */
function persistedSecret(varDir: string, name: string): string {
  const file = join(varDir, name);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(varDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * Values copied from an example (ours or a habit) that would let anyone in: refused in
 * production, where a start with them is a deployment mistake, not a trial.
 */
const PLACEHOLDER = /change-?me|changez|placeholder|example|exemple|^(secret|password|mot-?de-?passe|postgres|rencontres|test)$|^(.)\2*$|^123456/i;
const SECRETS = ['JWT_SECRET', 'ORGANISER_PASSWORD', 'TOKEN_SECRET', 'METRICS_TOKEN'];

function refusePlaceholders(env: Env): void {
  for (const name of SECRETS) {
    const value = optional(env, name);
    if (value !== undefined && PLACEHOLDER.test(value)) fail(name, 'a real secret in production, not a placeholder value');
  }
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl) {
    try {
      const password = decodeURIComponent(new URL(databaseUrl).password);
      if (password && PLACEHOLDER.test(password)) fail('DATABASE_URL', 'given a real database password in production, not a placeholder value');
    } catch (error) {
      if (error instanceof ConfigError) throw error;
    }
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnvRaw = optional(env, 'NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    fail('NODE_ENV', 'one of development, production, test');
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const varDir = resolve(optional(env, 'VAR_DIR') ?? 'var');

  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']) ?? null;
  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:']) ?? null;
  const publicBaseUrl = url(env, 'PUBLIC_BASE_URL', ['http:', 'https:'], `http://localhost:${port}`)!;

  const organiserEmail = optional(env, 'ORGANISER_EMAIL')?.toLowerCase() ?? null;
  if (organiserEmail !== null && !EMAIL.test(organiserEmail)) fail('ORGANISER_EMAIL', 'an email address');
  const organiserPassword = env.ORGANISER_PASSWORD ? env.ORGANISER_PASSWORD : null;
  if (organiserPassword !== null && organiserPassword.length < 12) fail('ORGANISER_PASSWORD', 'at least 12 characters');
  if ((organiserEmail === null) !== (organiserPassword === null)) {
    fail(organiserEmail === null ? 'ORGANISER_EMAIL' : 'ORGANISER_PASSWORD', 'set together with the other ORGANISER_* variable');
  }

  let jwtSecret = optional(env, 'JWT_SECRET');
  let jwtSecretGenerated = false;
  if (jwtSecret !== undefined && jwtSecret.length < 32) fail('JWT_SECRET', 'at least 32 characters');
  if (jwtSecret === undefined) {
    if (nodeEnv === 'production') fail('JWT_SECRET', 'set (at least 32 characters) when NODE_ENV=production');
    jwtSecret = persistedSecret(varDir, 'jwt-secret');
    jwtSecretGenerated = true;
  }

  let tokenSecret = optional(env, 'TOKEN_SECRET');
  let tokenSecretGenerated = false;
  if (tokenSecret !== undefined && tokenSecret.length < 32) fail('TOKEN_SECRET', 'at least 32 characters');
  if (tokenSecret === undefined) {
    if (nodeEnv === 'production') fail('TOKEN_SECRET', 'set (at least 32 characters) when NODE_ENV=production');
    tokenSecret = persistedSecret(varDir, 'token-secret');
    tokenSecretGenerated = true;
  }
  if (nodeEnv === 'production') refusePlaceholders(env);

  return {
    nodeEnv,
    port,
    databaseUrl,
    smtpUrl,
    mailFrom: mailFrom(env),
    contactEmail: contactEmail(env),
    publicBaseUrl,
    organiserEmail,
    organiserPassword,
    jwtSecret,
    jwtSecretGenerated,
    schedulerTickSeconds: integer(env, 'SCHEDULER_TICK_SECONDS', 60, 1, 86400),
    retentionDays: integer(env, 'RETENTION_DAYS', 365, 1, 36500),
    publicRateLimitPerMinute: integer(env, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 600, 0),
    tokenSecret,
    tokenSecretGenerated,
    mailMaxAttempts: integer(env, 'MAIL_MAX_ATTEMPTS', 10, 1, 100),
    mailLeaseSeconds: integer(env, 'MAIL_LEASE_SECONDS', 120, 1, 86400),
    mailRecipientCap: integer(env, 'MAIL_RECIPIENT_CAP', 20, 0),
    scryptN: nodeEnv === 'test' ? 2 ** 14 : 2 ** 17,
    trustProxy: trustProxy(optional(env, 'TRUST_PROXY'), (expected) => fail('TRUST_PROXY', expected)),
    operatorName: operatorName(env),
    varDir,
    logLevel: logLevel(env),
    metricsToken: metricsToken(env),
  };
}

function logLevel(env: Env): LogLevel {
  const raw = optional(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) fail('LOG_LEVEL', `one of ${LOG_LEVELS.join(', ')}`);
  return raw as LogLevel;
}

function metricsToken(env: Env): string | null {
  const raw = optional(env, 'METRICS_TOKEN');
  if (raw === undefined) return null;
  if (raw.length < 16 || !/^[\x21-\x7e]+$/.test(raw)) fail('METRICS_TOKEN', 'at least 16 printable characters without spaces');
  return raw;
}

function operatorName(env: Env): string {
  const raw = optional(env, 'OPERATOR_NAME') ?? 'Préfet de la région Occitanie';
  if (raw.length > 120 || /[\p{Cc}<>]/u.test(raw)) fail('OPERATOR_NAME', 'a name of at most 120 characters, without control characters or angle brackets');
  return raw;
}
