import type { INestApplicationContext } from '@nestjs/common';
import { ActionsService } from '../actions/actions.service';
import { fromLocal, localDate } from '../common/time';
import { EventsRepository } from '../events/events.repository';
import { RoomsService } from '../programme/rooms/rooms.service';
import type { SessionType } from '../programme/sessions/session.entity';
import { SessionsService } from '../programme/sessions/sessions.service';
import { SpeakersService } from '../programme/speakers/speakers.service';

const ROOMS = [
  { key: 'auditorium', name: 'Auditorium Pasteur', capacity: 450 },
  { key: 'joffre', name: 'Salle Joffre', capacity: 60 },
  { key: 'einstein', name: 'Salle Einstein', capacity: 80 },
  { key: 'rondelet', name: 'Salle Rondelet', capacity: 40 },
  { key: 'sully', name: 'Salle Sully', capacity: 50 },
];

const SPEAKERS = [
  { key: 'commissaire', fullName: 'Hélène Castan', jobTitle: 'Commissaire à la lutte contre la pauvreté', organisation: 'Préfecture de la région Occitanie' },
  { key: 'dreets', fullName: 'Jean-Luc Ferrand', jobTitle: 'Directeur régional', organisation: 'DREETS Occitanie' },
  { key: 'departement', fullName: 'Sophie Baptiste', jobTitle: 'Vice-présidente déléguée aux solidarités', organisation: 'Conseil départemental de l’Hérault' },
  { key: 'franceTravail', fullName: 'Karim Benali', jobTitle: 'Directeur territorial', organisation: 'France Travail Occitanie' },
  { key: 'caf', fullName: 'Nathalie Roques', jobTitle: 'Directrice', organisation: 'CAF de la Haute-Garonne' },
  {
    key: 'concernee',
    fullName: 'Mireille Garrigues',
    jobTitle: 'Membre du collège des personnes concernées',
    organisation: 'Conseil régional des personnes accueillies ou accompagnées',
  },
  { key: 'fas', fullName: 'Thomas Vidal', jobTitle: 'Délégué régional', organisation: 'Fédération des acteurs de la solidarité Occitanie' },
  { key: 'pmi', fullName: 'Laure Mas', jobTitle: 'Médecin responsable de la PMI', organisation: 'Conseil départemental du Gard' },
  { key: 'banque', fullName: 'Patrick Soulié', jobTitle: 'Président', organisation: 'Banque alimentaire de l’Aude' },
  { key: 'ars', fullName: 'Camille Fabre', jobTitle: 'Chargée de mission inégalités sociales de santé', organisation: 'Agence régionale de santé Occitanie' },
  { key: 'entreprise', fullName: 'Antoine Delmas', jobTitle: 'Directeur des ressources humaines', organisation: 'Coopérative des vignerons du Minervois' },
  { key: 'irts', fullName: 'Inès Moreau', jobTitle: 'Formatrice en travail social', organisation: 'Institut régional du travail social Occitanie' },
];

const ACTIONS = [
  {
    key: 'bus',
    title: 'Le bus des droits',
    organisation: 'MSA Midi-Pyrénées Sud',
    organisationType: 'service_public',
    departments: ['32'],
    themes: ['ruralite', 'travail_social'],
    summary:
      'Un bus itinérant tient des permanences dans les villages du Gers : ouverture des droits, premier accueil social de proximité et orientation vers un référent de parcours.',
  },
  {
    key: 'epicerie',
    title: 'Épicerie solidaire itinérante',
    organisation: 'Secours populaire de l’Aveyron',
    organisationType: 'association',
    departments: ['12'],
    themes: ['aide_alimentaire', 'ruralite'],
    summary: 'Une épicerie solidaire en camion dessert les communes rurales de l’Aveyron avec des produits frais issus de circuits courts, choisis par les personnes accueillies.',
  },
  {
    key: 'creche',
    title: 'Crèche à vocation d’insertion professionnelle',
    organisation: 'Ville de Nîmes',
    organisationType: 'collectivite',
    departments: ['30'],
    themes: ['petite_enfance', 'insertion_emploi'],
    summary: 'Des places de crèche réservées aux parents en recherche d’emploi, avec un accompagnement renforcé de France Travail pendant la durée de l’accueil de l’enfant.',
  },
  {
    key: 'mediation',
    title: 'Médiation en santé dans les quartiers prioritaires',
    organisation: 'Association Partage Santé',
    organisationType: 'association',
    departments: ['31'],
    themes: ['sante'],
    summary: 'Des médiatrices en santé vont vers les habitants des quartiers toulousains pour lever les freins aux soins et faciliter l’accès à la complémentaire santé solidaire.',
  },
  {
    key: 'comite',
    title: 'Comité départemental des personnes concernées',
    organisation: 'Conseil départemental du Lot',
    organisationType: 'collectivite',
    departments: ['46'],
    themes: ['participation'],
    summary: 'Des personnes concernées, formées et défrayées, donnent leur avis sur les politiques départementales d’insertion et participent à l’évaluation des actions.',
  },
  {
    key: 'bidonville',
    title: 'Sortir du bidonville par le logement et l’emploi',
    organisation: 'DDETS des Pyrénées-Orientales',
    organisationType: 'etat',
    departments: ['66'],
    themes: ['bidonvilles', 'insertion_emploi'],
    summary:
      'Diagnostic social global, scolarisation des enfants et accompagnement vers le logement et l’emploi des familles d’un campement de Perpignan, avec les associations partenaires.',
  },
  {
    key: 'club',
    title: 'Club des entreprises inclusives du Tarn',
    organisation: 'Club des entreprises inclusives du Tarn',
    organisationType: 'entreprise',
    departments: ['81'],
    themes: ['entreprises', 'insertion_emploi'],
    summary:
      'Une trentaine d’entreprises tarnaises ouvrent des immersions professionnelles et parrainent des personnes éloignées de l’emploi accompagnées par les structures d’insertion.',
  },
  {
    key: 'formation',
    title: 'Formations croisées travailleurs sociaux et personnes concernées',
    organisation: 'Institut régional du travail social Occitanie',
    organisationType: 'association',
    departments: ['34'],
    themes: ['travail_social', 'participation'],
    summary: 'Des sessions de formation co-animées par des travailleurs sociaux et des personnes ayant connu la pauvreté, pour faire évoluer les pratiques d’accompagnement.',
  },
];

interface DemoSession {
  title: string;
  type: SessionType;
  day: 1 | 2;
  from: string;
  to: string;
  room?: string;
  speakers?: string[];
  themes?: string[];
  actions?: string[];
  capacity?: number;
  description?: string;
}

const workshop = (
  day: 1 | 2,
  from: string,
  to: string,
  room: string,
  title: string,
  themes: string[],
  speakers: string[],
  actions: string[],
  description: string,
): DemoSession => ({
  title,
  type: 'workshop',
  day,
  from,
  to,
  room,
  themes,
  speakers,
  actions,
  description,
});

const SESSIONS: DemoSession[] = [
  { title: 'Accueil des participants', type: 'networking', day: 1, from: '09:00', to: '09:30' },
  {
    title: 'Plénière d’ouverture : la Stratégie pauvreté en Occitanie, bilan et perspectives',
    type: 'plenary',
    day: 1,
    from: '09:30',
    to: '11:00',
    room: 'auditorium',
    speakers: ['commissaire', 'dreets', 'departement'],
    themes: ['connaissance_pauvrete'],
    description:
      'Ouverture de la conférence régionale : la gouvernance de la Stratégie, les contractualisations avec les treize départements et les trois métropoles, et les feuilles de route des groupes de travail.',
  },
  {
    title: 'Table ronde : coopérer dans les territoires pour l’accès à l’emploi',
    type: 'round_table',
    day: 1,
    from: '11:15',
    to: '12:30',
    room: 'auditorium',
    speakers: ['franceTravail', 'caf', 'fas', 'concernee'],
    themes: ['insertion_emploi', 'participation'],
    description:
      'Les conventions d’appui à la lutte contre la pauvreté et l’accès à l’emploi vues par ceux qui les font vivre : référent de parcours, délais d’orientation, place des personnes concernées.',
  },
  { title: 'Déjeuner', type: 'break', day: 1, from: '12:30', to: '14:00' },
  workshop(
    1,
    '14:00',
    '15:30',
    'joffre',
    'Atelier : petite enfance et insertion des parents',
    ['petite_enfance', 'insertion_emploi'],
    ['pmi'],
    ['creche'],
    'Modes d’accueil, soutien à la parentalité et retour à l’emploi des parents : retours d’expérience du groupe de travail Petite enfance.',
  ),
  workshop(
    1,
    '14:00',
    '15:30',
    'einstein',
    'Atelier : réduire les inégalités sociales de santé',
    ['sante'],
    ['ars'],
    ['mediation'],
    'Aller vers, médiation en santé et accès aux droits : ce qui marche pour les publics les plus éloignés du soin.',
  ),
  workshop(
    1,
    '14:00',
    '15:30',
    'rondelet',
    'Atelier : la pauvreté en milieu rural',
    ['ruralite'],
    ['caf'],
    ['bus'],
    'Mobilité, isolement et non-recours aux droits dans les territoires ruraux : premier accueil social de proximité et services itinérants.',
  ),
  workshop(
    1,
    '14:00',
    '15:30',
    'sully',
    'Atelier : entreprises engagées pour l’insertion',
    ['entreprises', 'insertion_emploi'],
    ['entreprise', 'franceTravail'],
    ['club'],
    'Comment les entreprises du territoire recrutent et accompagnent des personnes éloignées de l’emploi.',
  ),
  {
    title: 'Forum des actions remarquables',
    type: 'networking',
    day: 1,
    from: '15:45',
    to: '17:00',
    description: 'Les porteurs des actions remarquables présentent leurs projets sur leurs stands : échanges libres entre acteurs.',
    actions: ['bus', 'epicerie', 'creche', 'mediation', 'comite', 'bidonville', 'club', 'formation'],
  },
  workshop(
    2,
    '09:30',
    '11:00',
    'joffre',
    'Atelier : la participation des personnes concernées',
    ['participation'],
    ['concernee', 'departement'],
    ['comite'],
    'Associer les personnes en situation de pauvreté à la conception et à l’évaluation des politiques : conditions, défraiement, formation.',
  ),
  workshop(
    2,
    '09:30',
    '11:00',
    'einstein',
    'Atelier : une aide alimentaire digne et durable',
    ['aide_alimentaire'],
    ['banque'],
    ['epicerie'],
    'Circuits courts, libre choix et accompagnement : l’aide alimentaire au-delà du colis.',
  ),
  workshop(
    2,
    '09:30',
    '11:00',
    'rondelet',
    'Atelier : les pratiques du travail social',
    ['travail_social'],
    ['irts'],
    ['formation'],
    'Formation des travailleurs sociaux, référent de parcours et « aller vers » : faire évoluer les pratiques avec les personnes accompagnées.',
  ),
  workshop(
    2,
    '09:30',
    '11:00',
    'sully',
    'Atelier : résorber les bidonvilles',
    ['bidonvilles'],
    ['fas', 'dreets'],
    ['bidonville'],
    'Diagnostic global, scolarisation, logement et emploi : une démarche d’ensemble pour sortir durablement des campements.',
  ),
  { title: 'Pause', type: 'break', day: 2, from: '11:00', to: '11:30' },
  {
    title: 'Plénière de clôture : restitution des ateliers et feuilles de route des groupes de travail',
    type: 'plenary',
    day: 2,
    from: '11:30',
    to: '13:00',
    room: 'auditorium',
    speakers: ['commissaire', 'concernee'],
    themes: ['connaissance_pauvrete', 'participation'],
    description: 'Les rapporteurs des huit ateliers restituent les propositions ; la Commissaire conclut sur les priorités de l’année.',
  },
];

/**
 * The demo programme of the regional conference: rooms, speakers, sessions, highlighted actions.
 * `conferenceId` is a published, two-day event in Montpellier; everything goes through the same
 * services as the API, so every rule (clashes, times within the event) holds for the demo too.
 */
export async function seedDemoProgramme(app: INestApplicationContext, conferenceId: string): Promise<void> {
  const event = await app.get(EventsRepository).findById(conferenceId);
  if (!event) throw new Error(`Demo programme: no event ${conferenceId}`);
  const days = { 1: localDate(event.startsAt, event.timezone), 2: localDate(event.endsAt, event.timezone) };
  const time = (day: 1 | 2, hhmm: string) => fromLocal(`${days[day]}T${hhmm}`, event.timezone).toISOString();

  const rooms = new Map<string, string>();
  for (const { key, ...room } of ROOMS) rooms.set(key, (await app.get(RoomsService).create(conferenceId, room)).id);
  const speakers = new Map<string, string>();
  for (const { key, ...speaker } of SPEAKERS) speakers.set(key, (await app.get(SpeakersService).create(conferenceId, speaker)).id);
  const actions = new Map<string, string>();
  for (const { key, ...action } of ACTIONS) actions.set(key, (await app.get(ActionsService).create(conferenceId, action)).id);

  const sessions = app.get(SessionsService);
  for (const s of SESSIONS) {
    await sessions.create(conferenceId, {
      title: s.title,
      type: s.type,
      startsAt: time(s.day, s.from),
      endsAt: time(s.day, s.to),
      roomId: s.room ? rooms.get(s.room)! : null,
      speakerIds: (s.speakers ?? []).map((k) => speakers.get(k)!),
      actionIds: (s.actions ?? []).map((k) => actions.get(k)!),
      themes: s.themes ?? [],
      capacity: s.capacity ?? null,
      description: s.description ?? null,
    });
  }
}
