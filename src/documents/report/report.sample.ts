import type { ReportView } from './report.view';

export const SAMPLE_REPORT: ReportView = {
  eventTitle: 'Rencontre régionale de la lutte contre la pauvreté 2027',
  dates: 'du jeudi 11 au vendredi 12 mars 2027',
  place: 'Le Corum, Montpellier',
  organiserName: 'Commissariat à la lutte contre la pauvreté d’Occitanie',
  generatedOn: '13 mars 2027',
  keyFigures: [
    { label: 'Inscriptions confirmées', value: '380' },
    { label: 'Liste d’attente', value: '42' },
    { label: 'Annulations', value: '17' },
    { label: 'Présents / attendus sur place', value: '250 / 300' },
    { label: 'Taux de présence', value: '83,3 %' },
  ],
  charts: [
    {
      id: 'organisation-types',
      title: 'Par type d’organisation',
      unit: 'Inscrits confirmés',
      max: 120,
      bars: [
        { label: 'Services de l’État', value: 45, text: '45' },
        { label: 'Collectivité territoriale', value: 80, text: '80' },
        { label: 'Service public (France Travail, CAF…)', value: 60, text: '60' },
        { label: 'Association', value: 120, text: '120' },
        { label: 'Personne concernée', value: 30, text: '30' },
        { label: 'Autre', value: 0, text: '0' },
      ],
    },
    {
      id: 'departments',
      title: 'Par département',
      unit: 'Inscrits confirmés',
      max: 95,
      note: 'Les treize départements d’Occitanie d’abord, puis les autres.',
      bars: [
        { label: 'Hérault (34)', value: 95, text: '95' },
        { label: 'Haute-Garonne (31)', value: 88, text: '88' },
        { label: 'Paris (75)', value: 4, text: '4' },
      ],
    },
    {
      id: 'sessions',
      title: 'Remplissage des ateliers',
      unit: 'Places prises / capacité',
      max: 100,
      bars: [
        { label: 'Atelier : aller vers les personnes éloignées de l’emploi', value: 95, text: '38 / 40 (95 %)' },
        { label: 'Atelier : aide alimentaire, circuits courts et dignité', value: 50, text: '20 / 40 (50 %)' },
      ],
    },
  ],
};

/** A report with long charts, to see how they run over pages. */
export function longReport(bars: number): ReportView {
  return {
    ...SAMPLE_REPORT,
    charts: [
      ...SAMPLE_REPORT.charts,
      {
        id: 'long',
        title: 'Ateliers',
        unit: 'Inscrits',
        max: bars,
        bars: Array.from({ length: bars }, (_, i) => ({ label: `Atelier n° ${i + 1}`, value: i + 1, text: String(i + 1) })),
      },
    ],
  };
}
