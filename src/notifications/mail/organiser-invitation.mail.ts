import Handlebars from 'handlebars';
import type { RenderedMail } from './mail-view';

/** The message that lets a new organiser choose their password. */
export interface InvitationMailView {
  name: string;
  /** The one-time link to the password page. */
  url: string;
  /** "jeudi 3 décembre 2026 à 23 h 05", when the link stops working. */
  expiresAt: string;
  contactEmail: string;
}

export const INVITATION_SAMPLE: InvitationMailView = {
  name: 'Camille Roux',
  url: 'http://localhost:3000/gestion/mot-de-passe/exemple-de-jeton',
  expiresAt: 'jeudi 3 décembre 2026 à 23 h 05',
  contactEmail: 'rencontres@occitanie.gouv.fr',
};

const esc = (s: string) => Handlebars.escapeExpression(s);

/** Pure: the view in, subject and both bodies out. The link is the only link. */
export function renderInvitationMail(view: InvitationMailView): RenderedMail {
  const subject = 'Votre accès à la gestion des rencontres';
  const text = [
    `Bonjour ${view.name},`,
    '',
    'Un organisateur vous a ouvert un accès à la gestion des rencontres (programmes, inscriptions, accueil).',
    'Pour choisir votre mot de passe, ouvrez ce lien :',
    view.url,
    '',
    `Il ne sert qu’une fois et expire le ${view.expiresAt}.`,
    'Si vous n’attendiez pas ce message, ignorez-le : aucun accès ne sera ouvert sans vous.',
    '',
    `Une question ? Écrivez-nous à ${view.contactEmail}.`,
    '',
    'L’équipe d’organisation',
  ].join('\n');
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${esc(subject)}</title></head><body>
<div role="article" aria-label="${esc(subject)}" lang="fr" style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#161616;">
<p>Bonjour ${esc(view.name)},</p>
<p>Un organisateur vous a ouvert un accès à la gestion des rencontres (programmes, inscriptions, accueil).</p>
<p><a href="${esc(view.url)}" style="color:#000091;">Choisir mon mot de passe</a></p>
<p>Ce lien ne sert qu’une fois et expire le ${esc(view.expiresAt)}. Si vous n’attendiez pas ce message, ignorez-le : aucun accès ne sera ouvert sans vous.</p>
<p>Une question ? Écrivez-nous à ${esc(view.contactEmail)}.</p>
<p>L’équipe d’organisation</p>
</div></body></html>`;
  return { subject, html, text };
}
