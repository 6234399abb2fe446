import type { ChartView } from '../../documents/report/report.view';

/** A chart's geometry for an SVG drawn by a view: every position computed here, the view only places them. Pure. */
export interface BarChartSvg {
  id: string;
  title: string;
  width: number;
  height: number;
  viewBox: string;
  bars: Array<{ label: string; shortLabel: string; text: string; y: number; textY: number; barX: number; barWidth: number; trackWidth: number; figureX: number }>;
}

const WIDTH = 640;
const LABEL = 230;
const FIGURE = 150;
const ROW = 28;
const BAR = 14;
const MAX_LABEL = 32;

const shorten = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}…` : label);

export function barChartSvg(chart: ChartView): BarChartSvg {
  const track = WIDTH - LABEL - FIGURE - 20;
  const height = Math.max(1, chart.bars.length) * ROW + 8;
  return {
    id: chart.id,
    title: chart.title,
    width: WIDTH,
    height,
    viewBox: `0 0 ${WIDTH} ${height}`,
    bars: chart.bars.map((bar, i) => {
      const y = 4 + i * ROW + (ROW - BAR) / 2;
      return {
        label: bar.label,
        shortLabel: shorten(bar.label),
        text: bar.text,
        y,
        textY: y + BAR - 2,
        barX: LABEL + 10,
        barWidth: Math.round(Math.max(0, Math.min(1, bar.value / Math.max(chart.max, Number.MIN_VALUE))) * track * 10) / 10,
        trackWidth: track,
        figureX: WIDTH,
      };
    }),
  };
}
