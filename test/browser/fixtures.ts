import { createAction, createEvent, createRoom, createSession, createSpeaker, slot } from '../support/factories';
import type { TestApp } from '../support/test-app';

export interface Conference {
  event: Record<string, any>;
  workshops: { a1: Record<string, any>; a2: Record<string, any>; b1: Record<string, any>; b2: Record<string, any> };
}

/** A published conference with a plenary, two slots of two parallel workshops, speakers and a highlighted action. */
export async function createConference(t: TestApp, overrides: Record<string, unknown> = {}, workshopCapacity: number | null = 30): Promise<Conference> {
  const event = await createEvent(t, {
    title: 'Rencontre régionale des acteurs de la solidarité',
    description: 'Une journée pour partager les actions qui marchent contre la pauvreté en Occitanie.',
    ...overrides,
  });
  const pasteur = await createRoom(t, event.id, { name: 'Salle Pasteur', capacity: 200 });
  const joffre = await createRoom(t, event.id, { name: 'Salle Joffre', capacity: 40 });
  const barthez = await createRoom(t, event.id, { name: 'Salle Barthez', capacity: 40 });
  const claire = await createSpeaker(t, event.id, { fullName: 'Claire Fabre', jobTitle: 'Commissaire à la lutte contre la pauvreté', organisation: 'Préfecture de région' });
  const malik = await createSpeaker(t, event.id, { fullName: 'Malik Benali', jobTitle: 'Directeur', organisation: 'CCAS de Nîmes' });
  const action = await createAction(t, event.id, { title: 'Le bus des droits', organisation: 'MSA Midi-Pyrénées Sud' });
  await createSession(t, event.id, { title: 'Ouverture de la rencontre', type: 'plenary', ...slot(event, 0, 1), roomId: pasteur.id, speakerIds: [claire.id] });
  const capacity = workshopCapacity === null ? {} : { capacity: workshopCapacity };
  const a1 = await createSession(t, event.id, {
    title: 'Aller vers les publics isolés',
    ...slot(event, 1, 2.5),
    roomId: joffre.id,
    speakerIds: [malik.id],
    themes: ['ruralite'],
    actionIds: [action.id],
    ...capacity,
  });
  const a2 = await createSession(t, event.id, { title: 'Accès aux droits et non-recours', ...slot(event, 1, 2.5), roomId: barthez.id, themes: ['travail_social'], ...capacity });
  const b1 = await createSession(t, event.id, {
    title: 'Participation des personnes concernées',
    ...slot(event, 4, 5.5),
    roomId: joffre.id,
    themes: ['participation'],
    ...capacity,
  });
  const b2 = await createSession(t, event.id, {
    title: 'Insertion par l’activité économique',
    ...slot(event, 4, 5.5),
    roomId: barthez.id,
    themes: ['insertion_emploi'],
    ...capacity,
  });
  return { event, workshops: { a1, a2, b1, b2 } };
}
