import { barChartSvg } from './bar-chart';

describe('barChartSvg', () => {
  it('draws each bar in proportion to the chart’s maximum, one row each, long labels shortened', () => {
    const svg = barChartSvg({
      id: 'x',
      title: 'Par type',
      unit: 'Inscrits',
      max: 40,
      bars: [
        { label: 'Association', value: 40, text: '40' },
        { label: 'Service public (France Travail, CAF…) et autres services', value: 10, text: '10' },
        { label: 'Autre', value: 0, text: '0' },
      ],
    });
    const [a, b, c] = svg.bars;
    expect(a.barWidth).toBe(a.trackWidth);
    expect(b.barWidth).toBeCloseTo(a.trackWidth / 4, 0);
    expect(c.barWidth).toBe(0);
    expect(b.y - a.y).toBe(c.y - b.y);
    expect(b.shortLabel.length).toBeLessThanOrEqual(32);
    expect(b.shortLabel.endsWith('…')).toBe(true);
    expect(b.label).toBe('Service public (France Travail, CAF…) et autres services');
    expect(svg.viewBox).toBe(`0 0 640 ${svg.height}`);
  });
});
