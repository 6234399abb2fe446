import { frenchDateRange, frenchTime, frenchTypography, sortByName } from './french';

const NNBSP = '\u202F';

describe('frenchTypography', () => {
  it('puts a narrow no-break space before ; : ! ? and inside « », once, and leaves URLs and times alone', () => {
    expect(frenchTypography('Atelier : « le non-recours » ; vraiment ? oui !')).toBe(`Atelier${NNBSP}: «${NNBSP}le non-recours${NNBSP}»${NNBSP}; vraiment${NNBSP}? oui${NNBSP}!`);
    expect(frenchTypography(frenchTypography('«Lien» : ok'))).toBe(`«${NNBSP}Lien${NNBSP}»${NNBSP}: ok`);
    expect(frenchTypography('https://visio.test/a?b=1 à 9:30')).toBe('https://visio.test/a?b=1 à 9:30');
    expect(frenchTypography("l'État")).toBe('l’État');
  });
});

describe('French dates', () => {
  const tz = 'Europe/Paris';
  it('writes one day with its hours, and ranges within a month, across months and across years', () => {
    expect(frenchDateRange(new Date('2027-03-11T08:00:00Z'), new Date('2027-03-11T16:30:00Z'), tz)).toBe('jeudi 11 mars 2027, 9 h 00 – 17 h 30');
    expect(frenchDateRange(new Date('2027-03-11T08:00:00Z'), new Date('2027-03-12T16:00:00Z'), tz)).toBe('du jeudi 11 au vendredi 12 mars 2027');
    expect(frenchDateRange(new Date('2027-02-28T08:00:00Z'), new Date('2027-03-01T16:00:00Z'), tz)).toBe('du dimanche 28 février au lundi 1er mars 2027');
    expect(frenchDateRange(new Date('2027-12-31T08:00:00Z'), new Date('2028-01-01T16:00:00Z'), tz)).toBe('du vendredi 31 décembre 2027 au samedi 1er janvier 2028');
    expect(frenchTime(new Date('2027-07-01T07:05:00Z'), tz)).toBe('9 h 05');
  });
});

describe('sortByName', () => {
  it('sorts by last name then first name with French collation: accents do not send Élodie to the end', () => {
    const people = [
      { lastName: 'Martin', firstName: 'Zoé' },
      { lastName: 'Écuyer', firstName: 'Paul' },
      { lastName: 'Martin', firstName: 'Élodie' },
      { lastName: 'Eymard', firstName: 'Ana' },
      { lastName: 'de Lattre', firstName: 'Jean' },
      { lastName: 'Durand', firstName: 'Emma' },
      { lastName: 'Martin', firstName: 'Emma' },
    ];
    expect(sortByName(people).map((p) => `${p.firstName} ${p.lastName}`)).toEqual([
      'Jean de Lattre',
      'Emma Durand',
      'Paul Écuyer',
      'Ana Eymard',
      'Élodie Martin',
      'Emma Martin',
      'Zoé Martin',
    ]);
  });
});
