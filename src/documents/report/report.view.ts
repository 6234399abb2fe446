/** One bar of a chart: its label, its length (`value` against the chart's `max`) and the figure written beside it. */
export interface ChartBar {
  label: string;
  value: number;
  /** What a reader sees beside the bar and in the data table, e.g. `38 / 40 (95 %)`. */
  text: string;
}

/** A horizontal bar chart, drawn the same way on the figures page (SVG) and in the report (PDF). */
export interface ChartView {
  id: string;
  title: string;
  /** The column heading of the figures in the data table, e.g. `Inscrits confirmés`. */
  unit: string;
  /** The value of a full-length bar (at least 1). */
  max: number;
  bars: ChartBar[];
  /** Said under the chart (how it is counted). */
  note?: string;
}

export interface KeyFigure {
  label: string;
  value: string;
}

/** The event's bilan for the commissioner: key figures, then one chart per breakdown. */
export interface ReportView {
  eventTitle: string;
  dates: string;
  place: string;
  organiserName: string;
  /** `2 décembre 2026` — when the figures were taken. */
  generatedOn: string;
  keyFigures: KeyFigure[];
  charts: ChartView[];
}
