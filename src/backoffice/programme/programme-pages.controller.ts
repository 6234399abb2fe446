import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ActionsService } from '../../actions/actions.service';
import { ActionQueryDto } from '../../actions/dto/action-input.dto';
import { DomainError } from '../../common/domain-error';
import { PaginationQuery } from '../../common/pagination';
import { isUuid, UuidPipe } from '../../common/uuid.pipe';
import type { EventResponseDto } from '../../events/dto/event-response.dto';
import { EventsService } from '../../events/events.service';
import { validateAs } from '../../pages/dto-validation';
import { FormErrors, formErrors, NO_ERRORS, optionalText, text } from '../../pages/form-errors';
import type { FormBody } from '../../pages/registration-form';
import { ProgrammeChecksService } from '../../programme/checks/programme-checks.service';
import { CreateRoomDto, RoomResponseDto, UpdateRoomDto } from '../../programme/rooms/dto/room.dto';
import { RoomsService } from '../../programme/rooms/rooms.service';
import { CreateSessionDto, SessionQueryDto, UpdateSessionDto } from '../../programme/sessions/dto/session-input.dto';
import { SessionsService } from '../../programme/sessions/sessions.service';
import { CreateSpeakerDto, SpeakerResponseDto, UpdateSpeakerDto } from '../../programme/speakers/dto/speaker.dto';
import { SpeakersService } from '../../programme/speakers/speakers.service';
import { BackofficePages } from '../backoffice-pages';
import { BackofficePage, currentOrganiser } from '../backoffice.guard';
import { checksView } from './programme-checks.view';
import { buildDayGrids, eventDays } from './programme-grid';
import { formFromSession, sessionErrors, sessionFormView, sessionInputFromForm } from './session-form';

const ALL = Object.assign(new PaginationQuery(), { limit: 500, offset: 0 });

/** What a refused form sends back: its values and errors (the other forms of the page start empty). */
interface Sent {
  session?: { body: FormBody; errors: FormErrors; sessionId: string | null };
  room?: { body: FormBody; errors: FormErrors; roomId: string | null };
  speaker?: { body: FormBody; errors: FormErrors; speakerId: string | null };
}

const ROOM_WORDING = {
  name: 'Donnez un nom à la salle (120 caractères au plus), différent des autres salles.',
  capacity: 'Saisissez un nombre de places entier, au moins 1, ou laissez vide.',
};
const SPEAKER_WORDING = {
  fullName: 'Indiquez le nom de l’intervenant (200 caractères au plus).',
  jobTitle: 'La fonction compte 200 caractères au plus.',
  organisation: 'L’organisation compte 200 caractères au plus.',
  email: 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.',
};

/** The room form's values as the API takes them (an empty capacity: not limited). */
function roomInput(body: FormBody): Record<string, unknown> {
  const capacity = text(body.capacity).trim();
  return { name: text(body.name).trim(), capacity: capacity === '' ? null : /^\d{1,9}$/.test(capacity) ? Number(capacity) : capacity };
}

function roomErrors(error: DomainError): FormErrors {
  return formErrors(error, ROOM_WORDING, ['name', 'capacity'], { name: 'room-name', capacity: 'room-capacity' });
}

/** The speaker form's values as the API takes them (empty optional fields: none). */
function speakerInput(body: FormBody): Record<string, unknown> {
  return {
    fullName: text(body.fullName).trim(),
    jobTitle: optionalText(body.jobTitle)?.trim() ?? null,
    organisation: optionalText(body.organisation)?.trim() ?? null,
    email: optionalText(body.email)?.trim() ?? null,
  };
}

function speakerErrors(error: DomainError): FormErrors {
  return formErrors(error, SPEAKER_WORDING, ['fullName', 'jobTitle', 'organisation', 'email'], {
    fullName: 'speaker-fullName',
    jobTitle: 'speaker-jobTitle',
    organisation: 'speaker-organisation',
    email: 'speaker-email',
  });
}

const roomForm = (room: RoomResponseDto): FormBody => ({ name: room.name, capacity: room.capacity === null ? '' : String(room.capacity) });
const speakerForm = (speaker: SpeakerResponseDto): FormBody => ({
  fullName: speaker.fullName,
  jobTitle: speaker.jobTitle ?? '',
  organisation: speaker.organisation ?? '',
  email: speaker.email ?? '',
});

/** An id from the query string, when it is one. */
const queryId = (value: unknown): string | null => (typeof value === 'string' && isUuid(value) ? value : null);

/** A path id that is not a UUID names nothing: the 404 page. */
const ID = new UuidPipe('Page');

const refusable = (error: unknown): error is DomainError => error instanceof DomainError && error.status < 500 && error.status !== 429 && error.status !== 404;

/**
 * The programme builder: per day a grid (rooms × time), the session form (add, edit, move,
 * delete), rooms and speakers, and the programme checks — on one page, with plain forms. Every
 * rule (times within the event, room or speaker taken) is SessionsService's.
 */
@BackofficePage()
@Controller('gestion/evenements/:id/programme')
export class ProgrammePagesController {
  constructor(
    private readonly pages: BackofficePages,
    private readonly events: EventsService,
    private readonly sessions: SessionsService,
    private readonly rooms: RoomsService,
    private readonly speakers: SpeakersService,
    private readonly actions: ActionsService,
    private readonly checks: ProgrammeChecksService,
  ) {}

  @Get()
  async page(
    @Param('id', ID) id: string,
    @Query('session') sessionId: unknown,
    @Query('salle') roomId: unknown,
    @Query('intervenant') speakerId: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const event = await this.event(req, id);
    const organiser = currentOrganiser(req).organiser;
    const sent: Sent = {};
    const [session, room, speaker] = [queryId(sessionId), queryId(roomId), queryId(speakerId)];
    if (session) {
      const found = await this.sessions.get(id, session, organiser);
      sent.session = { body: formFromSession(found, event.timezone), errors: NO_ERRORS, sessionId: found.id };
    }
    if (room) sent.room = { body: roomForm(await this.rooms.get(id, room, organiser)), errors: NO_ERRORS, roomId: room };
    if (speaker) sent.speaker = { body: speakerForm(await this.speakers.get(id, speaker, organiser)), errors: NO_ERRORS, speakerId: speaker };
    await this.send(req, res, event, sent);
  }

  @Post('sessions')
  async createSession(@Param('id', ID) id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.event(req, id);
    try {
      await this.sessions.create(id, await validateAs(CreateSessionDto, sessionInputFromForm(body, event.timezone)));
      res.redirect(303, `/gestion/evenements/${id}/programme?ajout=1#grille`);
    } catch (error) {
      if (!refusable(error)) throw error;
      await this.send(req, res, event, { session: { body, errors: sessionErrors(error), sessionId: null } }, error.status);
    }
  }

  @Post('sessions/:sessionId')
  async updateSession(@Param('id', ID) id: string, @Param('sessionId', ID) sessionId: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.event(req, id);
    try {
      await this.sessions.update(id, sessionId, await validateAs(UpdateSessionDto, sessionInputFromForm(body, event.timezone)));
      res.redirect(303, `/gestion/evenements/${id}/programme?modification=1#grille`);
    } catch (error) {
      if (!refusable(error)) throw error;
      await this.send(req, res, event, { session: { body, errors: sessionErrors(error), sessionId } }, error.status);
    }
  }

  @Post('sessions/:sessionId/suppression')
  async deleteSession(@Param('id', ID) id: string, @Param('sessionId', ID) sessionId: string, @Res() res: Response): Promise<void> {
    await this.sessions.remove(id, sessionId);
    res.redirect(303, `/gestion/evenements/${id}/programme?suppression=1#grille`);
  }

  @Post('salles')
  async addRoom(@Param('id', ID) id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.event(req, id);
    try {
      await this.rooms.create(id, await validateAs(CreateRoomDto, roomInput(body)));
      res.redirect(303, `/gestion/evenements/${id}/programme#salles`);
    } catch (error) {
      if (!refusable(error)) throw error;
      await this.send(req, res, event, { room: { body, errors: roomErrors(error), roomId: null } }, error.status);
    }
  }

  @Post('salles/:roomId')
  async updateRoom(@Param('id', ID) id: string, @Param('roomId', ID) roomId: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.event(req, id);
    try {
      await this.rooms.update(id, roomId, await validateAs(UpdateRoomDto, roomInput(body)));
      res.redirect(303, `/gestion/evenements/${id}/programme#salles`);
    } catch (error) {
      if (!refusable(error)) throw error;
      await this.send(req, res, event, { room: { body, errors: roomErrors(error), roomId } }, error.status);
    }
  }

  @Post('salles/:roomId/suppression')
  async deleteRoom(@Param('id', ID) id: string, @Param('roomId', ID) roomId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.event(req, id);
    try {
      await this.rooms.remove(id, roomId);
      res.redirect(303, `/gestion/evenements/${id}/programme#salles`);
    } catch (error) {
      if (!refusable(error)) throw error;
      await this.send(req, res, event, { room: { body: {}, errors: { fields: {}, summary: [{ href: null, message: error.detail }] }, roomId: null } }, error.status);
    }
  }

  @Post('intervenants')
  async addSpeaker(@Param('id', ID) id: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.event(req, id);
    try {
      await this.speakers.create(id, await validateAs(CreateSpeakerDto, speakerInput(body)));
      res.redirect(303, `/gestion/evenements/${id}/programme#intervenants`);
    } catch (error) {
      if (!refusable(error)) throw error;
      await this.send(req, res, event, { speaker: { body, errors: speakerErrors(error), speakerId: null } }, error.status);
    }
  }

  @Post('intervenants/:speakerId')
  async updateSpeaker(@Param('id', ID) id: string, @Param('speakerId', ID) speakerId: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.event(req, id);
    try {
      await this.speakers.update(id, speakerId, await validateAs(UpdateSpeakerDto, speakerInput(body)));
      res.redirect(303, `/gestion/evenements/${id}/programme#intervenants`);
    } catch (error) {
      if (!refusable(error)) throw error;
      await this.send(req, res, event, { speaker: { body, errors: speakerErrors(error), speakerId } }, error.status);
    }
  }

  @Post('intervenants/:speakerId/suppression')
  async deleteSpeaker(@Param('id', ID) id: string, @Param('speakerId', ID) speakerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await this.event(req, id);
    try {
      await this.speakers.remove(id, speakerId);
      res.redirect(303, `/gestion/evenements/${id}/programme#intervenants`);
    } catch (error) {
      if (!refusable(error)) throw error;
      await this.send(req, res, event, { speaker: { body: {}, errors: { fields: {}, summary: [{ href: null, message: error.detail }] }, speakerId: null } }, error.status);
    }
  }

  private event(req: Request, id: string): Promise<EventResponseDto> {
    return this.events.get(id, currentOrganiser(req).organiser);
  }

  private async send(req: Request, res: Response, event: EventResponseDto, sent: Sent, status = 200): Promise<void> {
    const organiser = currentOrganiser(req).organiser;
    const [sessions, rooms, speakers, actions, checks] = await Promise.all([
      this.sessions.list(event.id, Object.assign(new SessionQueryDto(), ALL), organiser),
      this.rooms.list(event.id, ALL, organiser),
      this.speakers.list(event.id, ALL, organiser),
      this.actions.list(event.id, Object.assign(new ActionQueryDto(), ALL), organiser),
      this.checks.check(event.id),
    ]);
    const days = eventDays(event.startsAt, event.endsAt, event.timezone);
    const names = new Map(speakers.items.map((s) => [s.id, s.fullName]));
    const editing = sent.session?.sessionId ?? null;
    const sessionForm = sent.session ?? { body: { day: days[0], type: 'workshop' }, errors: NO_ERRORS, sessionId: null };
    const editingTitle = editing ? sessions.items.find((s) => s.id === editing)?.title : undefined;
    const field =
      (prefix: string, body: FormBody, errors: FormErrors) =>
      (k: string, lbl: string, extra: Record<string, unknown> = {}) => ({ id: `${prefix}-${k}`, name: k, label: lbl, value: text(body[k]), error: errors.fields[k], ...extra });
    const room = sent.room ?? { body: {}, errors: NO_ERRORS, roomId: null };
    const speaker = sent.speaker ?? { body: {}, errors: NO_ERRORS, speakerId: null };
    const editedRoom = room.roomId ? rooms.items.find((r) => r.id === room.roomId) : undefined;
    const editedSpeaker = speaker.speakerId ? speakers.items.find((s) => s.id === speaker.speakerId) : undefined;
    const base = `/gestion/evenements/${event.id}/programme`;
    const roomField = field('room', room.body, room.errors);
    const speakerField = field('speaker', speaker.body, speaker.errors);
    const invalid = [sent.session, sent.room, sent.speaker].some((f) => f && f.errors.summary.length > 0);
    this.pages.send(
      req,
      res,
      'gestion/programme',
      { title: `Programme — ${event.title}`, invalid, breadcrumb: [{ label: event.title, href: `/gestion/evenements/${event.id}` }], section: 'events' },
      {
        event: { id: event.id, title: event.title, cancelled: event.status === 'cancelled' },
        notice:
          req.query.ajout === '1'
            ? 'La session est ajoutée au programme.'
            : req.query.modification === '1'
              ? 'La session est modifiée.'
              : req.query.suppression === '1'
                ? 'La session est supprimée.'
                : null,
        grids: buildDayGrids(days, sessions.items, rooms.items, names, event.timezone, editing),
        session: {
          editing,
          heading: editing ? `Modifier « ${editingTitle ?? 'la session'} »` : 'Ajouter une session',
          action: editing ? `/gestion/evenements/${event.id}/programme/sessions/${editing}` : `/gestion/evenements/${event.id}/programme/sessions`,
          errors: sessionForm.errors.summary,
          errorsPlural: sessionForm.errors.summary.length > 1,
          errorsTitle: sessionForm.errors.summary.length ? 'La session n’a pas été enregistrée' : undefined,
          form: sessionFormView(sessionForm.body, sessionForm.errors.fields, {
            days,
            rooms: rooms.items,
            speakers: speakers.items,
            actions: actions.items.filter((a) => a.status !== 'rejected'),
          }),
        },
        rooms: {
          items: rooms.items,
          editing: room.roomId,
          legend: room.roomId ? `Modifier la salle « ${editedRoom?.name ?? ''} »` : 'Ajouter une salle',
          action: room.roomId ? `${base}/salles/${room.roomId}` : `${base}/salles`,
          button: room.roomId ? 'Enregistrer la salle' : 'Ajouter la salle',
          errors: room.errors.summary,
          fields: [roomField('name', 'Nom de la salle', { required: true }), roomField('capacity', 'Places', { type: 'number', hint: 'Vide : non limité.' })],
        },
        speakers: {
          items: speakers.items,
          editing: speaker.speakerId,
          legend: speaker.speakerId ? `Modifier l’intervenant « ${editedSpeaker?.fullName ?? ''} »` : 'Ajouter un intervenant',
          action: speaker.speakerId ? `${base}/intervenants/${speaker.speakerId}` : `${base}/intervenants`,
          button: speaker.speakerId ? 'Enregistrer l’intervenant' : 'Ajouter l’intervenant',
          errors: speaker.errors.summary,
          fields: [
            speakerField('fullName', 'Nom', { required: true, autocomplete: 'off' }),
            speakerField('jobTitle', 'Fonction'),
            speakerField('organisation', 'Organisation'),
            speakerField('email', 'Adresse électronique', { type: 'email', hint: 'Facultatif, jamais publiée.' }),
          ],
        },
        checks: checksView(checks, event.timezone),
      },
      status,
    );
  }
}
