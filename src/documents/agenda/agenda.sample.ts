import type { AgendaView } from './agenda.view';

/** Two days, a plenary for all, a confirmed workshop and a waitlisted one; accents and « » on purpose. */
export const SAMPLE_AGENDA: AgendaView = {
  eventTitle: 'Rencontre régionale de la lutte contre la pauvreté 2027',
  eventDates: 'du jeudi 11 au vendredi 12 mars 2027',
  place: 'Le Corum, Montpellier',
  person: { fullName: 'Élodie Lefèvre', organisation: 'Association « Solidarités Occitanie »', attendance: 'Sur place' },
  days: [
    {
      label: 'jeudi 11 mars 2027',
      items: [
        {
          time: '9 h 30 – 11 h 00',
          title: 'Plénière d’ouverture : gouvernance, bilan et perspectives',
          typeLabel: 'Plénière',
          room: 'Auditorium Pasteur',
          speakers: ['Claire Fabre', 'Karim Benali'],
          choice: null,
        },
        {
          time: '14 h 00 – 15 h 30',
          title: 'Atelier : aide alimentaire, circuits courts et dignité',
          typeLabel: 'Atelier',
          room: 'Salle Joffre 1',
          speakers: ['Nadia Roux'],
          choice: { status: 'confirmed', waitlistPosition: null },
        },
      ],
    },
    {
      label: 'vendredi 12 mars 2027',
      items: [
        {
          time: '9 h 00 – 10 h 30',
          title: 'Atelier : le non-recours aux droits en milieu rural',
          typeLabel: 'Atelier',
          room: 'Salle Joffre 3',
          speakers: [],
          choice: { status: 'waitlisted', waitlistPosition: 3 },
        },
        {
          time: '16 h 00 – 17 h 00',
          title: 'Plénière de clôture',
          typeLabel: 'Plénière',
          room: 'Auditorium Pasteur',
          speakers: [],
          choice: null,
        },
      ],
    },
  ],
  practical: [
    { label: 'Adresse', value: 'Le Corum, esplanade Charles-de-Gaulle, 34000 Montpellier' },
    { label: 'Accueil', value: 'à partir de 8 h 45 : présentez votre badge (QR code) à l’entrée' },
    { label: 'Gérer mon inscription', value: 'https://rencontres.example.fr/inscription/jeton-d-exemple' },
  ],
  checkInCode: 'K7QM4XW9PRTZ',
};
