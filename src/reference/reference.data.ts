export interface ReferenceItem {
  code: string;
  label: string;
}

/** The region's eleven thematic working groups. */
export const THEMES: ReferenceItem[] = [
  { code: 'petite_enfance', label: 'Petite enfance' },
  { code: 'reussite_scolaire', label: 'Réussite scolaire' },
  { code: 'sante', label: 'Inégalités de santé' },
  { code: 'insertion_emploi', label: 'Accès à l’emploi et insertion' },
  { code: 'participation', label: 'Participation des personnes concernées' },
  { code: 'entreprises', label: 'Entreprises engagées' },
  { code: 'ruralite', label: 'Pauvreté en milieu rural' },
  { code: 'connaissance_pauvrete', label: 'Connaissance de la pauvreté' },
  { code: 'travail_social', label: 'Pratiques du travail social' },
  { code: 'aide_alimentaire', label: 'Aide alimentaire' },
  { code: 'bidonvilles', label: 'Résorption des bidonvilles' },
];

export const ORGANISATION_TYPES: ReferenceItem[] = [
  { code: 'etat', label: 'Services de l’État' },
  { code: 'collectivite', label: 'Collectivité territoriale' },
  { code: 'service_public', label: 'Service public (France Travail, CAF…)' },
  { code: 'association', label: 'Association' },
  { code: 'partenaire_social', label: 'Partenaire social' },
  { code: 'entreprise', label: 'Entreprise' },
  { code: 'citoyen', label: 'Citoyen' },
  { code: 'personne_concernee', label: 'Personne concernée' },
  { code: 'autre', label: 'Autre' },
];

/** The region's thirteen départements, which lists and figures put first. */
export const OCCITANIE = ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'];

const ALL_DEPARTMENTS: Array<[string, string]> = [
  ['01', 'Ain'],
  ['02', 'Aisne'],
  ['03', 'Allier'],
  ['04', 'Alpes-de-Haute-Provence'],
  ['05', 'Hautes-Alpes'],
  ['06', 'Alpes-Maritimes'],
  ['07', 'Ardèche'],
  ['08', 'Ardennes'],
  ['09', 'Ariège'],
  ['10', 'Aube'],
  ['11', 'Aude'],
  ['12', 'Aveyron'],
  ['13', 'Bouches-du-Rhône'],
  ['14', 'Calvados'],
  ['15', 'Cantal'],
  ['16', 'Charente'],
  ['17', 'Charente-Maritime'],
  ['18', 'Cher'],
  ['19', 'Corrèze'],
  ['2A', 'Corse-du-Sud'],
  ['2B', 'Haute-Corse'],
  ['21', 'Côte-d’Or'],
  ['22', 'Côtes-d’Armor'],
  ['23', 'Creuse'],
  ['24', 'Dordogne'],
  ['25', 'Doubs'],
  ['26', 'Drôme'],
  ['27', 'Eure'],
  ['28', 'Eure-et-Loir'],
  ['29', 'Finistère'],
  ['30', 'Gard'],
  ['31', 'Haute-Garonne'],
  ['32', 'Gers'],
  ['33', 'Gironde'],
  ['34', 'Hérault'],
  ['35', 'Ille-et-Vilaine'],
  ['36', 'Indre'],
  ['37', 'Indre-et-Loire'],
  ['38', 'Isère'],
  ['39', 'Jura'],
  ['40', 'Landes'],
  ['41', 'Loir-et-Cher'],
  ['42', 'Loire'],
  ['43', 'Haute-Loire'],
  ['44', 'Loire-Atlantique'],
  ['45', 'Loiret'],
  ['46', 'Lot'],
  ['47', 'Lot-et-Garonne'],
  ['48', 'Lozère'],
  ['49', 'Maine-et-Loire'],
  ['50', 'Manche'],
  ['51', 'Marne'],
  ['52', 'Haute-Marne'],
  ['53', 'Mayenne'],
  ['54', 'Meurthe-et-Moselle'],
  ['55', 'Meuse'],
  ['56', 'Morbihan'],
  ['57', 'Moselle'],
  ['58', 'Nièvre'],
  ['59', 'Nord'],
  ['60', 'Oise'],
  ['61', 'Orne'],
  ['62', 'Pas-de-Calais'],
  ['63', 'Puy-de-Dôme'],
  ['64', 'Pyrénées-Atlantiques'],
  ['65', 'Hautes-Pyrénées'],
  ['66', 'Pyrénées-Orientales'],
  ['67', 'Bas-Rhin'],
  ['68', 'Haut-Rhin'],
  ['69', 'Rhône'],
  ['70', 'Haute-Saône'],
  ['71', 'Saône-et-Loire'],
  ['72', 'Sarthe'],
  ['73', 'Savoie'],
  ['74', 'Haute-Savoie'],
  ['75', 'Paris'],
  ['76', 'Seine-Maritime'],
  ['77', 'Seine-et-Marne'],
  ['78', 'Yvelines'],
  ['79', 'Deux-Sèvres'],
  ['80', 'Somme'],
  ['81', 'Tarn'],
  ['82', 'Tarn-et-Garonne'],
  ['83', 'Var'],
  ['84', 'Vaucluse'],
  ['85', 'Vendée'],
  ['86', 'Vienne'],
  ['87', 'Haute-Vienne'],
  ['88', 'Vosges'],
  ['89', 'Yonne'],
  ['90', 'Territoire de Belfort'],
  ['91', 'Essonne'],
  ['92', 'Hauts-de-Seine'],
  ['93', 'Seine-Saint-Denis'],
  ['94', 'Val-de-Marne'],
  ['95', 'Val-d’Oise'],
  ['971', 'Guadeloupe'],
  ['972', 'Martinique'],
  ['973', 'Guyane'],
  ['974', 'La Réunion'],
  ['976', 'Mayotte'],
];

/** All of France's départements, Occitanie's thirteen first, then the others in INSEE order. */
export const DEPARTMENTS: ReferenceItem[] = [...ALL_DEPARTMENTS.filter(([code]) => OCCITANIE.includes(code)), ...ALL_DEPARTMENTS.filter(([code]) => !OCCITANIE.includes(code))].map(
  ([code, label]) => ({ code, label }),
);

export const THEME_CODES = THEMES.map((t) => t.code);
export const ORGANISATION_TYPE_CODES = ORGANISATION_TYPES.map((t) => t.code);
export const DEPARTMENT_CODES = DEPARTMENTS.map((d) => d.code);

const labelIn = (items: ReferenceItem[]) => {
  const map = new Map(items.map((i) => [i.code, i.label]));
  return (code: string) => map.get(code) ?? code;
};
export const themeLabel = labelIn(THEMES);
export const organisationTypeLabel = labelIn(ORGANISATION_TYPES);
export const departmentLabel = labelIn(DEPARTMENTS);

export const isOccitanie = (code: string | null): boolean => code !== null && OCCITANIE.includes(code);

/** Structured needs a registrant may tick (the free text stays beside them). */
export const ACCESSIBILITY_NEEDS: ReferenceItem[] = [
  { code: 'lsf', label: 'Interprétation en langue des signes française (LSF)' },
  { code: 'captions', label: 'Sous-titrage en direct' },
  { code: 'wheelchair', label: 'Accès en fauteuil roulant' },
  { code: 'induction_loop', label: 'Boucle magnétique' },
  { code: 'easy_read', label: 'Documents et messages faciles à lire et à comprendre (FALC)' },
  { code: 'companion', label: 'Venue avec un accompagnant' },
  { code: 'quiet_room', label: 'Accès à un espace calme' },
];

export const accessibilityLabel = labelIn(ACCESSIBILITY_NEEDS);
