import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthService, OrganiserPrincipal } from '../../auth/auth.service';
import { deriveInvitationToken, hashInvitationToken, INVITATION_LIFETIME_MS } from '../../auth/invitation-token';
import { Clock } from '../../common/clock';
import { conflict, notFound, unprocessable } from '../../common/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { OutboxService } from '../../notifications/outbox.service';
import { BackofficeSessionsRepository } from '../sessions/backoffice-sessions.repository';
import { ChoosePasswordDto, InviteOrganiserDto } from './organiser-account.dto';
import { OpenInvitation, OrganiserAccount, OrganiserAccountsRepository } from './organiser-accounts.repository';

const invalidLink = () => notFound('Invitation', 'Ce lien n’est plus valable : il a déjà servi, ou il a expiré (48 heures). Demandez une nouvelle invitation à un organisateur.');

/** Organisers' accounts: invite (the password chosen through an emailed link), deactivate. */
@Injectable()
export class OrganiserAccountsService {
  constructor(
    private readonly accounts: OrganiserAccountsRepository,
    private readonly sessions: BackofficeSessionsRepository,
    private readonly outbox: OutboxService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  list(): Promise<OrganiserAccount[]> {
    return this.accounts.list(this.clock.now());
  }

  /** A new organiser, and in the same transaction the message with their one-time link. */
  async invite(input: InviteOrganiserDto, by: OrganiserPrincipal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const organiserId = await this.accounts.insertInvited(input.email.trim().toLowerCase(), input.name.trim(), manager);
      if (!organiserId) throw conflict('organiser-exists', 'Un organisateur a déjà cette adresse électronique.', [{ field: 'email', message: 'already an organiser' }]);
      const id = randomUUID();
      const now = this.clock.now();
      const tokenHash = hashInvitationToken(deriveInvitationToken(this.config.tokenSecret, id));
      await this.accounts.insertInvitation({ id, organiserId, tokenHash, invitedBy: by.id, now, expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS) }, manager);
      await this.outbox.organiserInvited(manager, id);
    });
  }

  /** No more sign-in, token or session for them; never oneself, never the last active organiser. */
  async deactivate(id: string, by: OrganiserPrincipal): Promise<void> {
    if (id === by.id) throw conflict('organiser-self', 'Vous ne pouvez pas désactiver votre propre compte.');
    await this.dataSource.transaction(async (manager) => {
      const outcome = await this.accounts.deactivate(id, this.clock.now(), manager);
      if (outcome === 'not_found') throw notFound('Organiser', 'Organisateur introuvable ou déjà désactivé.');
      if (outcome === 'last_one') throw conflict('organiser-last', 'Il doit rester au moins un organisateur actif.');
      await this.sessions.deleteForOrganiser(id, manager);
    });
  }

  /** The invitation a link opens, or 404 when used, expired or unknown. */
  async openInvitation(token: string): Promise<OpenInvitation> {
    const invitation = await this.accounts.findOpenInvitation(hashInvitationToken(token), this.clock.now());
    if (!invitation) throw invalidLink();
    return invitation;
  }

  async choosePassword(token: string, input: ChoosePasswordDto): Promise<OpenInvitation> {
    if (input.password !== input.confirmation) throw unprocessable('validation', 'Les deux mots de passe diffèrent.', [{ field: 'confirmation', message: 'must match password' }]);
    const passwordHash = await this.auth.hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const invitation = await this.accounts.findOpenInvitation(hashInvitationToken(token), now, manager);
      if (!invitation) throw invalidLink();
      await this.accounts.usePassword(invitation, passwordHash, now, manager);
      return invitation;
    });
  }
}
