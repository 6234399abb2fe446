import { toZonedIso } from '../common/time';
import { ActionResponseDto } from './dto/action-response.dto';
import { HighlightedAction } from './highlighted-action.entity';

/** The contact email is for organisers, and echoed to the proposer who just sent it; never in public lists. */
export const toActionResponse = (action: HighlightedAction, timeZone: string, withContactEmail: boolean): ActionResponseDto => ({
  id: action.id,
  eventId: action.eventId,
  title: action.title,
  summary: action.summary,
  organisation: action.organisation,
  organisationType: action.organisationType,
  departments: action.departments,
  themes: action.themes,
  contactName: action.contactName,
  ...(withContactEmail ? { contactEmail: action.contactEmail } : {}),
  url: action.url,
  status: action.status,
  createdAt: toZonedIso(action.createdAt, timeZone),
});
