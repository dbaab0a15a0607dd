/**
 * A series (QGIS calls it an atlas): one product per department or commune,
 * each with the same layers, legend and options, its sites filtered to the
 * area through the site filter's admin-area condition (so the analyses and
 * their key figures follow), the map fitted to the area, and the area's name
 * heading the title. Written as one multi-page PDF or a zip of PNGs, with
 * progress and cancel; the filter and the camera are put back afterwards.
 */
import type { AdminAreaFeature, Datasets } from '../domain/types';
import type { Bounds, Camera } from '../map/camera';
import { slug } from '../map/snapshot-layout';
import type { PdfFonts } from '../map/snapshot-render';
import type { AppState } from '../state/app-state';
import { normaliseSiteFilter } from '../state/site-filter';
import type { Store } from '../state/store';
import { untilAborted } from '../state/until-aborted';
import { composeFrom, type ProductSource, productPdfPage, productPng } from './product-export';
import { pdfInWorker } from './product-worker';

export type SeriesLevel = 1 | 2;

export interface SeriesArea {
  pcode: string;
  name: string;
  level: SeriesLevel;
  /** The department of a commune (the filter needs both). */
  parentPcode: string | null;
  bounds: Bounds;
}

function boundsOf(feature: AdminAreaFeature): Bounds {
  const bounds = { west: 180, south: 90, east: -180, north: -90 };
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      bounds.west = Math.min(bounds.west, value[0]);
      bounds.east = Math.max(bounds.east, value[0]);
      bounds.south = Math.min(bounds.south, value[1]);
      bounds.north = Math.max(bounds.north, value[1]);
    } else for (const item of value) visit(item);
  };
  visit(feature.geometry.coordinates);
  return bounds;
}

/** The departments or communes a series can cover, in name order. */
export function seriesAreas(datasets: Datasets | null, level: SeriesLevel, language: string): SeriesArea[] {
  return (datasets?.admin.features ?? [])
    .filter((feature) => feature.properties.level === level)
    .map((feature) => ({
      pcode: feature.properties.pcode,
      name: feature.properties.name,
      level,
      parentPcode: feature.properties.parentPcode ?? null,
      bounds: boundsOf(feature),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}

/** The camera that shows `bounds` whole in a frame of `size` units, with a margin. */
export function cameraFitting(bounds: Bounds, size: { width: number; height: number }): Camera {
  // Web Mercator in world units (0–1): the zoom at which the bounds fill 85 % of the frame.
  const mercatorY = (latitude: number) => {
    const sine = Math.sin((latitude * Math.PI) / 180);
    return 0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI);
  };
  const top = mercatorY(bounds.north);
  const bottom = mercatorY(bounds.south);
  const spanX = (bounds.east - bounds.west) / 360;
  const spanY = bottom - top;
  const zoom = Math.log2(Math.min((0.85 * size.width) / (spanX * 512), (0.85 * size.height) / (spanY * 512)));
  const middle = (top + bottom) / 2;
  const latitude = (Math.atan(Math.sinh(Math.PI * (1 - 2 * middle))) * 180) / Math.PI;
  return {
    longitude: (bounds.west + bounds.east) / 2,
    latitude,
    zoom: Number.isFinite(zoom) ? Math.min(16, zoom) : 8,
    bearing: 0,
    pitch: 0,
  };
}

export interface SeriesOptions {
  store: Store<AppState>;
  source: ProductSource;
  areas: readonly SeriesArea[];
  format: 'pdf' | 'png';
  fonts: PdfFonts | null;
  signal: AbortSignal;
  progress: (done: number, total: number, name: string) => void;
  /** File name of one PNG in the zip. */
  pngName: (area: SeriesArea) => string;
  /** The title of an area's page. */
  titleFor: (area: SeriesArea) => string;
  /**
   * Resolves when the analyses have answered for the data of now (the analysis
   * controller's `whenAnswered`): each page waits for its area's figures.
   */
  answered: () => Promise<void>;
}

/** Makes the series; rejects with an AbortError when cancelled. */
export async function makeSeries(options: SeriesOptions): Promise<Blob> {
  const { store, source, areas, signal } = options;
  const savedFilter = store.get().siteFilter;
  const pages = [];
  const pngs: Record<string, Uint8Array> = {};
  try {
    for (const [index, area] of areas.entries()) {
      if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
      options.progress(index, areas.length, area.name);
      store.set({
        siteFilter: normaliseSiteFilter({
          ...savedFilter,
          department: area.level === 1 ? area.pcode : area.parentPcode,
          commune: area.level === 2 ? area.pcode : null,
        }),
      });
      // However long the worker takes: a page printed before would lack its figures and marks.
      await untilAborted(options.answered(), signal);
      const texts = {
        ...source.texts,
        title: options.titleFor(area),
        shortName: `${source.texts.shortName}-${slug(area.name)}`,
      };
      const frame = composeFrom(store.get(), { ...source, texts }).layout.map;
      // The frame is the "screen" the camera is set for, so the export renders exactly this camera.
      const areaSource = { ...source, texts, camera: cameraFitting(area.bounds, frame), screenMap: frame };
      if (options.format === 'pdf') pages.push(await productPdfPage(store.get(), areaSource));
      else {
        const blob = await productPng(store.get(), areaSource);
        pngs[options.pngName(area)] = new Uint8Array(await blob.arrayBuffer());
      }
    }
  } finally {
    store.set({ siteFilter: savedFilter });
  }
  options.progress(areas.length, areas.length, '');
  if (options.format === 'png') {
    const { zipSync } = await import('fflate');
    // PNGs are compressed already: stored, not deflated again.
    return new Blob([zipSync(pngs, { level: 0 }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
  }
  if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
  return pdfInWorker(pages, options.fonts);
}
