import { DomainError } from '../common/domain-error';
import { formErrors } from './form-errors';
import { frenchLocalDate, frenchSpan } from './french';
import { logoLines } from './page-renderer';
import { REGISTRATION_ANCHORS, REGISTRATION_ORDER, REGISTRATION_WORDING, registrationFromForm } from './registration-form';

describe('pages wording', () => {
  it('dates in French in the event’s zone, "1er" for the first of the month', () => {
    expect(frenchSpan('2027-03-11T08:00:00Z', '2027-03-11T16:00:00Z', 'Europe/Paris')).toBe('jeudi 11 mars 2027, de 9 h 00 à 17 h 00');
    expect(frenchSpan('2026-12-31T08:00:00Z', '2027-01-01T16:00:00Z', 'Europe/Paris')).toBe('du jeudi 31 décembre 2026, 9 h 00, au vendredi 1er janvier 2027, 17 h 00');
    expect(frenchSpan('2027-03-11T08:00:00Z', '2027-03-11T09:00:00Z', 'America/Cayenne')).toBe('jeudi 11 mars 2027, de 5 h 00 à 6 h 00');
    expect(frenchLocalDate('2027-04-01')).toBe('jeudi 1er avril 2027');
    expect(frenchLocalDate('2027-04-11')).toBe('dimanche 11 avril 2027');
  });

  it('the brand block breaks the operator’s name over three lines', () => {
    expect(logoLines('Préfet de la région Occitanie')).toEqual(['Préfet', 'de la région', 'Occitanie']);
    expect(logoLines('République française')).toEqual(['République française']);
  });

  it('DTO refusals get the field’s French sentence; domain refusals keep their own; unplaced ones go to the summary', () => {
    const dto = new DomainError(422, 'validation', 'x', 'La requête contient des valeurs invalides.', [
      { field: 'consent', message: 'must be true' },
      { field: 'email', message: 'must be a valid email address' },
    ]);
    const mapped = formErrors(dto, REGISTRATION_WORDING, REGISTRATION_ORDER, REGISTRATION_ANCHORS);
    expect(mapped.fields.email).toBe(REGISTRATION_WORDING.email);
    expect(mapped.summary.map((s) => s.href)).toEqual(['#email', '#consent']);
    const clash = new DomainError(409, 'sessions-overlap', 'x', 'Les ateliers « A » et « B » ont lieu en même temps.', [{ field: 'sessionIds', message: 'a and b overlap' }]);
    expect(formErrors(clash, REGISTRATION_WORDING, REGISTRATION_ORDER, REGISTRATION_ANCHORS).summary).toEqual([
      { href: '#ateliers', message: 'Les ateliers « A » et « B » ont lieu en même temps.' },
    ]);
    const closed = new DomainError(422, 'registration-closed', 'x', 'Les inscriptions sont closes pour cet événement.');
    expect(formErrors(closed, REGISTRATION_WORDING, REGISTRATION_ORDER).summary).toEqual([{ href: null, message: 'Les inscriptions sont closes pour cet événement.' }]);
  });

  it('the form becomes the API’s body: one workshop per slot, "aucun atelier" left out, the mode only for hybrid events', () => {
    const body = { firstName: 'A', atelier_0: 'w1', atelier_1: '', atelier_2: 'w3', consent: 'true', attendanceMode: 'online', department: '' };
    expect(registrationFromForm(body, { format: 'onsite' })).toMatchObject({ sessionIds: ['w1', 'w3'], consent: true, department: null, photoConsent: false });
    expect(registrationFromForm(body, { format: 'onsite' })).not.toHaveProperty('attendanceMode');
    expect(registrationFromForm(body, { format: 'hybrid' })).toMatchObject({ attendanceMode: 'online' });
    expect(registrationFromForm({}, { format: 'onsite' })).toMatchObject({ consent: false, sessionIds: [] });
  });
});
