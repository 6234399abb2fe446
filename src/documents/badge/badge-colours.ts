import { ORGANISATION_TYPES } from '../../reference/reference.data';

export interface BandColour {
  fill: string;
  text: string;
}

/**
 * One colour per organisation type. Their greys differ too (from navy to yellow), and the band
 * always carries the type in words, so a black-and-white print still says it.
 */
const COLOURS: Record<string, BandColour> = {
  etat: { fill: '#000091', text: '#FFFFFF' },
  collectivite: { fill: '#18753C', text: '#FFFFFF' },
  service_public: { fill: '#0078A0', text: '#FFFFFF' },
  association: { fill: '#E4794A', text: '#000000' },
  partenaire_social: { fill: '#7D4E94', text: '#FFFFFF' },
  entreprise: { fill: '#6E5A3C', text: '#FFFFFF' },
  citoyen: { fill: '#FCC63A', text: '#000000' },
  personne_concernee: { fill: '#C9191E', text: '#FFFFFF' },
  autre: { fill: '#5C5C5C', text: '#FFFFFF' },
};

export function bandColour(organisationType: string): BandColour {
  return COLOURS[organisationType] ?? COLOURS.autre;
}

/** The key printed in the programme: every type with its colour and French label. */
export function badgeColourKey(): Array<{ code: string; label: string } & BandColour> {
  return ORGANISATION_TYPES.map((t) => ({ ...t, ...bandColour(t.code) }));
}
