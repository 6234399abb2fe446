import type { MailAttendance, MailBase, MailKind, MailView, MailWorkshopView } from './mail-view';

/**
 * One realistic view per kind, for the renderer's tests and `npm run mail:preview`. Titles are
 * typed as organisers type them (ordinary spaces before ":"); dates are worded as the worker words them.
 */

const BASE: MailBase = {
  firstName: 'Camille',
  lastName: 'Roux',
  event: {
    title: 'Rencontre régionale de la stratégie de lutte contre la pauvreté',
    startsAt: 'jeudi 11 mars 2027 à 9 h 00',
    endsAt: '17 h 00',
    format: 'hybrid',
    venue: { name: 'Le Corum', address: 'Esplanade Charles-de-Gaulle', postalCode: '34000', city: 'Montpellier' },
  },
  manageUrl: 'https://rencontres.example.gouv.fr/inscriptions/gerer#jeton=Zq3v8KfT1mXo4bWc',
  contactEmail: 'rencontres-pauvrete@example.gouv.fr',
};

const RURAL: MailWorkshopView = {
  title: 'Atelier : l’accès aux droits en milieu rural',
  when: 'jeudi 11 mars 2027 à 14 h 00 – 15 h 30',
  room: 'Salle Joffre 1',
  status: 'confirmed',
  waitlistPosition: null,
};

const FOOD: MailWorkshopView = {
  title: 'Atelier : une aide alimentaire digne et durable',
  when: 'jeudi 11 mars 2027 à 16 h 00 – 17 h 00',
  room: 'Salle Einstein',
  status: 'waitlisted',
  waitlistPosition: 3,
};

const ONSITE: MailAttendance = {
  attendanceMode: 'onsite',
  onlineUrl: null,
  workshops: [RURAL, FOOD],
  hasBadge: true,
  hasAgenda: true,
};

const ONLINE: MailAttendance = {
  attendanceMode: 'online',
  onlineUrl: 'https://webinaire.example.gouv.fr/rencontre-regionale-2027',
  workshops: [RURAL],
  hasBadge: false,
  hasAgenda: true,
};

export const MAIL_SAMPLES: { [K in MailKind]: Extract<MailView, { kind: K }> } = {
  confirmation: { kind: 'confirmation', ...BASE, ...ONSITE, allocationOn: null },
  allocation: { kind: 'allocation', ...BASE, ...ONSITE, workshops: [RURAL, FOOD].map((w) => ({ ...w, status: 'confirmed' as const, waitlistPosition: null })) },
  waitlisted: {
    kind: 'waitlisted',
    ...BASE,
    firstName: 'Nadia',
    lastName: 'Benali',
    position: 4,
    workshops: [{ ...RURAL, status: 'waitlisted', waitlistPosition: null }],
  },
  promoted: { kind: 'promoted', ...BASE, firstName: 'Nadia', lastName: 'Benali', ...ONLINE },
  workshop_promoted: {
    kind: 'workshop_promoted',
    ...BASE,
    workshop: { ...FOOD, status: 'confirmed', waitlistPosition: null },
    hasAgenda: true,
  },
  cancellation: { kind: 'cancellation', ...BASE, firstName: 'Jean-Pierre', lastName: 'Vidal', byOrganiser: false },
  reminder: { kind: 'reminder', ...BASE, firstName: 'Nadia', lastName: 'Benali', dueIn: 'demain', ...ONLINE },
  session_changed: {
    kind: 'session_changed',
    ...BASE,
    session: {
      title: RURAL.title,
      before: { when: RURAL.when, room: RURAL.room },
      now: { when: 'jeudi 11 mars 2027 à 15 h 45 – 17 h 15', room: 'Salle Rondelet' },
    },
    hasAgenda: true,
  },
  event_cancelled: {
    kind: 'event_cancelled',
    ...BASE,
    event: {
      title: 'Journée d’étude : la participation des personnes concernées',
      startsAt: 'mardi 18 mai 2027 à 9 h 30',
      endsAt: '16 h 30',
      format: 'onsite',
      venue: { name: 'Hôtel de Région', address: '201 avenue de la Pompignane', postalCode: '34064', city: 'Montpellier' },
    },
    reason: 'La salle n’est plus disponible à cette date. Une nouvelle date sera annoncée au réseau.',
  },
  broadcast: {
    kind: 'broadcast',
    ...BASE,
    subject: 'Rencontre du 11 mars : le programme des ateliers est en ligne',
    body:
      'Le programme détaillé des onze groupes de travail est prêt.\n' +
      'Vous pouvez encore changer d’atelier jusqu’au 4 mars.\n\n' +
      'Pensez à venir avec votre badge : l’accueil ouvre à 8 h 30.\n' +
      'Un espace calme et une garderie sont prévus sur place.',
  },
  manage_link: { kind: 'manage_link', ...BASE, firstName: 'Jean-Pierre', lastName: 'Vidal' },
};

/** The same views for people who asked for messages easy to read and understand (FALC). */
export const MAIL_SAMPLES_EASY = Object.fromEntries(Object.entries(MAIL_SAMPLES).map(([kind, view]) => [kind, { ...view, easyRead: true }])) as typeof MAIL_SAMPLES;
