import type { INestApplicationContext } from '@nestjs/common';

/**
 * The demo programme of the regional conference: rooms, speakers, sessions, highlighted actions.
 * Filled by the programme module; `conferenceId` is a published, two-day event in Montpellier.
 */
export async function seedDemoProgramme(_app: INestApplicationContext, _conferenceId: string): Promise<void> {
  // Not yet: the programme module adds rooms, speakers, sessions and actions here.
}
