import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 (128 MiB, about 0.6 s on a
 * 2-core server). Only the test suite asks for less (config.passwordHashing), to stay fast.
 */
export const RECOMMENDED_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** Hashes at once per instance: each holds 128 MiB and a core; more would only queue in libuv. */
const MAX_CONCURRENT = 2;

let running = 0;
const waiting: Array<() => void> = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function scrypt(password: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  // maxmem: scrypt needs about 128·N·r bytes; Node refuses anything over 32 MiB unless told.
  const options = { N, r, p, maxmem: 2 * 128 * N * r * p };
  return withSlot(() => new Promise((resolve, reject) => scryptCallback(password, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))));
}

const format = (params: ScryptParams, salt: Buffer, key: Buffer) => ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');

function parse(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !hash || !Object.values(params).every((v) => Number.isInteger(v) && v > 0)) return null;
  // Refuse costs no hash of ours carries rather than let a stored value exhaust memory.
  if (params.N > 2 ** 20 || params.r > 32 || params.p > 16) return null;
  return { params, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

/** `scrypt$N$r$p$salt$hash`, base64url parts: self-describing, so the cost can be raised later. */
export async function hashPassword(password: string, params: ScryptParams = RECOMMENDED_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  return format(params, salt, await scrypt(password, salt, params));
}

export interface Verification {
  valid: boolean;
  /** The hash was made with other parameters than `params`: store a new one now that we know the password. */
  needsRehash: boolean;
}

export async function verifyPassword(password: string, stored: string, params: ScryptParams = RECOMMENDED_SCRYPT): Promise<Verification> {
  const parsed = parse(stored);
  if (!parsed) return { valid: false, needsRehash: false };
  const key = await scrypt(password, parsed.salt, parsed.params);
  const valid = key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
  const current = parsed.params.N === params.N && parsed.params.r === params.r && parsed.params.p === params.p;
  return { valid, needsRehash: valid && !current };
}

/** Verified against when the email is unknown, at the current cost, so both paths take the same time. */
export const dummyHash = (params: ScryptParams = RECOMMENDED_SCRYPT) => format(params, Buffer.alloc(16), Buffer.alloc(KEY_LENGTH));
