/**
 * A small trend chart as numbers (issue 17): one value per round → where
 * each point sits, the lines joining known neighbours, the scale's ticks and
 * the current round. The view (ui/round-trend-chart.ts) only draws what this
 * gives. The scale starts at 0 (counts of people read wrong on a cut axis);
 * an unknown value (null) is a gap in the line, never a point at 0.
 */

/** The chart's box in SVG units and the margins the labels take. */
export interface TrendLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface TrendPoint {
  index: number;
  x: number;
  /** Null for an unknown value (a gap). */
  y: number | null;
  value: number | null;
}

export interface TrendTick {
  value: number;
  y: number;
}

export interface TrendChartModel {
  layout: TrendLayout;
  points: TrendPoint[];
  /** Runs of consecutive known points; a run of one point is drawn as its marker alone. */
  lines: { x: number; y: number }[][];
  ticks: TrendTick[];
  /** The y of 0 (the bottom of the plot). */
  baseline: number;
  /** The current round's point; null when `current` is outside the series. */
  current: TrendPoint | null;
}

/** A step of 1, 2 or 5 × 10ⁿ that is at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Ticks from 0 to a round number at or above `maximum`, `intervals` steps at
 * most (fewer when the maximum is small: counts are whole). At least [0, 1].
 */
export function niceTicks(maximum: number, intervals = 2): number[] {
  if (!(maximum > 0)) return [0, 1];
  const step = Math.max(1, niceStep(maximum / intervals));
  const ticks = [0];
  while ((ticks.at(-1) ?? 0) < maximum) ticks.push((ticks.at(-1) ?? 0) + step);
  return ticks;
}

/** The chart of `values` (one per round, null when unknown), with round `current` marked. */
export function trendChart(
  values: readonly (number | null)[],
  current: number,
  layout: TrendLayout,
): TrendChartModel {
  const plotLeft = layout.left;
  const plotRight = layout.width - layout.right;
  const plotTop = layout.top;
  const baseline = layout.height - layout.bottom;
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const ticks = niceTicks(Math.max(0, ...known));
  const top = ticks.at(-1) ?? 1;
  const yOf = (value: number) => baseline - (value / top) * (baseline - plotTop);
  const xOf = (index: number) =>
    values.length < 2
      ? (plotLeft + plotRight) / 2
      : plotLeft + (index * (plotRight - plotLeft)) / (values.length - 1);
  const points = values.map((raw, index): TrendPoint => {
    const value = raw !== null && Number.isFinite(raw) ? raw : null;
    return { index, x: xOf(index), y: value === null ? null : yOf(value), value };
  });
  const lines: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const point of points) {
    if (point.y === null) {
      if (run.length > 0) lines.push(run);
      run = [];
    } else run.push({ x: point.x, y: point.y });
  }
  if (run.length > 0) lines.push(run);
  return {
    layout,
    points,
    lines,
    ticks: ticks.map((value) => ({ value, y: yOf(value) })),
    baseline,
    current: points[current] ?? null,
  };
}
