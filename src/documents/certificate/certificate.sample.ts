import type { CertificateView } from './certificate.view';

export const SAMPLE_CERTIFICATE: CertificateView = {
  eventTitle: 'Rencontre régionale de la lutte contre la pauvreté 2027',
  eventDates: 'du jeudi 11 au vendredi 12 mars 2027',
  place: 'Le Corum, Montpellier',
  person: { fullName: 'Élodie Lefèvre', organisation: 'Association « Solidarités Occitanie »' },
  checkedInAt: 'jeudi 11 mars 2027, 8 h 52',
  sessions: [
    { title: 'Plénière d’ouverture : gouvernance, bilan et perspectives', when: 'jeudi 11 mars 2027, 9 h 30 – 11 h 00' },
    { title: 'Atelier : aide alimentaire, circuits courts et dignité', when: 'jeudi 11 mars 2027, 14 h 00 – 15 h 30' },
  ],
  organiserName: 'Commissariat à la lutte contre la pauvreté d’Occitanie',
  issuedIn: 'Montpellier',
  issuedOn: '12 mars 2027',
};
