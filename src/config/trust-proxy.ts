import { isIP } from 'node:net';

/** Hop count, or the addresses and ranges of the proxies in front (as Express takes them). */
export type TrustProxy = number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isRange(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: unset = loopback only (a proxy on the same host); `N` = the N nearest hops are
 * proxies (behind one balancer: 1); or comma-separated addresses / CIDR ranges / `loopback`,
 * `linklocal`, `uniquelocal`. Never "trust everything": any client could then name its address.
 */
export function trustProxy(raw: string | undefined, fail: (expected: string) => never): TrustProxy {
  if (raw === undefined) return ['loopback'];
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) fail(`a hop count between 0 and 10 (got ${hops})`);
    return hops;
  }
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.find((entry) => !isRange(entry));
  if (bad !== undefined || entries.length === 0) {
    fail(`a hop count, or comma-separated addresses, CIDR ranges, loopback, linklocal or uniquelocal (got "${bad ?? raw}")`);
  }
  return entries;
}
