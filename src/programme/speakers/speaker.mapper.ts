import { SpeakerResponseDto } from './dto/speaker.dto';
import { Speaker } from './speaker.entity';

/** A speaker's email is for organisers only. */
export const toSpeakerResponse = (speaker: Speaker, forOrganiser: boolean): SpeakerResponseDto => ({
  id: speaker.id,
  eventId: speaker.eventId,
  fullName: speaker.fullName,
  jobTitle: speaker.jobTitle,
  organisation: speaker.organisation,
  bio: speaker.bio,
  ...(forOrganiser ? { email: speaker.email } : {}),
});
