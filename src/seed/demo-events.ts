import { CreateEventDto } from '../events/dto/event-input.dto';
import { fromLocal } from '../common/time';

const TZ = 'Europe/Paris';
const DAY = 24 * 3600 * 1000;

/** The local date `days` from `now`, moved forward to the given weekday (0 = Sunday). */
function nextWeekday(now: Date, days: number, weekday: number): string {
  const date = new Date(now.getTime() + days * DAY);
  while (date.getUTCDay() !== weekday) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const at = (day: string, time: string) => fromLocal(`${day}T${time}`, TZ).toISOString();

/** Three demo events in French, dated from `now` so they are always to come. */
export function demoEvents(now: Date): { conference: CreateEventDto; studyDay: CreateEventDto; webinar: CreateEventDto } {
  const conferenceDay = nextWeekday(now, 100, 4); // a Thursday, about three months ahead
  const conferenceEnd = new Date(new Date(conferenceDay).getTime() + DAY).toISOString().slice(0, 10);
  const studyDay = nextWeekday(now, 60, 2); // a Tuesday
  const webinarDay = nextWeekday(now, 30, 4);
  return {
    conference: {
      title: 'Conférence régionale de la lutte contre la pauvreté en Occitanie',
      kind: 'conference',
      format: 'hybrid',
      description:
        'La conférence régionale annuelle de la Stratégie de prévention et de lutte contre la pauvreté réunit les services de l’État, ' +
        'les collectivités, les grands services publics, les associations, les partenaires sociaux, les entreprises, les citoyens ' +
        'et les personnes concernées. Deux journées pour se rencontrer, illustrer des actions remarquables, échanger des pratiques ' +
        'et débattre des feuilles de route des groupes de travail thématiques.',
      startsAt: at(conferenceDay, '09:00'),
      endsAt: at(conferenceEnd, '17:00'),
      timezone: TZ,
      venue: { name: 'Le Corum – Palais des congrès', address: 'Esplanade Charles-de-Gaulle', postalCode: '34000', city: 'Montpellier' },
      onlineUrl: 'https://webinaire.occitanie.example.org/conference-regionale',
      capacity: 450,
      onlineCapacity: 300,
      // Places kept for people with lived experience of poverty until a week before (the default release).
      quotas: [
        { organisationType: 'personne_concernee', attendanceMode: 'onsite', seats: 60 },
        { organisationType: 'personne_concernee', attendanceMode: 'online', seats: 20 },
      ],
      themes: ['petite_enfance', 'reussite_scolaire', 'sante', 'insertion_emploi', 'participation', 'entreprises', 'ruralite', 'aide_alimentaire'],
      departments: ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'],
    },
    studyDay: {
      title: 'Journée d’étude : aller vers les publics en milieu rural',
      kind: 'study_day',
      format: 'onsite',
      description:
        'Organisée avec le groupe de travail « Lutte contre la pauvreté en milieu rural » : premier accueil social de proximité, ' +
        'mobilité, référent de parcours et coopération entre acteurs dans les territoires ruraux de l’Aveyron, du Lot et de la Lozère.',
      startsAt: at(studyDay, '09:30'),
      endsAt: at(studyDay, '16:30'),
      timezone: TZ,
      venue: { name: 'Salle des fêtes de Rodez', address: '1 place Adrien-Rozier', postalCode: '12000', city: 'Rodez' },
      capacity: 120,
      // Workshops allocated by preference: participants rank them; the allocation runs a week before.
      workshopAllocation: 'preferences',
      preferencesCloseAt: at(new Date(new Date(studyDay).getTime() - 7 * DAY).toISOString().slice(0, 10), '12:00'),
      themes: ['ruralite', 'travail_social'],
      departments: ['12', '46', '48'],
    },
    webinar: {
      title: 'Webinaire : la participation des personnes concernées',
      kind: 'webinar',
      format: 'online',
      description:
        'Une heure et demie pour partager les démarches qui associent les personnes en situation de pauvreté à la conception ' +
        'et à l’évaluation des politiques de solidarité, avec le groupe de travail « Participation des personnes concernées ».',
      startsAt: at(webinarDay, '14:00'),
      endsAt: at(webinarDay, '15:30'),
      timezone: TZ,
      onlineUrl: 'https://webinaire.occitanie.example.org/participation',
      capacity: null,
      themes: ['participation'],
      departments: ['31', '34', '66'],
    },
  };
}
