/**
 * The trend chart's model: a scale from 0 to a round number, points placed
 * left to right, unknown values as gaps (never drawn at 0), the current
 * round marked.
 */
import { describe, expect, it } from 'vitest';
import { niceTicks, trendChart } from '../../src/rounds/round-trend';

const LAYOUT = { width: 200, height: 100, left: 40, right: 10, top: 10, bottom: 20 };

describe('round trend chart', () => {
  it('ticks from 0 to a round number at or above the maximum', () => {
    expect(niceTicks(8420)).toEqual([0, 5000, 10_000]);
    expect(niceTicks(100)).toEqual([0, 50, 100]);
    expect(niceTicks(3)).toEqual([0, 2, 4]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });

  it('places the rounds left to right and the values from the baseline up', () => {
    const chart = trendChart([1000, 2000, 4000], 2, LAYOUT);
    expect(chart.points.map((point) => point.x)).toEqual([40, 115, 190]);
    expect(chart.baseline).toBe(80);
    // The scale tops at 4000 (ticks 0, 2000, 4000): 4000 is the top of the plot.
    expect(chart.ticks).toEqual([
      { value: 0, y: 80 },
      { value: 2000, y: 45 },
      { value: 4000, y: 10 },
    ]);
    expect(chart.points.map((point) => point.y)).toEqual([62.5, 45, 10]);
    expect(chart.lines).toHaveLength(1);
    expect(chart.current?.index).toBe(2);
  });

  it('leaves an unknown value as a gap, never a point at 0', () => {
    const chart = trendChart([500, null, 700, 800, null], 1, LAYOUT);
    expect(chart.points[1]?.y).toBeNull();
    expect(chart.points[4]?.value).toBeNull();
    // Two runs: the lone first point, and the two known after the gap.
    expect(chart.lines.map((line) => line.length)).toEqual([1, 2]);
    expect(chart.lines.flat().every((point) => point.y < chart.baseline)).toBe(true);
    // The current round is marked even where its value is unknown (its x, no y).
    expect(chart.current).toMatchObject({ index: 1, y: null, value: null });
  });

  it('draws a known 0 on the baseline and a single round in the middle', () => {
    const chart = trendChart([0], 0, LAYOUT);
    expect(chart.points[0]).toMatchObject({ x: 115, y: 80, value: 0 });
    expect(trendChart([], 0, LAYOUT).current).toBeNull();
    expect(trendChart([null, null], 0, LAYOUT).lines).toEqual([]);
  });
});
