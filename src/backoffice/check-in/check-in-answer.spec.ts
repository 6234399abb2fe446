import { conflict, notFound, unprocessable } from '../../common/domain-error';
import { answerOf, doorTime, refusalOf } from './check-in-answer';
import { looksLikeCheckInCode } from './check-in-desk.service';

describe('check-in answers at the door', () => {
  const result = { registrationId: 'r', fullName: 'Amélie Nguyen', organisation: 'CCAS de Montpellier', checkedInAt: '2027-03-11T09:12:40+01:00', alreadyCheckedIn: false };

  it('is green with the name and organisation on a first scan, orange with the first time on a second', () => {
    expect(answerOf(result)).toEqual({
      tone: 'arrived',
      headline: 'Bienvenue',
      name: 'Amélie Nguyen',
      organisation: 'CCAS de Montpellier',
      detail: 'Arrivée enregistrée à 9 h 12.',
    });
    const again = answerOf({ ...result, alreadyCheckedIn: true });
    expect(again.tone).toBe('already');
    expect(again.headline).toBe('Déjà enregistré à 9 h 12');
  });

  it('is red for unknown, cancelled and waitlisted badges, and leaves other errors alone', () => {
    expect(refusalOf(notFound('Registration', 'Aucune inscription.'))).toMatchObject({ tone: 'refused', headline: 'Badge inconnu' });
    expect(refusalOf(conflict('registration-cancelled', 'annulée'))).toMatchObject({ tone: 'refused', headline: 'Inscription annulée' });
    expect(refusalOf(conflict('registration-waitlisted', 'attente'))).toMatchObject({ tone: 'refused', headline: 'Sur liste d’attente' });
    expect(refusalOf(notFound('Event'))).toBeNull();
    expect(refusalOf(unprocessable('x', 'y'))).toBeNull();
    expect(refusalOf(new Error('boom'))).toBeNull();
  });

  it('reads the local time of a zoned ISO time, and tells a typed code from a name', () => {
    expect(doorTime('2027-03-11T14:05:00+01:00')).toBe('14 h 05');
    expect(looksLikeCheckInCode('k7qm-4xw9-prtz')).toBe(true);
    expect(looksLikeCheckInCode('Nguyen')).toBe(false);
    expect(looksLikeCheckInCode('Marie-Christine')).toBe(false);
  });
});
