import { badgeColourKey } from '../badge/badge-colours';
import type { ProgrammeDayView, ProgrammePdfView } from './programme-pdf.view';

const DAY_ONE: ProgrammeDayView = {
  label: 'jeudi 11 mars 2027',
  slots: [
    {
      time: '9 h 30 – 11 h 00',
      sessions: [
        {
          title: 'Plénière d’ouverture : gouvernance, bilan et perspectives',
          typeLabel: 'Plénière',
          time: null,
          room: 'Auditorium Pasteur',
          speakers: ['Claire Fabre (Commissaire à la lutte contre la pauvreté, Préfecture de région)', 'Karim Benali (Vice-président, Conseil départemental de l’Hérault)'],
          themes: ['Connaissance de la pauvreté'],
          description: 'Ouverture des travaux : les onze groupes thématiques présentent leurs feuilles de route.',
          actions: [],
        },
      ],
    },
    {
      time: '14 h 00 – 15 h 45',
      sessions: [
        {
          title: 'Atelier : aide alimentaire, circuits courts et dignité',
          typeLabel: 'Atelier',
          time: null,
          room: 'Salle Joffre 1',
          speakers: ['Nadia Roux (Banque alimentaire de l’Hérault)'],
          themes: ['Aide alimentaire'],
          description: null,
          actions: [{ title: 'L’épicerie solidaire itinérante', organisation: 'Secours populaire du Gers' }],
        },
        {
          title: 'Atelier : le « aller vers » en milieu rural',
          typeLabel: 'Atelier',
          time: '14 h 00 – 15 h 45',
          room: 'Salle Joffre 2',
          speakers: [],
          themes: ['Pauvreté en milieu rural', 'Pratiques du travail social'],
          description: 'Comment aller à la rencontre de ceux qui ne demandent rien ?',
          actions: [{ title: 'Le bus des droits', organisation: 'Mutualité sociale agricole du Gers' }],
        },
      ],
    },
  ],
};

/** Two days, parallel workshops, two highlighted actions; accents, « » and ? on purpose. */
export const SAMPLE_PROGRAMME: ProgrammePdfView = {
  title: 'Rencontre régionale de la lutte contre la pauvreté 2027',
  kindLabel: 'Rencontre régionale',
  formatLabel: 'Sur place et en ligne',
  dates: 'du jeudi 11 au vendredi 12 mars 2027',
  place: 'Le Corum, esplanade Charles-de-Gaulle, 34000 Montpellier',
  description: 'Chaque année, les acteurs du réseau régional se retrouvent pour faire le point sur la stratégie de prévention et de lutte contre la pauvreté.',
  cancelled: false,
  days: [
    DAY_ONE,
    {
      label: 'vendredi 12 mars 2027',
      slots: [
        {
          time: '9 h 00 – 10 h 30',
          sessions: [
            {
              title: 'Table ronde : la participation des personnes concernées',
              typeLabel: 'Table ronde',
              time: null,
              room: 'Auditorium Pasteur',
              speakers: ['Marie Dupré (Personne concernée, CRPA Occitanie)'],
              themes: ['Participation des personnes concernées'],
              description: null,
              actions: [],
            },
          ],
        },
      ],
    },
  ],
  actions: [
    {
      title: 'Le bus des droits',
      organisation: 'Mutualité sociale agricole du Gers',
      organisationTypeLabel: 'Service public (France Travail, CAF…)',
      territory: 'Gers (32)',
      themes: ['Pauvreté en milieu rural'],
      summary: 'Un bus aménagé sillonne les communes rurales pour ouvrir les droits sociaux au plus près des habitants.',
      contact: 'Jeanne Laffitte — https://msa-gers.example.fr/bus',
    },
    {
      title: 'L’épicerie solidaire itinérante',
      organisation: 'Secours populaire du Gers',
      organisationTypeLabel: 'Association',
      territory: 'Gers (32), Lot (46)',
      themes: ['Aide alimentaire'],
      summary: 'Des produits frais et locaux à petit prix, dans une camionnette qui passe chaque semaine dans vingt villages.',
      contact: null,
    },
  ],
  badgeKey: badgeColourKey().map(({ label, fill, text }) => ({ label, fill, text })),
};

/** A long programme (`days` days of `slots` slots of three parallel workshops), for the table of contents. */
export function longProgramme(days: number, slots: number): ProgrammePdfView {
  const workshop = DAY_ONE.slots[1].sessions[0];
  return {
    ...SAMPLE_PROGRAMME,
    days: Array.from({ length: days }, (_, d) => ({
      label: `${['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'][d % 5]} ${8 + d} mars 2027`,
      slots: Array.from({ length: slots }, (_, s) => ({
        time: `${9 + s} h 00 – ${10 + s} h 00`,
        sessions: [1, 2, 3].map((n) => ({ ...workshop, title: `Atelier ${d + 1}.${s + 1}.${n} : ${workshop.title}`, room: `Salle ${n}` })),
      })),
    })),
  };
}
