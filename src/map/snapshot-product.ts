/**
 * The map product as a list of drawing operations in layout units (see
 * snapshot-layout.ts): header, map frame with north arrow and scale bar,
 * legend, key figures, sources, dates, producer and disclaimer. The PNG and
 * the PDF renderers draw the same list, so the two outputs cannot disagree.
 * Pure: text is measured through the `measure` function the caller passes.
 */

import type { LegendSymbol } from './palette';
import type { SnapshotContent } from './snapshot-content';
import {
  legendColumnCount,
  MARGIN,
  type PageLayout,
  type PageSettings,
  pageLayout,
  pageSize,
  type Rectangle,
  type ScaleBar,
  type Size,
  scaleBar,
} from './snapshot-layout';

export type Point = readonly [number, number];

export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

export type DrawOperation =
  | {
      kind: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      fill?: string;
      stroke?: string;
      lineWidth?: number;
    }
  | ({
      kind: 'text';
      x: number;
      y: number;
      text: string;
      color: string;
      align?: 'left' | 'right' | 'center';
    } & TextStyle)
  | { kind: 'line'; points: readonly Point[]; color: string; width: number }
  | { kind: 'polygon'; points: readonly Point[]; fill: string; stroke?: string; lineWidth?: number }
  | { kind: 'map'; x: number; y: number; width: number; height: number }
  | { kind: 'swatch'; x: number; y: number; size: number; symbol: LegendSymbol };

/** Width of a text in layout units. */
export type Measure = (text: string, style: TextStyle) => number;

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

const TITLE: TextStyle = { size: 21, bold: true };
const SUBTITLE: TextStyle = { size: 13 };
const HEADING: TextStyle = { size: 12.5, bold: true };
const LAYER_HEADING: TextStyle = { size: 10.5, bold: true };
const ENTRY: TextStyle = { size: 10 };
const NOTE: TextStyle = { size: 8.5, italic: true };
const FOOTER: TextStyle = { size: 8.5 };
const FOOTER_BOLD: TextStyle = { size: 8.5, bold: true };
const DISCLAIMER: TextStyle = { size: 8, italic: true };
const BADGE: TextStyle = { size: 11, bold: true };

const LINE = 1.32;
const SWATCH = 15;

/** Splits text into lines no wider than `width` (a word longer than the line stays whole). */
export function wrapText(text: string, width: number, style: TextStyle, measure: Measure): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && measure(candidate, style) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

/** Shortens a single line with an ellipsis until it fits. */
export function fitText(text: string, width: number, style: TextStyle, measure: Measure): string {
  if (measure(text, style) <= width) return text;
  let end = text.length;
  while (end > 1 && measure(`${text.slice(0, end)}…`, style) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

function textLines(
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
  return lines.length * style.size * LINE;
}

/** A legend or key-figures block: draws itself at (x, y) within `width`, returns its height. */
interface Block {
  height(width: number): number;
  draw(operations: DrawOperation[], x: number, y: number, width: number): void;
}

/** How much a legend that does not fit gives up: figure contexts first, then the notes that are not warnings. */
interface Compaction {
  contexts: boolean;
  notes: boolean;
}

/** The legend blocks, then the key figures. */
function legendBlocks(content: SnapshotContent, measure: Measure, keep: Compaction): Block[] {
  const blocks: Block[] = content.legend.map((layer) => {
    const entryLines = (width: number) =>
      layer.entries.map((entry) => wrapText(entry.label, width - SWATCH - 6, ENTRY, measure));
    // A sensitivity warning is never dropped.
    const note = keep.notes || layer.sensitive ? layer.note : null;
    const noteLines = (width: number) => (note ? wrapText(note, width, NOTE, measure) : []);
    const entryHeight = (lines: readonly string[]) =>
      Math.max(SWATCH + 3, lines.length * ENTRY.size * LINE + 3);
    return {
      height: (width) =>
        LAYER_HEADING.size * LINE +
        4 +
        entryLines(width).reduce((sum, lines) => sum + entryHeight(lines), 0) +
        noteLines(width).length * NOTE.size * LINE +
        8,
      draw(operations, x, y, width) {
        let top = y;
        const heading = wrapText(layer.heading, width, LAYER_HEADING, measure).slice(0, 1);
        top += textLines(operations, heading, x, top, LAYER_HEADING, COLORS.text) + 4;
        const allLines = entryLines(width);
        layer.entries.forEach((entry, index) => {
          const lines = allLines[index] ?? [];
          const height = entryHeight(lines);
          operations.push({ kind: 'swatch', x, y: top, size: SWATCH, symbol: entry.symbol });
          const textHeight = lines.length * ENTRY.size * LINE;
          textLines(
            operations,
            lines,
            x + SWATCH + 6,
            top + Math.max(0, (SWATCH - textHeight) / 2),
            ENTRY,
            COLORS.text,
          );
          top += height;
        });
        textLines(
          operations,
          noteLines(width),
          x,
          top,
          NOTE,
          layer.sensitive ? COLORS.sensitive : COLORS.muted,
        );
      },
    };
  });
  if (content.keyFigures.length > 0) {
    const rows = (width: number) =>
      content.keyFigures.map((figure) => ({
        value: figure.value,
        lines: wrapText(
          figure.label,
          width - 2 * 8 - measure(figure.value, LAYER_HEADING) - 8,
          ENTRY,
          measure,
        ),
        // The threshold and denominator, under the label in small type ("of 400 sites").
        context:
          keep.contexts && figure.context ? wrapText(figure.context, width - 2 * 8, NOTE, measure) : [],
      }));
    const rowHeight = (row: { lines: readonly string[]; context: readonly string[] }) =>
      row.lines.length * ENTRY.size * LINE + row.context.length * NOTE.size * LINE + 4;
    blocks.push({
      height: (width) =>
        8 + HEADING.size * LINE + 4 + rows(width).reduce((sum, row) => sum + rowHeight(row), 0) + 8,
      draw(operations, x, y, width) {
        const height = this.height(width);
        operations.push({
          kind: 'rect',
          x,
          y,
          width,
          height: height - 4,
          fill: COLORS.panel,
          stroke: '#c8c8c8',
          lineWidth: 0.75,
        });
        let top = y + 8;
        top += textLines(operations, [content.labels.keyFigures], x + 8, top, HEADING, COLORS.text) + 4;
        for (const row of rows(width)) {
          const labelHeight = textLines(operations, row.lines, x + 8, top, ENTRY, COLORS.text);
          textLines(operations, row.context, x + 8, top + labelHeight, NOTE, COLORS.muted);
          operations.push({
            kind: 'text',
            x: x + width - 8,
            y: top + ENTRY.size,
            text: row.value,
            color: COLORS.text,
            align: 'right',
            ...LAYER_HEADING,
          });
          top += rowHeight(row);
        }
      },
    });
  }
  return blocks;
}

/** Assigns blocks to columns in order, filling each column before the next. */
function flow(heights: readonly number[], columns: number): { columnOf: number[]; height: number } {
  const total = heights.reduce((sum, height) => sum + height, 0);
  const target = total / columns;
  const columnOf: number[] = [];
  const used = new Array<number>(columns).fill(0);
  let column = 0;
  for (const height of heights) {
    if ((used[column] ?? 0) > 0 && (used[column] ?? 0) + height / 2 > target && column < columns - 1)
      column++;
    columnOf.push(column);
    used[column] = (used[column] ?? 0) + height;
  }
  return { columnOf, height: Math.max(0, ...used) };
}

function footerLines(content: SnapshotContent, width: number, measure: Measure) {
  const asOf = content.dataAsOf.map((entry) => `${entry.layer} : ${entry.date}`).join(' · ');
  const separator = content.language === 'fr' ? ' : ' : ': ';
  return {
    sources: wrapText(
      `${content.labels.sources}${separator}${content.sources.join(' ; ')}`,
      width,
      FOOTER,
      measure,
    ),
    asOf: asOf
      ? wrapText(
          `${content.labels.dataAsOf}${separator}${asOf.replaceAll(' : ', separator)}`,
          width,
          FOOTER,
          measure,
        )
      : [],
    created: wrapText(
      `${content.labels.created}${separator}${content.exportDate} · ${content.labels.producer}${separator}${content.producer}`,
      width,
      FOOTER_BOLD,
      measure,
    ),
    disclaimer: wrapText(content.labels.disclaimer, width, DISCLAIMER, measure),
  };
}

function footerHeight(lines: ReturnType<typeof footerLines>): number {
  return (
    8 +
    (lines.sources.length + lines.asOf.length + lines.created.length) * FOOTER.size * LINE +
    4 +
    lines.disclaimer.length * DISCLAIMER.size * LINE
  );
}

export interface CameraForScale {
  latitude: number;
  zoom: number;
}

export interface Product {
  layout: PageLayout;
  operations: DrawOperation[];
  scale: ScaleBar;
}

/** Lays the product out on the page and lists what to draw. */
export function composeProduct(
  content: SnapshotContent,
  settings: PageSettings,
  screenMap: Size,
  camera: CameraForScale,
  measure: Measure,
): Product {
  const innerWidth = pageSize(settings, screenMap).width - 2 * MARGIN;
  const footer = footerLines(content, innerWidth, measure);
  const portrait = settings.paper !== 'screen' && settings.orientation === 'portrait';
  const columns = portrait ? legendColumnCount(innerWidth) : 1;
  const columnGap = 16;
  const columnWidth = portrait ? (innerWidth - (columns - 1) * columnGap) / columns : 0;
  const headingHeight = HEADING.size * LINE + 6;
  const arrange = (keep: Compaction) => {
    const blocks = legendBlocks(content, measure, keep);
    const bandHeight = portrait
      ? headingHeight +
        flow(
          blocks.map((block) => block.height(columnWidth)),
          columns,
        ).height
      : 0;
    const layout = pageLayout(settings, screenMap, {
      legendBandHeight: bandHeight,
      footerHeight: footerHeight(footer),
    });
    const needed = portrait
      ? bandHeight
      : headingHeight + blocks.reduce((sum, block) => sum + block.height(layout.legend.width), 0);
    return { blocks, layout, fits: needed <= layout.legend.height };
  };
  // What would run past the legend's frame is dropped: the figures' contexts, then the notes that are not warnings.
  const arrangements = [
    { contexts: true, notes: true },
    { contexts: false, notes: true },
    { contexts: false, notes: false },
  ].map(arrange);
  const { blocks, layout } =
    arrangements.find((arrangement) => arrangement.fits) ??
    (arrangements.at(-1) as ReturnType<typeof arrange>);
  const operations: DrawOperation[] = [];
  const { page, header, map, legend } = layout;
  operations.push({ kind: 'rect', x: 0, y: 0, width: page.width, height: page.height, fill: COLORS.white });

  // Header: badges on the right, title and subtitle in what is left.
  let badgeLeft = header.x + header.width;
  const badge = (text: string, fill: string, color: string, y: number) => {
    const width = measure(text, BADGE) + 16;
    operations.push({
      kind: 'rect',
      x: header.x + header.width - width,
      y,
      width,
      height: 22,
      fill,
      stroke: COLORS.sensitive,
      lineWidth: 1.2,
    });
    operations.push({
      kind: 'text',
      x: header.x + header.width - width / 2,
      y: y + 15.5,
      text,
      color,
      align: 'center',
      ...BADGE,
    });
    badgeLeft = Math.min(badgeLeft, header.x + header.width - width);
  };
  if (content.sensitive)
    badge(
      content.labels.sensitive.toLocaleUpperCase(content.language),
      COLORS.sensitive,
      COLORS.white,
      header.y,
    );
  if (content.synthetic)
    badge(content.labels.synthetic, COLORS.white, COLORS.sensitive, header.y + (content.sensitive ? 27 : 0));
  const titleWidth = badgeLeft - header.x - 16;
  operations.push({
    kind: 'text',
    x: header.x,
    y: header.y + TITLE.size,
    text: fitText(content.title, titleWidth, TITLE, measure),
    color: COLORS.text,
    ...TITLE,
  });
  if (content.subtitle)
    operations.push({
      kind: 'text',
      x: header.x,
      y: header.y + TITLE.size + 8 + SUBTITLE.size,
      text: fitText(content.subtitle, titleWidth, SUBTITLE, measure),
      color: COLORS.muted,
      ...SUBTITLE,
    });
  const ruleY = header.y + header.height - 8;
  operations.push({
    kind: 'line',
    points: [
      [header.x, ruleY],
      [header.x + header.width, ruleY],
    ],
    color: COLORS.rule,
    width: 2,
  });

  // Map frame, its sensitive banner, north arrow and scale bar.
  operations.push({ kind: 'map', x: map.x, y: map.y, width: map.width, height: map.height });
  operations.push({ kind: 'rect', ...map, stroke: COLORS.frame, lineWidth: 1 });
  if (content.sensitive) {
    const text = content.labels.sensitive.toLocaleUpperCase(content.language);
    const width = measure(text, BADGE) + 20;
    operations.push({ kind: 'rect', x: map.x + 1, y: map.y + 1, width, height: 22, fill: COLORS.sensitive });
    operations.push({
      kind: 'text',
      x: map.x + 1 + width / 2,
      y: map.y + 16.5,
      text,
      color: COLORS.white,
      align: 'center',
      ...BADGE,
    });
  }
  northArrow(operations, map);
  const scale = scaleBar(camera.latitude, camera.zoom, Math.min(150, map.width * 0.3));
  drawScaleBar(operations, scale, map, measure);

  // Legend: a column on the right, or a band of columns under the map.
  operations.push({
    kind: 'text',
    x: legend.x,
    y: legend.y + HEADING.size,
    text: content.labels.legend,
    color: COLORS.text,
    ...HEADING,
  });
  const legendTop = legend.y + headingHeight;
  if (portrait) {
    const placement = flow(
      blocks.map((block) => block.height(columnWidth)),
      columns,
    );
    const tops = new Array<number>(columns).fill(legendTop);
    blocks.forEach((block, index) => {
      const column = placement.columnOf[index] ?? 0;
      const top = tops[column] ?? legendTop;
      block.draw(operations, legend.x + column * (columnWidth + columnGap), top, columnWidth);
      tops[column] = top + block.height(columnWidth);
    });
  } else {
    let top = legendTop;
    for (const block of blocks) {
      block.draw(operations, legend.x, top, legend.width);
      top += block.height(legend.width);
    }
  }

  // Footer: sources, data dates, date and producer, disclaimer.
  const foot = layout.footer;
  operations.push({
    kind: 'line',
    points: [
      [foot.x, foot.y],
      [foot.x + foot.width, foot.y],
    ],
    color: '#b8b8b8',
    width: 0.75,
  });
  let top = foot.y + 6;
  top += textLines(operations, footer.sources, foot.x, top, FOOTER, COLORS.text);
  top += textLines(operations, footer.asOf, foot.x, top, FOOTER, COLORS.text);
  top += textLines(operations, footer.created, foot.x, top, FOOTER_BOLD, COLORS.text) + 4;
  textLines(operations, footer.disclaimer, foot.x, top, DISCLAIMER, COLORS.muted);
  return { layout, operations, scale };
}

function northArrow(operations: DrawOperation[], map: Rectangle): void {
  const centerX = map.x + map.width - 30;
  const top = map.y + 12;
  operations.push({
    kind: 'rect',
    x: centerX - 17,
    y: top,
    width: 34,
    height: 50,
    fill: COLORS.white,
    stroke: '#9a9a9a',
    lineWidth: 0.75,
  });
  const tipY = top + 20;
  const baseY = top + 45;
  operations.push({
    kind: 'polygon',
    points: [
      [centerX, tipY],
      [centerX - 8, baseY],
      [centerX, baseY - 7],
    ],
    fill: COLORS.black,
  });
  operations.push({
    kind: 'polygon',
    points: [
      [centerX, tipY],
      [centerX + 8, baseY],
      [centerX, baseY - 7],
    ],
    fill: COLORS.white,
    stroke: COLORS.black,
    lineWidth: 0.9,
  });
  operations.push({
    kind: 'text',
    x: centerX,
    y: top + 16,
    text: 'N',
    color: COLORS.black,
    align: 'center',
    size: 11,
    bold: true,
  });
}

function drawScaleBar(operations: DrawOperation[], scale: ScaleBar, map: Rectangle, measure: Measure): void {
  const style: TextStyle = { size: 9 };
  const labelWidth = measure(scale.label, style);
  const left = map.x + 12;
  const boxWidth = scale.width + labelWidth / 2 + 24;
  const boxTop = map.y + map.height - 38;
  operations.push({
    kind: 'rect',
    x: left,
    y: boxTop,
    width: boxWidth,
    height: 28,
    fill: COLORS.white,
    stroke: '#9a9a9a',
    lineWidth: 0.75,
  });
  const barX = left + 8;
  const barY = boxTop + 16;
  const half = scale.width / 2;
  operations.push({ kind: 'rect', x: barX, y: barY, width: half, height: 5, fill: COLORS.black });
  operations.push({
    kind: 'rect',
    x: barX + half,
    y: barY,
    width: half,
    height: 5,
    fill: COLORS.white,
    stroke: COLORS.black,
    lineWidth: 0.75,
  });
  operations.push({
    kind: 'rect',
    x: barX,
    y: barY,
    width: scale.width,
    height: 5,
    stroke: COLORS.black,
    lineWidth: 0.75,
  });
  operations.push({
    kind: 'text',
    x: barX,
    y: barY - 3,
    text: '0',
    color: COLORS.black,
    align: 'center',
    ...style,
  });
  operations.push({
    kind: 'text',
    x: barX + scale.width,
    y: barY - 3,
    text: scale.label,
    color: COLORS.black,
    align: 'center',
    ...style,
  });
}
