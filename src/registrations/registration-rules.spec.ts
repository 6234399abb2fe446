import { firstOverlap, modeCapacity, modesOf, overlaps, resolveMode } from './registration-rules';

const at = (h: number, m = 0) => new Date(Date.UTC(2027, 2, 11, h, m));
const slot = (id: string, from: number, to: number) => ({ id, startsAt: at(from), endsAt: at(to) });

describe('registration rules', () => {
  it('gives hybrid events a separate online capacity, and online events their capacity online', () => {
    expect(modeCapacity({ format: 'hybrid', capacity: 100, onlineCapacity: 50 }, 'onsite')).toBe(100);
    expect(modeCapacity({ format: 'hybrid', capacity: 100, onlineCapacity: null }, 'online')).toBeNull();
    expect(modeCapacity({ format: 'online', capacity: 300, onlineCapacity: null }, 'online')).toBe(300);
    expect(modesOf('hybrid')).toEqual(['onsite', 'online']);
    expect(modesOf('onsite')).toEqual(['onsite']);
  });

  it('requires a mode for hybrid events and forces it otherwise', () => {
    expect(resolveMode('hybrid', undefined)).toBeNull();
    expect(resolveMode('hybrid', 'online')).toBe('online');
    expect(resolveMode('onsite', 'online')).toBe('onsite');
    expect(resolveMode('online', undefined)).toBe('online');
  });

  it('lets back-to-back sessions be chosen together but not overlapping ones', () => {
    expect(overlaps(slot('a', 9, 10), slot('b', 10, 11))).toBe(false);
    expect(overlaps(slot('a', 9, 11), slot('b', 10, 12))).toBe(true);
    expect(overlaps(slot('a', 9, 12), slot('b', 10, 11))).toBe(true);
    expect(firstOverlap([slot('a', 14, 15), slot('b', 9, 10), slot('c', 10, 11)])).toBeNull();
    expect(firstOverlap([slot('a', 14, 16), slot('b', 9, 10), slot('c', 15, 17)])?.map((s) => s.id)).toEqual(['a', 'c']);
  });
});
