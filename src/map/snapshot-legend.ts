/**
 * The legend column (or band) of a map product as measured blocks: one per
 * legend group (analysis overlays, then each visible layer), a graduated
 * circle-size legend for the sites, and the key figures. Each block knows its
 * height at a width before it draws, so the composer can reflow, compact or
 * leave blocks out without anything running past its frame.
 */
import { formatFigure } from '../analyses/figure-format';
import { siteRadiusMetres } from './palette';
import type { LegendBlock, SnapshotContent } from './snapshot-content';
import type { DrawOperation } from './snapshot-draw';
import { metresPerPixel } from './snapshot-layout';
import { LINE, linesHeight, type Measure, STYLES, type TextStyle, wrapText } from './snapshot-text';

export const SWATCH = 15;
export const COLORS = {
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#1a3a6b',
  frame: '#6b6b6b',
  sensitive: '#b2182b',
  panel: '#f4f4f2',
  white: '#ffffff',
  black: '#1a1a1a',
} as const;

/** A legend or key-figures block: draws itself at (x, y) within `width`, returns its height. */
export interface Block {
  /** What the preview names when the block is left out. */
  name: string;
  /** Kept to the last when blocks must go (key figures, sensitive warnings). */
  essential: boolean;
  height(width: number): number;
  draw(operations: DrawOperation[], x: number, y: number, width: number): void;
}

/** How much a legend that does not fit gives up, in this order. */
export interface Compaction {
  /** Print the figures' contexts (threshold, denominator). */
  contexts: boolean;
  /** Print the notes that are not sensitivity warnings. */
  notes: boolean;
  /** Type scale (1, then smaller within limits). */
  scale: number;
}

/** The map's scale, for the circle-size legend. */
export interface MapScale {
  latitude: number;
  zoom: number;
}

const scaled = (style: TextStyle, scale: number): TextStyle => ({ ...style, size: style.size * scale });

/** Writes lines from a top edge (not a baseline); returns their height. */
export function textLines(
  operations: DrawOperation[],
  lines: readonly string[],
  x: number,
  y: number,
  style: TextStyle,
  color: string,
): number {
  let baseline = y + style.size;
  for (const text of lines) {
    operations.push({ kind: 'text', x, y: baseline, text, color, ...style });
    baseline += style.size * LINE;
  }
  return linesHeight(lines.length, style);
}

/** Round people counts whose circles are told apart at this scale: up to three, largest first. */
export function graduatedSizes(
  maxIndividuals: number,
  scale: MapScale,
): { people: number; radius: number }[] {
  const perPixel = metresPerPixel(scale.latitude, scale.zoom);
  const radius = (people: number) => siteRadiusMetres(people) / perPixel;
  const candidates = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];
  const chosen: { people: number; radius: number }[] = [];
  for (const people of candidates.filter((value) => value <= maxIndividuals).reverse()) {
    const size = radius(people);
    // The map clamps circles to 3.5–30 px: only sizes between those tell people apart.
    if (size > 30 || size < 4) continue;
    const last = chosen.at(-1);
    if (!last || last.radius / size >= 1.6) chosen.push({ people, radius: size });
    if (chosen.length === 3) break;
  }
  return chosen;
}

function layerBlock(
  layer: LegendBlock,
  content: SnapshotContent,
  measure: Measure,
  keep: Compaction,
  scale: MapScale,
): Block {
  const entryStyle = scaled(STYLES.entry, keep.scale);
  const headingStyle = scaled(STYLES.layerHeading, keep.scale);
  const noteStyle = scaled(STYLES.note, keep.scale);
  const entries = layer.entries.filter(
    (entry) => entry.key !== 'cluster' || scale.zoom < content.groupsBelowZoom,
  );
  const sizes = layer.key === 'sites' ? graduatedSizes(content.maxIndividuals, scale) : [];
  // A sensitivity warning is never dropped; the circle-size note gives way to the drawn circles.
  const noteText = layer.key === 'sites' && sizes.length > 0 ? null : layer.note;
  const note = keep.notes || layer.sensitive ? noteText : null;
  const entryLines = (width: number) =>
    entries.map((entry) => wrapText(entry.label, width - SWATCH - 6, entryStyle, measure));
  const noteLines = (width: number) => (note ? wrapText(note, width, noteStyle, measure) : []);
  const entryHeight = (lines: readonly string[]) =>
    Math.max(SWATCH + 3, linesHeight(lines.length, entryStyle) + 3);
  const sizeTitle = (width: number) =>
    sizes.length > 0 ? wrapText(content.labels.circleSize, width, noteStyle, measure) : [];
  // Nested circles on one baseline, each labelled at its top (labels pushed apart to stay legible).
  const nested = () => {
    const diameter = 2 * (sizes[0]?.radius ?? 0);
    const lineHeight = linesHeight(1, entryStyle);
    const labels: number[] = [];
    for (const size of sizes) {
      const wanted = Math.max(diameter - 2 * size.radius + entryStyle.size * 0.35, entryStyle.size * 0.9);
      labels.push(Math.max(wanted, (labels.at(-1) ?? -Infinity) + lineHeight));
    }
    const height = Math.max(diameter, (labels.at(-1) ?? 0) + entryStyle.size * 0.25) + 6;
    return { diameter, labels, height };
  };
  const sizesHeight = (width: number) =>
    sizes.length > 0 ? 2 + linesHeight(sizeTitle(width).length, noteStyle) + nested().height : 0;
  const heading = (width: number) => wrapText(layer.heading, width, headingStyle, measure).slice(0, 2);
  return {
    name: layer.heading,
    essential: layer.sensitive,
    height: (width) =>
      linesHeight(heading(width).length, headingStyle) +
      4 +
      entryLines(width).reduce((sum, lines) => sum + entryHeight(lines), 0) +
      sizesHeight(width) +
      linesHeight(noteLines(width).length, noteStyle) +
      8,
    draw(operations, x, y, width) {
      let top = y;
      top += textLines(operations, heading(width), x, top, headingStyle, COLORS.text) + 4;
      const allLines = entryLines(width);
      entries.forEach((entry, index) => {
        const lines = allLines[index] ?? [];
        operations.push({ kind: 'swatch', x, y: top, size: SWATCH, symbol: entry.symbol });
        const textHeight = linesHeight(lines.length, entryStyle);
        textLines(
          operations,
          lines,
          x + SWATCH + 6,
          top + Math.max(0, (SWATCH - textHeight) / 2),
          entryStyle,
          COLORS.text,
        );
        top += entryHeight(lines);
      });
      if (sizes.length > 0) {
        top += 2;
        top += textLines(operations, sizeTitle(width), x, top, noteStyle, COLORS.muted);
        const { diameter, labels, height } = nested();
        const baseline = top + 2 + diameter;
        for (const size of sizes)
          operations.push({
            kind: 'circle',
            x: x + diameter / 2,
            y: baseline - size.radius,
            radius: size.radius,
            fill: '#e6e6e6',
            stroke: '#4d4d4d',
            lineWidth: 0.8,
          });
        sizes.forEach((size, index) => {
          const labelY = top + 2 + (labels[index] ?? 0);
          operations.push({
            kind: 'line',
            points: [
              [x + diameter / 2, baseline - 2 * size.radius],
              [x + diameter + 5, labelY - entryStyle.size * 0.35],
            ],
            color: '#7a7a7a',
            width: 0.5,
          });
          operations.push({
            kind: 'text',
            x: x + diameter + 8,
            y: labelY,
            text: formatFigure({ value: size.people, format: 'count', language: content.language }),
            color: COLORS.text,
            ...entryStyle,
          });
        });
        top += height;
      }
      textLines(
        operations,
        noteLines(width),
        x,
        top,
        noteStyle,
        layer.sensitive ? COLORS.sensitive : COLORS.muted,
      );
    },
  };
}

function keyFiguresBlock(content: SnapshotContent, measure: Measure, keep: Compaction): Block {
  const headingStyle = scaled(STYLES.heading, keep.scale);
  const entryStyle = scaled(STYLES.entry, keep.scale);
  const valueStyle = scaled(STYLES.layerHeading, keep.scale);
  const noteStyle = scaled(STYLES.note, keep.scale);
  const rows = (width: number) =>
    content.keyFigures.map((figure) => ({
      value: figure.value,
      lines: wrapText(
        figure.label,
        width - 2 * 8 - measure(figure.value, valueStyle) - 8,
        entryStyle,
        measure,
      ),
      // The threshold and denominator, under the label in small type ("of 400 sites").
      context:
        keep.contexts && figure.context ? wrapText(figure.context, width - 2 * 8, noteStyle, measure) : [],
    }));
  const rowHeight = (row: { lines: readonly string[]; context: readonly string[] }) =>
    linesHeight(row.lines.length, entryStyle) + linesHeight(row.context.length, noteStyle) + 4;
  const heading = (width: number) => wrapText(content.labels.keyFigures, width - 16, headingStyle, measure);
  const height = (width: number) =>
    8 +
    linesHeight(heading(width).length, headingStyle) +
    4 +
    rows(width).reduce((sum, row) => sum + rowHeight(row), 0) +
    8;
  return {
    name: content.labels.keyFigures,
    essential: true,
    height,
    draw(operations, x, y, width) {
      operations.push({
        kind: 'rect',
        x,
        y,
        width,
        height: height(width) - 4,
        fill: COLORS.panel,
        stroke: '#c8c8c8',
        lineWidth: 0.75,
      });
      let top = y + 8;
      top += textLines(operations, heading(width), x + 8, top, headingStyle, COLORS.text) + 4;
      for (const row of rows(width)) {
        const labelHeight = textLines(operations, row.lines, x + 8, top, entryStyle, COLORS.text);
        textLines(operations, row.context, x + 8, top + labelHeight, noteStyle, COLORS.muted);
        operations.push({
          kind: 'text',
          x: x + width - 8,
          y: top + entryStyle.size,
          text: row.value,
          color: COLORS.text,
          align: 'right',
          ...valueStyle,
        });
        top += rowHeight(row);
      }
    },
  };
}

/** The legend blocks in print order, then the key figures. */
export function legendBlocks(
  content: SnapshotContent,
  measure: Measure,
  keep: Compaction,
  scale: MapScale,
): Block[] {
  const blocks = content.legend.map((layer) => layerBlock(layer, content, measure, keep, scale));
  if (content.keyFigures.length > 0) blocks.push(keyFiguresBlock(content, measure, keep));
  return blocks;
}
