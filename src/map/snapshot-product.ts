/**
 * The map product as a display list (snapshot-draw.ts) in layout units:
 * header (logo, title on up to two lines, subtitle, badges), map frame with
 * its furniture (sensitivity band, north arrow, scale bar, locator), the
 * legend and key figures, and the footer (sources, dates, producer, contact,
 * disclaimer, sensitivity label). Every block is measured before it is
 * placed; what does not fit is compacted within limits, then left out, and
 * the product lists what it left out so the preview can say so. Pure.
 */

import type { SnapshotContent } from './snapshot-content';
import type { DrawOperation } from './snapshot-draw';
import { drawLocator, drawNorthArrow, drawScaleBar, frameBounds, LOCATOR_ASPECT } from './snapshot-furniture';
import {
  legendColumnCount,
  MARGIN,
  maximumBand,
  type PageLayout,
  type PageSettings,
  pageLayout,
  pageSize,
  type Rectangle,
  type ScaleBar,
  type Size,
  scaleBar,
} from './snapshot-layout';
import {
  type Block,
  COLORS,
  type Compaction,
  legendBlocks,
  type MapScale,
  textLines,
} from './snapshot-legend';
import { fitLines, linesHeight, type Measure, STYLES, type TextStyle, wrapText } from './snapshot-text';

export type { DrawOperation } from './snapshot-draw';
export type { Measure } from './snapshot-text';

export interface CameraForScale {
  latitude: number;
  zoom: number;
  /** For the locator's extent; without it the locator shows no extent. */
  longitude?: number;
}

/** Something the product could not hold at its full size: the preview says so. */
export type Omission =
  | {
      kind:
        | 'contexts'
        | 'notes'
        | 'smaller-legend'
        | 'title-cut'
        | 'subtitle-cut'
        | 'sources-cut'
        | 'locator';
    }
  | { kind: 'block'; name: string };

export interface Product {
  layout: PageLayout;
  operations: DrawOperation[];
  scale: ScaleBar;
  omitted: Omission[];
}

const TITLE_MIN_SIZE = 15;
const SUBTITLE_MIN_SIZE = 11;
const LOGO_MAX = { width: 140, height: 46 };
const COLUMN_GAP = 16;
const HEADING_GAP = 6;

interface Header {
  height: number;
  draw(operations: DrawOperation[], header: Rectangle): void;
  omitted: Omission[];
}

function composeHeader(content: SnapshotContent, width: number, measure: Measure): Header {
  const badges: { text: string; fill: string; color: string }[] = [];
  if (content.sensitive)
    badges.push({
      text: content.labels.sensitive.toLocaleUpperCase(content.language),
      fill: COLORS.sensitive,
      color: COLORS.white,
    });
  if (content.synthetic)
    badges.push({ text: content.labels.synthetic, fill: COLORS.white, color: COLORS.sensitive });
  const badgeWidth = Math.max(0, ...badges.map((badge) => measure(badge.text, STYLES.badge) + 16));
  const logo = content.logo
    ? (() => {
        const ratio = Math.min(LOGO_MAX.width / content.logo.width, LOGO_MAX.height / content.logo.height);
        return { width: content.logo.width * ratio, height: content.logo.height * ratio };
      })()
    : null;
  const textLeft = logo ? logo.width + 14 : 0;
  const titleWidth = width - textLeft - (badgeWidth > 0 ? badgeWidth + 16 : 0);
  const title = fitLines(content.title, titleWidth, STYLES.title, 2, TITLE_MIN_SIZE, measure);
  const subtitle = content.subtitle
    ? fitLines(content.subtitle, titleWidth, STYLES.subtitle, 1, SUBTITLE_MIN_SIZE, measure)
    : null;
  // The site filter is part of what the map shows: it is never left out, only wrapped or shrunk.
  const filter = content.filter
    ? fitLines(content.filter, titleWidth, STYLES.subtitle, 2, SUBTITLE_MIN_SIZE, measure)
    : null;
  const textHeight =
    linesHeight(title.lines.length, title.style) +
    (subtitle ? 2 + linesHeight(1, subtitle.style) : 0) +
    (filter ? 2 + linesHeight(filter.lines.length, filter.style) : 0);
  const height = Math.ceil(Math.max(textHeight, logo?.height ?? 0, badges.length * 27) + 14);
  const omitted: Omission[] = [];
  if (!title.whole) omitted.push({ kind: 'title-cut' });
  if ((subtitle && !subtitle.whole) || (filter && !filter.whole)) omitted.push({ kind: 'subtitle-cut' });
  return {
    height,
    omitted,
    draw(operations, header) {
      badges.forEach((badge, index) => {
        const badgeWidthHere = measure(badge.text, STYLES.badge) + 16;
        const x = header.x + header.width - badgeWidthHere;
        const y = header.y + index * 27;
        operations.push({
          kind: 'rect',
          x,
          y,
          width: badgeWidthHere,
          height: 22,
          fill: badge.fill,
          stroke: COLORS.sensitive,
          lineWidth: 1.2,
        });
        operations.push({
          kind: 'text',
          x: x + badgeWidthHere / 2,
          y: y + 15.5,
          text: badge.text,
          color: badge.color,
          align: 'center',
          ...STYLES.badge,
        });
      });
      if (logo) operations.push({ kind: 'image', slot: 'logo', x: header.x, y: header.y, ...logo });
      let top = header.y;
      top += textLines(operations, title.lines, header.x + textLeft, top, title.style, COLORS.text);
      if (subtitle)
        top +=
          2 +
          textLines(operations, subtitle.lines, header.x + textLeft, top + 2, subtitle.style, COLORS.muted);
      if (filter)
        textLines(operations, filter.lines, header.x + textLeft, top + 2, filter.style, COLORS.text);
      const ruleY = header.y + header.height - 6;
      operations.push({
        kind: 'line',
        points: [
          [header.x, ruleY],
          [header.x + header.width, ruleY],
        ],
        color: COLORS.rule,
        width: 2,
      });
    },
  };
}

interface Footer {
  height: number;
  draw(operations: DrawOperation[], footer: Rectangle): void;
  omitted: Omission[];
}

function composeFooter(content: SnapshotContent, width: number, measure: Measure): Footer {
  const separator = content.language === 'fr' ? ' : ' : ': ';
  const label = content.sensitive ? content.labels.sensitive.toLocaleUpperCase(content.language) : '';
  const labelWidth = label ? measure(label, STYLES.footerBold) + 16 : 0;
  const textWidth = width - (label ? labelWidth + 12 : 0);
  const wrap = (text: string, style: TextStyle = STYLES.footer) => wrapText(text, textWidth, style, measure);
  const asOf = content.dataAsOf.map((entry) => `${entry.layer}${separator}${entry.date}`).join(' · ');
  const allSources = wrap(`${content.labels.sources}${separator}${content.sources.join(' ; ')}`);
  const sources = allSources.slice(0, 3);
  const omitted: Omission[] = allSources.length > 3 ? [{ kind: 'sources-cut' }] : [];
  const lines: { text: string; style: TextStyle; color: string }[] = [
    ...sources.map((text) => ({ text, style: STYLES.footer, color: COLORS.text })),
    ...(asOf ? wrap(`${content.labels.dataAsOf}${separator}${asOf}`).slice(0, 2) : []).map((text) => ({
      text,
      style: STYLES.footer,
      color: COLORS.text,
    })),
    ...wrap(
      `${content.labels.created}${separator}${content.exportDate} · ${content.labels.producer}${separator}${content.producer}`,
      STYLES.footerBold,
    ).map((text) => ({ text, style: STYLES.footerBold, color: COLORS.text })),
    ...(content.contact?.trim() ? wrap(content.contact.trim()).slice(0, 2) : []).map((text) => ({
      text,
      style: STYLES.footer,
      color: COLORS.text,
    })),
    ...wrap(content.labels.disclaimer, STYLES.disclaimer).map((text) => ({
      text,
      style: STYLES.disclaimer,
      color: COLORS.muted,
    })),
  ];
  const height = Math.ceil(8 + lines.reduce((sum, line) => sum + linesHeight(1, line.style), 0) + 4);
  return {
    height,
    omitted,
    draw(operations, footer) {
      operations.push({
        kind: 'line',
        points: [
          [footer.x, footer.y],
          [footer.x + footer.width, footer.y],
        ],
        color: '#b8b8b8',
        width: 0.75,
      });
      let top = footer.y + 6;
      for (const line of lines)
        top += textLines(operations, [line.text], footer.x, top, line.style, line.color);
      if (label) {
        const x = footer.x + footer.width - labelWidth;
        operations.push({
          kind: 'rect',
          x,
          y: footer.y + 6,
          width: labelWidth,
          height: 18,
          stroke: COLORS.sensitive,
          lineWidth: 1.2,
        });
        operations.push({
          kind: 'text',
          x: x + labelWidth / 2,
          y: footer.y + 18.5,
          text: label,
          color: COLORS.sensitive,
          align: 'center',
          ...STYLES.footerBold,
        });
      }
    },
  };
}

/** Assigns blocks to columns in order, balancing their heights. */
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

/** Compactions tried in order until the legend fits. */
const COMPACTIONS: readonly Compaction[] = [
  { contexts: true, notes: true, scale: 1 },
  { contexts: false, notes: true, scale: 1 },
  { contexts: false, notes: false, scale: 1 },
  { contexts: false, notes: false, scale: 0.9 },
  { contexts: false, notes: false, scale: 0.8 },
];

/** Lays the product out on the page and lists what to draw. */
export function composeProduct(
  content: SnapshotContent,
  settings: PageSettings,
  screenMap: Size,
  camera: CameraForScale,
  measure: Measure,
): Product {
  const innerWidth = pageSize(settings, screenMap).width - 2 * MARGIN;
  const header = composeHeader(content, innerWidth, measure);
  const footer = composeFooter(content, innerWidth, measure);
  const portrait = settings.paper !== 'screen' && settings.orientation === 'portrait';
  const columns = portrait ? legendColumnCount(innerWidth) : 1;
  const columnWidth = portrait ? (innerWidth - (columns - 1) * COLUMN_GAP) / columns : 0;
  const headingHeight = linesHeight(1, STYLES.heading) + HEADING_GAP;
  const scale: MapScale = { latitude: camera.latitude, zoom: camera.zoom };
  const measured = { footerHeight: footer.height, headerHeight: header.height };

  /** A note at the foot of the legend naming the blocks left out, so the product itself says so. */
  const leftOutNote = (names: readonly string[], width: number) =>
    names.length > 0
      ? wrapText(
          content.labels.legendLeftOut.replace('{names}', names.join(', ')),
          width,
          STYLES.note,
          measure,
        )
      : [];
  const arrange = (keep: Compaction, dropped: ReadonlySet<number>, sideColumns = 1) => {
    const all = legendBlocks(content, measure, keep, scale);
    const blocks = all.filter((_block, index) => !dropped.has(index));
    const leftOut = all.filter((_block, index) => dropped.has(index)).map((block) => block.name);
    if (portrait) {
      const placement = flow(
        blocks.map((block) => block.height(columnWidth)),
        columns,
      );
      const note = leftOutNote(leftOut, innerWidth);
      const bandHeight =
        blocks.length > 0 || note.length > 0
          ? headingHeight + placement.height + linesHeight(note.length, STYLES.note)
          : 0;
      const layout = pageLayout(settings, screenMap, { ...measured, legendBandHeight: bandHeight });
      const fits = bandHeight <= Math.min(layout.legend.height, maximumBand(layout.page));
      return { blocks, layout, fits, note, columnWidth };
    }
    const layout = pageLayout(settings, screenMap, { ...measured, legendBandHeight: 0, sideColumns });
    const width = (layout.legend.width - (sideColumns - 1) * COLUMN_GAP) / sideColumns;
    const placement = flow(
      blocks.map((block) => block.height(width)),
      sideColumns,
    );
    const note = leftOutNote(leftOut, layout.legend.width);
    const needed =
      blocks.length > 0 || note.length > 0
        ? headingHeight + placement.height + linesHeight(note.length, STYLES.note)
        : 0;
    return { blocks, layout, fits: needed <= layout.legend.height, note, columnWidth: width };
  };

  const omitted: Omission[] = [...header.omitted, ...footer.omitted];
  const none = new Set<number>();
  // Full size in one column; then a second side column (landscape) before the type gets smaller.
  const attempts = [
    ...COMPACTIONS.slice(0, 3).map((keep) => ({ keep, sideColumns: 1 })),
    ...(portrait ? COMPACTIONS.slice(3) : COMPACTIONS).map((keep) => ({
      keep,
      sideColumns: portrait ? 1 : 2,
    })),
  ];
  let chosen = attempts
    .map(({ keep, sideColumns }) => ({ keep, ...arrange(keep, none, sideColumns) }))
    .find((arrangement) => arrangement.fits);
  if (chosen) {
    const step = COMPACTIONS.indexOf(chosen.keep);
    if (step >= 1 && content.keyFigures.some((figure) => figure.context)) omitted.push({ kind: 'contexts' });
    if (step >= 2) omitted.push({ kind: 'notes' });
    if (step >= 3) omitted.push({ kind: 'smaller-legend' });
  } else {
    // Still too long at the smallest type: leave whole blocks out, the least essential and lowest
    // first, and name them at the foot of the legend.
    const keep = COMPACTIONS.at(-1) as Compaction;
    const sideColumns = portrait ? 1 : 2;
    omitted.push({ kind: 'contexts' }, { kind: 'notes' }, { kind: 'smaller-legend' });
    const all = legendBlocks(content, measure, keep, scale);
    const order = [...all.keys()].sort(
      (a, b) => Number(all[a]?.essential) - Number(all[b]?.essential) || b - a,
    );
    const dropped = new Set<number>();
    for (const index of order) {
      dropped.add(index);
      omitted.push({ kind: 'block', name: all[index]?.name ?? '' });
      const attempt = arrange(keep, dropped, sideColumns);
      if (attempt.fits) {
        chosen = { keep, ...attempt };
        break;
      }
    }
    chosen ??= { keep, ...arrange(keep, dropped, sideColumns) };
  }

  const { blocks, layout, note } = chosen;
  const operations: DrawOperation[] = [];
  const { page, map, legend } = layout;
  operations.push({ kind: 'rect', x: 0, y: 0, width: page.width, height: page.height, fill: COLORS.white });
  header.draw(operations, layout.header);

  // Map frame, its sensitive band, north arrow, scale bar and locator.
  operations.push({ kind: 'image', slot: 'map', x: map.x, y: map.y, width: map.width, height: map.height });
  operations.push({ kind: 'rect', ...map, stroke: COLORS.frame, lineWidth: 1 });
  if (content.sensitive) {
    const text = content.labels.sensitive.toLocaleUpperCase(content.language);
    const width = Math.min(measure(text, STYLES.badge) + 20, map.width - 80);
    operations.push({ kind: 'rect', x: map.x + 1, y: map.y + 1, width, height: 22, fill: COLORS.sensitive });
    operations.push({
      kind: 'text',
      x: map.x + 1 + width / 2,
      y: map.y + 16.5,
      text,
      color: COLORS.white,
      align: 'center',
      ...STYLES.badge,
    });
  }
  drawNorthArrow(operations, map);
  const bar = scaleBar(camera.latitude, camera.zoom, Math.min(150, map.width * 0.3));
  drawScaleBar(operations, bar, map, measure);
  if (content.locator.length > 0) {
    if (map.width >= 420 && map.height >= 260) {
      const width = Math.min(190, Math.max(110, map.width * 0.22));
      const height = width / LOCATOR_ASPECT;
      const box = { x: map.x + map.width - width - 10, y: map.y + map.height - height - 10, width, height };
      const extent =
        camera.longitude === undefined
          ? { west: 0, south: 0, east: 0, north: 0 }
          : frameBounds({ longitude: camera.longitude, latitude: camera.latitude, zoom: camera.zoom }, map);
      drawLocator(operations, box, content.locator, extent);
    } else omitted.push({ kind: 'locator' });
  }

  // Legend: a column on the right, or a band of columns under the map.
  if (blocks.length > 0 || note.length > 0) {
    operations.push({
      kind: 'text',
      x: legend.x,
      y: legend.y + STYLES.heading.size,
      text: content.labels.legend,
      color: COLORS.text,
      ...STYLES.heading,
    });
    const bottom = drawBlocks(
      operations,
      blocks,
      legend,
      layout.legendColumns,
      chosen.columnWidth,
      headingHeight,
    );
    textLines(operations, note, legend.x, bottom, STYLES.note, COLORS.sensitive);
  }
  footer.draw(operations, layout.footer);
  return { layout, operations, scale: bar, omitted };
}

function drawBlocks(
  operations: DrawOperation[],
  blocks: readonly Block[],
  legend: Rectangle,
  columns: number,
  columnWidth: number,
  headingHeight: number,
): number {
  const placement = flow(
    blocks.map((block) => block.height(columnWidth)),
    columns,
  );
  const legendTop = legend.y + headingHeight;
  const tops = new Array<number>(columns).fill(legendTop);
  blocks.forEach((block, index) => {
    const column = placement.columnOf[index] ?? 0;
    const top = tops[column] ?? legendTop;
    block.draw(operations, legend.x + column * (columnWidth + COLUMN_GAP), top, columnWidth);
    tops[column] = top + block.height(columnWidth);
  });
  return Math.max(legendTop, ...tops);
}
