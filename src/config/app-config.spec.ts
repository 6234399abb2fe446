import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const base = () => ({ VAR_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) });

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig(base());
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      smtpUrl: null,
      publicBaseUrl: 'http://localhost:3000',
      schedulerTickSeconds: 60,
      retentionDays: 365,
      publicRateLimitPerMinute: 600,
      organiserEmail: null,
      logLevel: 'info',
      metricsToken: null,
    });
  });

  it('takes a log level and a metrics token', () => {
    expect(loadConfig({ ...base(), LOG_LEVEL: 'warn', METRICS_TOKEN: 'a-scrape-token-of-16+' })).toMatchObject({ logLevel: 'warn', metricsToken: 'a-scrape-token-of-16+' });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SMTP_URL', 'not a url'],
    ['MAIL_FROM', 'Rencontres <pas-une-adresse>'],
    ['PUBLIC_BASE_URL', 'ftp://example.org'],
    ['PUBLIC_BASE_URL', '/relative'],
    ['SCHEDULER_TICK_SECONDS', '0'],
    ['SCHEDULER_TICK_SECONDS', '1.5'],
    ['RETENTION_DAYS', '-1'],
    ['PUBLIC_RATE_LIMIT_PER_MINUTE', 'many'],
    ['JWT_SECRET', 'short'],
    ['ORGANISER_EMAIL', 'nobody'],
    ['LOG_LEVEL', 'verbose'],
    ['METRICS_TOKEN', 'short'],
    ['METRICS_TOKEN', 'has a space in it, sixteen+'],
  ])('stops on a bad %s with one line naming it', (name, value) => {
    const env = { ...base(), ORGANISER_PASSWORD: 'long-enough-password', ORGANISER_EMAIL: 'a@b.fr', [name]: value };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('wants a long organiser password, given with the email', () => {
    expect(() => loadConfig({ ...base(), ORGANISER_EMAIL: 'a@b.fr', ORGANISER_PASSWORD: 'court' })).toThrow(/ORGANISER_PASSWORD/);
    expect(() => loadConfig({ ...base(), ORGANISER_EMAIL: 'a@b.fr' })).toThrow(/ORGANISER_PASSWORD/);
  });

  it('accepts a named sender and 0 to turn the public rate limit off', () => {
    const config = loadConfig({ ...base(), MAIL_FROM: 'Rencontres Occitanie <rencontres@occitanie.gouv.fr>', PUBLIC_RATE_LIMIT_PER_MINUTE: '0' });
    expect(config.mailFrom).toBe('Rencontres Occitanie <rencontres@occitanie.gouv.fr>');
    expect(config.publicRateLimitPerMinute).toBe(0);
  });

  it('generates a JWT secret once per data directory in development, and refuses none in production', () => {
    const env = base();
    const first = loadConfig(env);
    expect(first.jwtSecretGenerated).toBe(true);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(existsSync(join(env.VAR_DIR, 'jwt-secret'))).toBe(true);
    expect(readFileSync(join(env.VAR_DIR, 'jwt-secret'), 'utf8').trim()).toBe(first.jwtSecret);
    expect(loadConfig(env).jwtSecret).toBe(first.jwtSecret);
    expect(() => loadConfig({ ...base(), NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const prod = loadConfig({ ...base(), NODE_ENV: 'production', JWT_SECRET: 'q8Zt3vN1pLw6Rk0sYc2Hm9Xb4Fd7Gj5A', TOKEN_SECRET: 'Tk7Wq2Lm9Zx4Bv6Nc1Rp8Hs3Jd5Gf0Ya' });
    expect(prod.jwtSecretGenerated).toBe(false);
  });

  it('generates the manage-token key under VAR_DIR in development, requires TOKEN_SECRET in production', () => {
    const env = base();
    const first = loadConfig(env);
    expect(first.tokenSecretGenerated).toBe(true);
    expect(first.tokenSecret).not.toBe(first.jwtSecret);
    expect(readFileSync(join(env.VAR_DIR, 'token-secret'), 'utf8').trim()).toBe(first.tokenSecret);
    expect(loadConfig(env).tokenSecret).toBe(first.tokenSecret);
    expect(() => loadConfig({ ...base(), NODE_ENV: 'production', JWT_SECRET: 'q8Zt3vN1pLw6Rk0sYc2Hm9Xb4Fd7Gj5A' })).toThrow(/TOKEN_SECRET/);
    expect(() => loadConfig({ ...base(), TOKEN_SECRET: 'short' })).toThrow(/TOKEN_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ ...base(), MAIL_MAX_ATTEMPTS: '0' })).toThrow(/MAIL_MAX_ATTEMPTS/);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts loopback only when unset, a hop count, or listed addresses and ranges', () => {
    expect(loadConfig(base()).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base(), TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base(), TRUST_PROXY: ' 10.0.0.0/8, loopback ,fd00::/8,192.168.1.10' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback', 'fd00::/8', '192.168.1.10']);
  });
  it.each(['true', '*', '10.0.0.0/33', 'fd00::/129', 'proxy.local', '10.0.0.1/8/2', '11', ','])('refuses %s naming the variable', (value) => {
    expect(() => loadConfig({ ...base(), TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});

describe('placeholders in production', () => {
  const prod = { NODE_ENV: 'production', JWT_SECRET: 'q8Zt3vN1pLw6Rk0sYc2Hm9Xb4Fd7Gj5A', TOKEN_SECRET: 'Tk7Wq2Lm9Zx4Bv6Nc1Rp8Hs3Jd5Gf0Ya' };
  it.each([
    ['JWT_SECRET', 'change-me-change-me-change-me-change-me'],
    ['JWT_SECRET', 'x'.repeat(40)],
    ['ORGANISER_PASSWORD', 'changez-ce-mot-de-passe'],
    ['DATABASE_URL', 'postgres://rencontres:rencontres@db:5432/rencontres'],
    ['DATABASE_URL', 'postgres://app:change-me@db:5432/rencontres'],
  ])('refuses a known placeholder in %s', (name, value) => {
    const env = { ...base(), ...prod, ORGANISER_EMAIL: 'a@b.fr', ORGANISER_PASSWORD: 'Vq7-rT2k-Lp9w', [name]: value };
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });
  it('accepts them in development and real values in production', () => {
    expect(() => loadConfig({ ...base(), JWT_SECRET: 'change-me-change-me-change-me-change-me' })).not.toThrow();
    expect(() => loadConfig({ ...base(), ...prod, DATABASE_URL: 'postgres://app:Wq83jf0s2Lk@db:5432/rencontres' })).not.toThrow();
  });
});
