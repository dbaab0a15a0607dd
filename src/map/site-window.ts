/**
 * At street zoom, a large site collection is drawn only around the view.
 * deck.gl shades every instance of a layer on every frame, in view or not;
 * on software WebGL 100k sites made each panned frame take seconds while a
 * few thousand are on screen. The window is the view with half a view of
 * margin on each side and is kept while the view stays inside it, so a pan
 * re-gathers the sites only every half view or so, never on every frame.
 */
import KDBush from 'kdbush';
import type { SiteCollection, SiteFeature } from '../domain/types';
import type { Bounds } from './camera';
import { sitesInDrawOrder } from './draw-order';

/** Below this many sites every site is drawn: the window would only add work. */
export const WINDOWED_SITES_FROM = 20_000;

/**
 * Whether a position (longitude, latitude) lies in `window`; a position without both is not.
 * Read by index, not destructured: destructuring goes through the array iterator, and this
 * runs for every dash and label each time the window moves.
 */
export function inWindow(window: Bounds, position: readonly number[]): boolean {
  const longitude = position[0];
  const latitude = position[1];
  return (
    longitude !== undefined &&
    latitude !== undefined &&
    longitude >= window.west &&
    longitude <= window.east &&
    latitude >= window.south &&
    latitude <= window.north
  );
}

function contains(outer: Bounds, inner: Bounds): boolean {
  return (
    outer.west <= inner.west &&
    outer.south <= inner.south &&
    outer.east >= inner.east &&
    outer.north >= inner.north
  );
}

/**
 * A window this many times as wide as the view is replaced: after zooming in, the window
 * gathered for the wider view would keep drawing what lies far off screen.
 */
const WIDEST_WINDOW_IN_VIEWS = 3;

/**
 * The window to draw sites in for a view: `current` while it still holds the
 * whole view and is at most three views wide (the same object, so layers keep
 * their data), else the view padded by half its size on each side. While the
 * view is `moving` (a drag, a flight), a window holding the view is kept however
 * wide: a flight into a city would otherwise gather the sites again at every
 * half zoom level on its way.
 */
export function siteWindowFor(view: Bounds, current: Bounds | null, moving = false): Bounds {
  if (
    current &&
    contains(current, view) &&
    (moving || current.east - current.west <= WIDEST_WINDOW_IN_VIEWS * (view.east - view.west))
  )
    return current;
  const width = view.east - view.west;
  const height = view.north - view.south;
  return {
    west: view.west - width / 2,
    south: view.south - height / 2,
    east: view.east + width / 2,
    north: view.north + height / 2,
  };
}

const windowed = new WeakMap<SiteFeature[], WeakMap<Bounds, SiteFeature[]>>();
const indexes = new WeakMap<SiteFeature[], KDBush>();

/**
 * A point index over sites in draw order (an item's id is its place in that order), built
 * once per collection: filtering 300k sites at every move of the window took about 50 ms of
 * the main thread each time during a long pan.
 */
function pointIndex(ordered: SiteFeature[]): KDBush {
  let index = indexes.get(ordered);
  if (!index) {
    index = new KDBush(ordered.length);
    for (const site of ordered) {
      const [longitude = Number.NaN, latitude = Number.NaN] = site.geometry.coordinates;
      // A site with a broken position gets a place nothing falls in, keeping ids aligned.
      index.add(
        Number.isFinite(longitude) ? longitude : Number.POSITIVE_INFINITY,
        Number.isFinite(latitude) ? latitude : Number.POSITIVE_INFINITY,
      );
    }
    index.finish();
    indexes.set(ordered, index);
  }
  return index;
}

/**
 * The sites to draw, largest first: all of them for a small collection or
 * when there is no window, else those inside the window (memoised per
 * collection and window, so an unchanged window keeps deck's buffers).
 */
export function sitesToDraw(sites: SiteCollection, window: Bounds | null): SiteFeature[] {
  const ordered = sitesInDrawOrder(sites);
  if (!window || ordered.length < WINDOWED_SITES_FROM) return ordered;
  let byWindow = windowed.get(ordered);
  if (!byWindow) {
    byWindow = new WeakMap();
    windowed.set(ordered, byWindow);
  }
  const cached = byWindow.get(window);
  if (cached) return cached;
  // Ids in ascending order are the draw order: largest first.
  const ids = Uint32Array.from(
    pointIndex(ordered).range(window.west, window.south, window.east, window.north),
  );
  ids.sort();
  const inside = Array.from(ids, (id) => ordered[id] as SiteFeature);
  byWindow.set(window, inside);
  return inside;
}
