/**
 * Pure layout maths of a snapshot (map product): paper sizes, the frames of
 * the page, the export zoom, the scale bar and the OCHA-style file name.
 *
 * Layout units are CSS pixels at 96 dpi, so a 1× PNG of an A4 page is
 * 1123 × 794 px, a 2× PNG is 2245 × 1587 px, and the PDF page is the same
 * layout scaled by 0.75 pt per unit (A4 landscape = 841.89 × 595.28 pt).
 * The map frame is rendered by MapLibre at exactly its layout size and the
 * chosen pixel ratio, so the PNG map pixels are the map's own pixels.
 */

export const PAPERS = ['screen', 'A4', 'A3'] as const;
export type Paper = (typeof PAPERS)[number];
export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];
export const PIXEL_RATIOS = [1, 2, 3] as const;

/** ISO 216 sizes in millimetres, portrait (width < height). */
export const PAPER_MILLIMETRES: Record<Exclude<Paper, 'screen'>, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
};

const UNITS_PER_INCH = 96;
const MILLIMETRES_PER_INCH = 25.4;
/** PDF points per layout unit (72 pt per inch / 96 units per inch). */
export const POINTS_PER_UNIT = 72 / UNITS_PER_INCH;

/** Earth's equatorial circumference in metres (WGS 84), as MapLibre uses it. */
const EARTH_CIRCUMFERENCE_METRES = 40075016.686;
/** MapLibre's tiles are 512 px wide at zoom 0. */
const TILE_SIZE = 512;

export interface Size {
  width: number;
  height: number;
}

export interface Rectangle extends Size {
  x: number;
  y: number;
}

export interface PageSettings {
  paper: Paper;
  orientation: Orientation;
}

/**
 * The page size in layout units. `screen` takes the size of the map as seen
 * (its frame is the on-screen map) plus the margins and the legend column.
 */
export function pageSize(
  settings: PageSettings,
  screenMap: Size,
  footerHeight = FOOTER_HEIGHT,
  headerHeight = HEADER_HEIGHT,
): Size {
  if (settings.paper === 'screen') {
    return {
      width: Math.round(screenMap.width) + 2 * MARGIN + GAP + SIDEBAR_WIDTH,
      height: Math.round(screenMap.height) + 2 * MARGIN + headerHeight + footerHeight + GAP / 2,
    };
  }
  const millimetres = PAPER_MILLIMETRES[settings.paper];
  const toUnits = (value: number) => (value / MILLIMETRES_PER_INCH) * UNITS_PER_INCH;
  const short = toUnits(millimetres.width);
  const long = toUnits(millimetres.height);
  return settings.orientation === 'landscape'
    ? { width: long, height: short }
    : { width: short, height: long };
}

/** Page size in PDF points (A4 landscape → 841.89 × 595.28). */
export function pageSizePoints(settings: PageSettings, screenMap: Size): Size {
  const size = pageSize(settings, screenMap);
  return { width: size.width * POINTS_PER_UNIT, height: size.height * POINTS_PER_UNIT };
}

/** Pixel dimensions of the PNG at a pixel ratio. */
export function pixelSize(size: Size, pixelRatio: number): Size {
  return { width: Math.round(size.width * pixelRatio), height: Math.round(size.height * pixelRatio) };
}

export const MARGIN = 22;
export const GAP = 14;
export const HEADER_HEIGHT = 62;
export const FOOTER_HEIGHT = 74;
export const SIDEBAR_WIDTH = 236;

export interface PageLayout {
  page: Size;
  header: Rectangle;
  /** The map frame, in whole units so MapLibre renders it at exactly this size. */
  map: Rectangle;
  /** Where the legend (and key figures) go: right column, or a band under the map in portrait. */
  legend: Rectangle;
  footer: Rectangle;
  /** Legend columns: of the band in portrait; 1 or 2 in the side column of landscape. */
  legendColumns: number;
}

/** Heights the content needs, measured before the final layout. */
export interface MeasuredContent {
  legendBandHeight: number;
  footerHeight: number;
  /** At least HEADER_HEIGHT; more for a title on two lines or a tall logo. */
  headerHeight?: number;
  /**
   * Columns of the landscape side legend (1 by default): a crowded legend takes a second column
   * from the map's width rather than leave a layer out.
   */
  sideColumns?: number;
}

/**
 * Frames of the page. In landscape (and on screen) the legend is a column on
 * the right; in portrait it is a band under the map, in columns, whose height
 * is what `legendBandHeight` needs (capped at 40 % of the page).
 */
export function pageLayout(
  settings: PageSettings,
  screenMap: Size,
  measured: MeasuredContent = { legendBandHeight: 180, footerHeight: FOOTER_HEIGHT },
): PageLayout {
  const { legendBandHeight } = measured;
  const footerHeight = Math.max(FOOTER_HEIGHT, measured.footerHeight);
  const headerHeight = Math.max(HEADER_HEIGHT, measured.headerHeight ?? 0);
  const page = pageSize(settings, screenMap, footerHeight, headerHeight);
  const innerWidth = page.width - 2 * MARGIN;
  const header = { x: MARGIN, y: MARGIN, width: innerWidth, height: headerHeight };
  const footer = {
    x: MARGIN,
    y: page.height - MARGIN - footerHeight,
    width: innerWidth,
    height: footerHeight,
  };
  const bodyTop = header.y + header.height;
  const bodyHeight = footer.y - GAP / 2 - bodyTop;
  const portrait = settings.paper !== 'screen' && settings.orientation === 'portrait';
  if (!portrait) {
    const columns = measured.sideColumns ?? 1;
    const legendWidth = columns * SIDEBAR_WIDTH + (columns - 1) * GAP;
    const mapWidth = Math.floor(innerWidth - legendWidth - GAP);
    const map = { x: MARGIN, y: bodyTop, width: mapWidth, height: Math.floor(bodyHeight) };
    const legend = { x: MARGIN + mapWidth + GAP, y: bodyTop, width: legendWidth, height: bodyHeight };
    return { page, header, map, legend, footer, legendColumns: columns };
  }
  const band = Math.min(Math.max(legendBandHeight, 80), maximumBand(page));
  const mapHeight = Math.floor(bodyHeight - band - GAP);
  const map = { x: MARGIN, y: bodyTop, width: Math.floor(innerWidth), height: mapHeight };
  const legend = { x: MARGIN, y: bodyTop + mapHeight + GAP, width: innerWidth, height: band };
  return { page, header, map, legend, footer, legendColumns: legendColumnCount(innerWidth) };
}

/** The tallest legend band a portrait page gives before the map would get too small. */
export function maximumBand(page: Size): number {
  return page.height * 0.4;
}

/** Columns of the legend band in portrait. */
export function legendColumnCount(width: number): number {
  return Math.max(1, Math.floor(width / 230));
}

/** Ground metres per CSS pixel at a latitude and MapLibre zoom (512-px tiles). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_METRES * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE * 2 ** zoom);
}

export interface ScaleBar {
  /** Ground length of the bar. */
  metres: number;
  /** Its length on the page, in layout units. */
  width: number;
  /** "500 m", "2 km". */
  label: string;
}

/** The largest 1, 2 or 5 × 10ⁿ metres not longer than `maxMetres`. */
export function niceLength(maxMetres: number): number {
  if (!(maxMetres > 0) || !Number.isFinite(maxMetres)) return 0;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  for (const step of [5, 2, 1]) if (step * power <= maxMetres) return step * power;
  return power;
}

/** Formats a distance for a scale bar: metres under 1 km, else kilometres. */
export function distanceLabel(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}

/** A scale bar of a round length, at most `maxWidth` units long, true at `latitude` and `zoom`. */
export function scaleBar(latitude: number, zoom: number, maxWidth: number): ScaleBar {
  const perPixel = metresPerPixel(latitude, zoom);
  const metres = niceLength(perPixel * maxWidth);
  return { metres, width: metres / perPixel, label: distanceLabel(metres) };
}

/**
 * Zoom of the exported map so that it shows at least what the on-screen map
 * shows: a bigger frame zooms in, a smaller one zooms out.
 */
export function exportZoom(zoom: number, screenMap: Size, frame: Size): number {
  if (screenMap.width <= 0 || screenMap.height <= 0) return zoom;
  const factor = Math.min(frame.width / screenMap.width, frame.height / screenMap.height);
  return zoom + Math.log2(factor);
}

/** Lower-case ASCII with dashes, for file names. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'map'
  );
}

/**
 * `HTI_<short-name>_<paper>_<YYYYMMDD>.<ext>`, dated in local time (the user's day); a sensitive
 * product ends with its label in capitals (`…_20261122_SENSIBLE.pdf`), so the file says it too.
 */
export function snapshotFileName(
  shortName: string,
  paper: Paper,
  date: Date,
  extension: 'png' | 'pdf' | 'zip',
  sensitivityLabel?: string,
): string {
  const stamp = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
  const label = sensitivityLabel ? `_${slug(sensitivityLabel.split(/[—–-]/)[0] ?? '').toUpperCase()}` : '';
  return `HTI_${slug(shortName)}_${paper}_${stamp}${label}.${extension}`;
}
