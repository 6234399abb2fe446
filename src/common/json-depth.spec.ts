import { jsonDepthExceeds } from './json-depth';

const depth = (text: string, max: number) => jsonDepthExceeds(Buffer.from(text), max);

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(depth('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(depth('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(depth('{"a":"[[[[[[{{{{"}', 1)).toBe(false);
    expect(depth('{"a":"\\"[[[[["}', 1)).toBe(false);
    expect(depth('{"a":"\\\\"}', 1)).toBe(false);
  });
  it('reads a megabyte of brackets in one pass', () => {
    expect(depth('['.repeat(1_000_000), 32)).toBe(true);
  });
});
