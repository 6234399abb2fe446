import type { ChartView, KeyFigure, ReportView } from '../../documents/report/report.view';
import type { Event } from '../../events/event.entity';
import { eventDates, eventPlace } from '../documents/registration-document-views';
import type { EventStatsDto } from './dto/event-stats.dto';

/** From the event's figures (`/stats`) to charts and key figures, for the figures page and the report PDF. Pure. */

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/** `1 234`, `66,7 %` (French spacing, narrow no-break spaces). */
export const frenchInteger = (n: number) => integer.format(n);
export const frenchPercent = (rate: number | null) => (rate === null ? '—' : percent.format(rate));

const maxOf = (values: number[]) => Math.max(1, ...values);

export function keyFigures(stats: EventStatsDto): KeyFigure[] {
  const { registrations: r, byAttendanceMode: m, checkIn } = stats;
  return [
    { label: 'Inscriptions confirmées', value: frenchInteger(r.confirmed) },
    { label: 'dont sur place / en ligne', value: `${frenchInteger(m.onsite.confirmed)} / ${frenchInteger(m.online.confirmed)}` },
    { label: 'Liste d’attente', value: frenchInteger(r.waitlisted) },
    { label: 'Annulations', value: frenchInteger(r.cancelled) },
    { label: 'Présents / attendus sur place', value: `${frenchInteger(checkIn.checkedIn)} / ${frenchInteger(checkIn.expected)}` },
    { label: 'Taux de présence', value: frenchPercent(checkIn.rate) },
  ];
}

export function statsCharts(stats: EventStatsDto): ChartView[] {
  const counted = (items: Array<{ label: string; n: number }>) => items.map((i) => ({ label: i.label, value: i.n, text: frenchInteger(i.n) }));
  return [
    {
      id: 'types-organisation',
      title: 'Par type d’organisation',
      unit: 'Inscrits confirmés',
      max: maxOf(stats.byOrganisationType.map((t) => t.confirmed)),
      bars: counted(stats.byOrganisationType.map((t) => ({ label: t.label, n: t.confirmed }))),
    },
    {
      id: 'departements',
      title: 'Par département',
      unit: 'Inscrits confirmés',
      max: maxOf(stats.byDepartment.map((d) => d.confirmed)),
      bars: counted(stats.byDepartment.map((d) => ({ label: d.code ? `${d.label} (${d.code})` : d.label, n: d.confirmed }))),
      note: 'Les départements d’Occitanie d’abord, puis les autres ; chacun des deux groupes du plus au moins représenté.',
    },
    {
      id: 'thematiques',
      title: 'Par thématique',
      unit: 'Choix d’ateliers',
      max: maxOf(stats.byTheme.map((t) => t.choices)),
      bars: counted(stats.byTheme.map((t) => ({ label: t.label, n: t.choices }))),
      note: 'Choix confirmés d’ateliers par des inscrits confirmés ; un atelier à plusieurs thématiques compte pour chacune.',
    },
    {
      id: 'ateliers',
      title: 'Remplissage des ateliers',
      unit: 'Places prises / capacité',
      max: 1,
      bars: stats.sessions.map((s) => ({
        label: s.title,
        value: s.fillRate ?? 0,
        text: `${s.capacity === null ? `${frenchInteger(s.confirmed)}, sans limite` : `${frenchInteger(s.confirmed)} / ${frenchInteger(s.capacity)} (${frenchPercent(s.fillRate)})`}${s.waitlisted ? ` + ${frenchInteger(s.waitlisted)} en attente` : ''}`,
      })),
    },
    {
      id: 'accueil',
      title: 'Présence le jour J',
      unit: 'Personnes',
      max: maxOf([stats.checkIn.expected, stats.checkIn.checkedIn]),
      bars: [
        { label: 'Attendus sur place (confirmés)', value: stats.checkIn.expected, text: frenchInteger(stats.checkIn.expected) },
        { label: 'Présents (accueillis)', value: stats.checkIn.checkedIn, text: `${frenchInteger(stats.checkIn.checkedIn)} (${frenchPercent(stats.checkIn.rate)})` },
      ],
    },
  ];
}

export function toReportView(event: Event, stats: EventStatsDto, organiserName: string, now: Date): ReportView {
  return {
    eventTitle: event.title,
    dates: eventDates(event),
    place: eventPlace(event),
    organiserName,
    generatedOn: new Intl.DateTimeFormat('fr-FR', { timeZone: event.timezone, day: 'numeric', month: 'long', year: 'numeric' }).format(now),
    keyFigures: keyFigures(stats),
    charts: statsCharts(stats),
  };
}
