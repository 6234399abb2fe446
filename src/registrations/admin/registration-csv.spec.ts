import fc from 'fast-check';
import { ExportRow, frenchDateTime, neutraliseFormula, toCsvRecord, CSV_HEADERS } from './registration-csv';
import { ratio } from './event-stats.mapper';

describe('CSV cells', () => {
  it('neutralises anything a spreadsheet would evaluate, and nothing else', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('+33 6')).toBe("'+33 6");
    expect(neutraliseFormula('-2')).toBe("'-2");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\r=1')).toBe("'\r=1");
    expect(neutraliseFormula('Jean-Pierre')).toBe('Jean-Pierre');
    expect(neutraliseFormula('')).toBe('');
    fc.assert(
      fc.property(fc.string(), (value) => {
        const cell = neutraliseFormula(value);
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(cell === value || cell === `'${value}`).toBe(true);
      }),
    );
  });

  it('writes dates the French way in the event’s zone, summer and winter', () => {
    expect(frenchDateTime(new Date('2027-03-11T08:05:00Z'), 'Europe/Paris')).toBe('11/03/2027 09:05');
    expect(frenchDateTime(new Date('2027-07-01T07:30:00Z'), 'Europe/Paris')).toBe('01/07/2027 09:30');
    expect(frenchDateTime(new Date('2027-07-01T07:30:00Z'), 'America/Cayenne')).toBe('01/07/2027 04:30');
  });

  it('fills every column in header order', () => {
    const row: ExportRow = {
      lastName: 'Puig',
      firstName: 'Anaïs',
      email: 'puig@exemple.test',
      organisation: null,
      jobTitle: null,
      organisationType: 'collectivite',
      department: '2A',
      attendanceMode: 'online',
      status: 'waitlisted',
      waitlistPosition: 3,
      sessions: [],
      accessibilityNeeds: 'Rampe',
      accessibility: ['lsf', 'wheelchair'],
      travelSupport: true,
      dietaryRequirements: null,
      photoConsent: false,
      createdAt: new Date('2026-12-31T23:30:00Z'),
      checkedInAt: null,
    };
    const record = toCsvRecord(row, 'Europe/Paris');
    expect(record).toHaveLength(CSV_HEADERS.length);
    expect(record).toEqual([
      'Puig',
      'Anaïs',
      'puig@exemple.test',
      '',
      '',
      'Collectivité territoriale',
      '2A – Corse-du-Sud',
      'En ligne',
      'Liste d’attente',
      '3',
      '',
      'Interprétation en langue des signes française (LSF) | Accès en fauteuil roulant | Rampe',
      'Oui',
      '',
      'Non',
      '01/01/2027 00:30',
      '',
    ]);
  });
});

describe('ratios in figures', () => {
  it('rounds to three decimals and is null when there is nothing to divide by', () => {
    expect(ratio(2, 3)).toBe(0.667);
    expect(ratio(1, 8)).toBe(0.125);
    expect(ratio(5, 5)).toBe(1);
    expect(ratio(0, 10)).toBe(0);
    expect(ratio(3, null)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
  });
});
