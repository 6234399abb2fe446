import { departmentLabel, organisationTypeLabel } from '../../reference/reference.data';
import type { AdminRegistrationDto } from '../../registrations/admin/dto/admin-registration-response.dto';

/** French words for the registrations' states and reasons, for the back office's tables. Pure. */
export const STATUS_LABELS: Record<string, { label: string; badge: string }> = {
  confirmed: { label: 'Confirmée', badge: 'fr-badge--success' },
  waitlisted: { label: 'Liste d’attente', badge: 'fr-badge--warning' },
  cancelled: { label: 'Annulée', badge: 'fr-badge--error' },
};

export const MESSAGE_STATUS_LABELS: Record<string, string> = { pending: 'En attente', sent: 'Envoyé', failed: 'Nouvel essai prévu', dead: 'Échec définitif' };

const REASONS: Record<string, string> = {
  confirmation: 'Confirmation',
  waitlisted: 'Liste d’attente',
  promoted: 'Place obtenue',
  workshop_promoted: 'Place obtenue en atelier',
  session_changed: 'Programme modifié',
  event_cancelled: 'Événement annulé',
  cancellation: 'Annulation',
  manage_link: 'Lien de gestion',
  reminder: 'Rappel',
  broadcast: 'Message aux participants',
};

/** `reminder:1440` → `Rappel`, `broadcast:…` → `Message aux participants`. */
export const reasonLabel = (reason: string) => REASONS[reason.split(':')[0]] ?? reason;

/** `22 novembre 2026 à 9 h 12` from a zoned ISO time. */
export function isoLabel(iso: string | null): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]} à ${Number(m[4])} h ${m[5]}`;
}

export function registrationRow(r: AdminRegistrationDto) {
  return {
    id: r.id,
    fullName: `${r.lastName.toUpperCase()} ${r.firstName}`,
    email: r.email,
    organisation: r.organisation ?? '—',
    organisationType: organisationTypeLabel(r.organisationType),
    department: r.department ? `${departmentLabel(r.department)} (${r.department})` : '—',
    status: STATUS_LABELS[r.status] ?? { label: r.status, badge: '' },
    waitlistPosition: r.waitlistPosition,
    checkedIn: r.checkedInAt ? isoLabel(r.checkedInAt) : null,
    badgeable: r.status === 'confirmed' && r.attendanceMode === 'onsite',
  };
}
