import type { INestApplicationContext } from '@nestjs/common';
import { fromLocal, localDate } from '../common/time';
import { EventsRepository } from '../events/events.repository';
import { SessionsService } from '../programme/sessions/sessions.service';

/** Two slots of parallel workshops, small enough that ranks matter (the allocation shares them out). */
const WORKSHOPS: Array<{ title: string; from: string; to: string; capacity: number; themes: string[]; description: string }> = [
  {
    title: 'Atelier : le premier accueil social de proximité',
    from: '10:30',
    to: '12:00',
    capacity: 40,
    themes: ['travail_social'],
    description: 'Un accueil inconditionnel à moins de trente minutes de chez soi : comment les communes et les départements s’organisent.',
  },
  {
    title: 'Atelier : la mobilité, premier frein à l’emploi',
    from: '10:30',
    to: '12:00',
    capacity: 30,
    themes: ['ruralite', 'insertion_emploi'],
    description: 'Garages solidaires, transport à la demande, permis accompagné : ce qui lève le frein de la mobilité en zone rurale.',
  },
  {
    title: 'Atelier : le référent de parcours',
    from: '14:00',
    to: '15:30',
    capacity: 40,
    themes: ['travail_social'],
    description: 'Une personne, un interlocuteur : retours d’expérience du référent de parcours en Aveyron et en Lozère.',
  },
  {
    title: 'Atelier : coopérer entre acteurs du territoire',
    from: '14:00',
    to: '15:30',
    capacity: 30,
    themes: ['ruralite'],
    description: 'Associations, CCAS, MSA, France Travail : se connaître et travailler ensemble autour des personnes.',
  },
];

/** The study day's workshops (the event's own day), through the same service as the API. */
export async function seedDemoStudyDay(app: INestApplicationContext, studyDayId: string): Promise<void> {
  const event = await app.get(EventsRepository).findById(studyDayId);
  if (!event) throw new Error(`Demo study day: no event ${studyDayId}`);
  const day = localDate(event.startsAt, event.timezone);
  const time = (hhmm: string) => fromLocal(`${day}T${hhmm}`, event.timezone).toISOString();
  for (const w of WORKSHOPS) {
    await app.get(SessionsService).create(studyDayId, {
      title: w.title,
      type: 'workshop',
      startsAt: time(w.from),
      endsAt: time(w.to),
      roomId: null,
      speakerIds: [],
      actionIds: [],
      themes: w.themes,
      capacity: w.capacity,
      description: w.description,
    });
  }
}
