import { firstFreeSlug, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ["Journée d'étude Santé", 'journee-d-etude-sante'],
    ['Rencontre régionale 2027 — Occitanie', 'rencontre-regionale-2027-occitanie'],
    ['Œuvrer ensemble : « cœur » des territoires', 'oeuvrer-ensemble-coeur-des-territoires'],
    ['  !!!  ', 'evenement'],
  ])('%s → %s', (title, slug) => expect(slugify(title)).toBe(slug));

  it('stays short and never ends with a dash', () => {
    const slug = slugify('a '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('suffixes on collision', () => {
    expect(firstFreeSlug('x', new Set())).toBe('x');
    expect(firstFreeSlug('x', new Set(['x', 'x-2']))).toBe('x-3');
  });
});
