/**
 * Keeps the selected site in sight when a panel covers part of the map: the
 * phone's bottom sheet, the tablet's drawer, and the details card floating over
 * the map on larger screens. The map's free part is the container minus the
 * covers (each taken from the side that leaves the most map free); when the
 * site is hidden, the camera eases so the site sits in the middle of that part.
 *
 * It reads the covers' boxes from the page and moves the camera through
 * MapView's plain-number methods, so it needs nothing of MapLibre and nothing of
 * the panels' modules.
 */
import type { Point } from 'geojson';
import { findFeature } from '../domain/feature-identity';
import type { ScreenPoint } from '../map/camera';
import type { MapView } from '../map/map-view';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';

/** A box in CSS pixels (page coordinates, as `getBoundingClientRect` gives them). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How much of each side of the map a cover hides, in CSS pixels. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Room kept between the site and the edge of the free part: a site's circle and its ring. */
const MARGIN = 28;

/**
 * The map's covered insets: for each cover overlapping the map, the side it is taken from is the
 * one that leaves the most map free (a sheet across the bottom hides the bottom, a drawer on the
 * left the left, a card in the top-right corner the right); a side keeps its largest inset.
 */
export function coveredInsets(map: Box, covers: readonly Box[]): Insets {
  const insets: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  for (const cover of covers) {
    const left = Math.max(cover.left, map.left);
    const right = Math.min(cover.right, map.right);
    const top = Math.max(cover.top, map.top);
    const bottom = Math.min(cover.bottom, map.bottom);
    if (right <= left || bottom <= top) continue;
    const sides: [keyof Insets, number, number][] = [
      ['bottom', map.bottom - top, width * (top - map.top)],
      ['top', bottom - map.top, width * (map.bottom - bottom)],
      ['right', map.right - left, height * (left - map.left)],
      ['left', right - map.left, height * (map.right - right)],
    ];
    const [side, inset] = sides.reduce((best, candidate) => (candidate[2] > best[2] ? candidate : best));
    insets[side] = Math.max(insets[side], inset);
  }
  return insets;
}

/**
 * How far the map must pan (in screen pixels, as the site moves) to bring `point` to the middle of
 * the free part, or null when it is already in the free part, when the free part is too small to
 * show it (a full-height sheet), or when the point is off the map and `offMap` says to leave it.
 */
export function revealShift(
  point: ScreenPoint,
  size: { width: number; height: number },
  insets: Insets,
  offMap: 'reveal' | 'leave',
): ScreenPoint | null {
  const free = {
    left: insets.left,
    top: insets.top,
    right: size.width - insets.right,
    bottom: size.height - insets.bottom,
  };
  if (free.right - free.left < 3 * MARGIN || free.bottom - free.top < 3 * MARGIN) return null;
  const inside = (box: Box, margin: number) =>
    point.x >= box.left + margin &&
    point.x <= box.right - margin &&
    point.y >= box.top + margin &&
    point.y <= box.bottom - margin;
  if (inside(free, MARGIN)) return null;
  if (offMap === 'leave' && !inside({ left: 0, top: 0, right: size.width, bottom: size.height }, 0))
    return null;
  return { x: point.x - (free.left + free.right) / 2, y: point.y - (free.top + free.bottom) / 2 };
}

type RevealView = Pick<MapView, 'project' | 'unproject' | 'containerSize' | 'isMoving' | 'setCamera' | 'on'>;

/**
 * Watches the selection and the covers (`#panel-sheet`, `#details`, found when mounted); returns
 * the unmount. A new selection is brought into view wherever it is; a cover that opens or grows
 * only moves the map when it hides the site, so a site the user panned away from stays away.
 */
export function mountSelectionReveal(store: Store<AppState>, view: RevealView, map: HTMLElement): () => void {
  const covers = ['panel-sheet', 'details']
    .map((id) => document.getElementById(id))
    .filter((node): node is HTMLElement => node !== null);
  let frame = 0;
  let stopWaiting: (() => void) | null = null;
  let pending: 'reveal' | 'leave' | null = null;

  function sitePosition(): [number, number] | null {
    const { selection, datasets } = store.get();
    if (selection?.layerId !== 'sites' || !datasets) return null;
    const geometry = findFeature(datasets, 'sites', selection.featureId)?.geometry as Point | undefined;
    const [longitude, latitude] = geometry?.type === 'Point' ? geometry.coordinates : [];
    return longitude !== undefined && latitude !== undefined ? [longitude, latitude] : null;
  }

  /** The covers shown now, without those inside another (the details card lent to the sheet). */
  function coverBoxes(): Box[] {
    const shown = covers.filter((node) => !node.hidden && node.getClientRects().length > 0);
    return shown
      .filter((node) => !shown.some((other) => other !== node && other.contains(node)))
      .map((node) => node.getBoundingClientRect());
  }

  function reveal(offMap: 'reveal' | 'leave'): void {
    const position = sitePosition();
    if (!position) return;
    const size = view.containerSize();
    const insets = coveredInsets(map.getBoundingClientRect(), coverBoxes());
    const shift = revealShift(view.project(...position), size, insets, offMap);
    if (!shift) return;
    const centre = view.unproject(size.width / 2 + shift.x, size.height / 2 + shift.y);
    view.setCamera(centre, 'ease');
  }

  /** After layout (the sheet or card has just been shown) and after a move under way (the table's fly-to). */
  function schedule(offMap: 'reveal' | 'leave'): void {
    cancelAnimationFrame(frame);
    stopWaiting?.();
    stopWaiting = null;
    // A new selection stays one when the sheet opening for it schedules again.
    pending = pending === 'reveal' ? 'reveal' : offMap;
    frame = requestAnimationFrame(() => {
      const run = () => {
        const mode = pending ?? 'leave';
        pending = null;
        reveal(mode);
      };
      if (!view.isMoving()) return run();
      const stop = view.on('move-end', () => {
        stop();
        stopWaiting = null;
        run();
      });
      stopWaiting = stop;
    });
  }

  const resizes = new ResizeObserver(() => schedule('leave'));
  for (const cover of covers) resizes.observe(cover);
  const stopSelection = store.subscribe(
    (state) => state.selection,
    () => schedule('reveal'),
  );
  return () => {
    stopSelection();
    resizes.disconnect();
    cancelAnimationFrame(frame);
    stopWaiting?.();
  };
}
