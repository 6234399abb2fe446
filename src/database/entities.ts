import { HighlightedAction } from '../actions/highlighted-action.entity';
import { LoginFailure } from '../auth/login-failure.entity';
import { Organiser } from '../auth/organiser.entity';
import { BackofficeSession } from '../backoffice/sessions/backoffice-session.entity';
import { Event } from '../events/event.entity';
import { OutgoingMail } from '../notifications/outgoing-mail.entity';
import { Room } from '../programme/rooms/room.entity';
import { Session } from '../programme/sessions/session.entity';
import { Registration } from '../registrations/registration.entity';
import { SessionChoice } from '../registrations/session-choice.entity';
import { Speaker } from '../programme/speakers/speaker.entity';

/** Every mapped table; listed explicitly so the app, the CLI and tests load the same set. */
export const ENTITIES = [Organiser, LoginFailure, Event, Room, Speaker, Session, HighlightedAction, Registration, SessionChoice, OutgoingMail, BackofficeSession];
