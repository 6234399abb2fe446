import { clientKey } from './client-address';

describe('clientKey', () => {
  it('keeps IPv4 addresses, mapped or not', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });
  it('groups IPv6 addresses by /64, however they are written', () => {
    const key = clientKey('2001:db8:abcd:12::1');
    expect(key).toBe('2001:db8:abcd:12::/64');
    expect(clientKey('2001:0DB8:ABCD:0012:ffff:ffff:ffff:fffe')).toBe(key);
    expect(clientKey('2001:db8:abcd:12:0:0:0:99')).toBe(key);
    expect(clientKey('2001:db8:abcd:13::1')).not.toBe(key);
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
  });
  it('never fails on odd input', () => {
    expect(clientKey(undefined)).toBe('unknown');
    expect(clientKey('not an address')).toBe('not an address');
  });
});
