import type { CalendarView } from './calendar.renderer';

/** A small programme for tests and previews: commas, semicolons and accents on purpose. */
export const SAMPLE_CALENDAR: CalendarView = {
  name: 'Rencontre régionale de la lutte contre la pauvreté 2027',
  timezone: 'Europe/Paris',
  entries: [
    {
      uid: '5b0e1c7e-8f7a-4c39-9a53-3f1f7d0c2a01@rencontres',
      title: 'Plénière d’ouverture : gouvernance, bilan; perspectives',
      startsAt: new Date('2027-03-11T08:30:00Z'),
      endsAt: new Date('2027-03-11T10:00:00Z'),
      location: 'Auditorium Pasteur, Le Corum, Montpellier',
      description: 'Avec Claire Fabre (Commissaire à la lutte contre la pauvreté).\nOuverture des travaux des groupes thématiques.',
      updatedAt: new Date('2027-01-15T10:00:00Z'),
    },
    {
      uid: '5b0e1c7e-8f7a-4c39-9a53-3f1f7d0c2a02@rencontres',
      title: 'Atelier : aide alimentaire, circuits courts et dignité',
      startsAt: new Date('2027-03-11T13:30:00Z'),
      endsAt: new Date('2027-03-11T15:00:00Z'),
      location: 'Salle Joffre 1, Le Corum, Montpellier',
      description: null,
      updatedAt: new Date('2027-01-16T10:00:00Z'),
    },
  ],
};
