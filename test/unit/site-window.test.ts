import { describe, expect, it } from 'vitest';
import type { SiteCollection, SiteFeature } from '../../src/domain/types';
import type { Bounds } from '../../src/map/camera';
import { inWindow, sitesToDraw, siteWindowFor, WINDOWED_SITES_FROM } from '../../src/map/site-window';

/** `count` sites on a 0.01° grid from (-73, 18), individuals growing with the index. */
function gridSites(count: number): SiteCollection {
  const features = Array.from(
    { length: count },
    (_, index): SiteFeature =>
      ({
        type: 'Feature',
        geometry: {
          type: 'Point',
          coordinates: [-73 + (index % 300) * 0.01, 18 + Math.floor(index / 300) * 0.01],
        },
        properties: { id: `S${index}`, individuals: index },
      }) as unknown as SiteFeature,
  );
  return { type: 'FeatureCollection', features };
}

const view: Bounds = { west: -72.5, south: 18.2, east: -72.4, north: 18.3 };

describe('siteWindowFor', () => {
  it('pads the view by half its size on each side', () => {
    const window = siteWindowFor(view, null);
    expect(window.west).toBeCloseTo(-72.55);
    expect(window.east).toBeCloseTo(-72.35);
    expect(window.south).toBeCloseTo(18.15);
    expect(window.north).toBeCloseTo(18.35);
  });

  it('keeps the same window while the view stays inside it, so a short pan re-gathers nothing', () => {
    const window = siteWindowFor(view, null);
    const panned = { west: -72.52, south: 18.18, east: -72.42, north: 18.28 };
    expect(siteWindowFor(panned, window)).toBe(window);
  });

  it('gathers a new window after zooming in, so the one of the wider view stops drawing what is off screen', () => {
    const window = siteWindowFor(view, null);
    const zoomedIn = { west: -72.46, south: 18.24, east: -72.44, north: 18.26 };
    const next = siteWindowFor(zoomedIn, window);
    expect(next).not.toBe(window);
    expect(next.east - next.west).toBeCloseTo(0.04);
    // Zoomed in by one level only, the window (two views wide before) is four views wide: replaced.
    const oneLevel = { west: -72.475, south: 18.225, east: -72.425, north: 18.275 };
    expect(siteWindowFor(oneLevel, window)).not.toBe(window);
    // A little: kept.
    const slightly = { west: -72.49, south: 18.21, east: -72.41, north: 18.29 };
    expect(siteWindowFor(slightly, window)).toBe(window);
    // While the view is still moving (a flight into the city), kept while it holds the view.
    expect(siteWindowFor(zoomedIn, window, true)).toBe(window);
    expect(siteWindowFor({ west: -72.3, south: 18.2, east: -72.2, north: 18.3 }, window, true)).not.toBe(
      window,
    );
  });

  it('moves the window once the view leaves it', () => {
    const window = siteWindowFor(view, null);
    const farther = { west: -72.3, south: 18.2, east: -72.2, north: 18.3 };
    const next = siteWindowFor(farther, window);
    expect(next).not.toBe(window);
    expect(next.west).toBeCloseTo(-72.35);
  });
});

describe('sitesToDraw', () => {
  it('draws every site of a small collection, largest first, window or not', () => {
    const sites = gridSites(100);
    const drawn = sitesToDraw(sites, siteWindowFor(view, null));
    expect(drawn).toHaveLength(100);
    expect(drawn[0]?.properties.individuals).toBe(99);
  });

  it('draws only the sites inside the window of a large collection, largest first, the same array while it holds', () => {
    const sites = gridSites(WINDOWED_SITES_FROM + 1000);
    const window = siteWindowFor(view, null);
    const drawn = sitesToDraw(sites, window);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(sites.features.length / 10);
    for (const site of drawn) {
      const [longitude = 0, latitude = 0] = site.geometry.coordinates;
      expect(longitude).toBeGreaterThanOrEqual(window.west);
      expect(longitude).toBeLessThanOrEqual(window.east);
      expect(latitude).toBeGreaterThanOrEqual(window.south);
      expect(latitude).toBeLessThanOrEqual(window.north);
    }
    const inside = sites.features.filter((site) => {
      const [longitude = 0, latitude = 0] = site.geometry.coordinates;
      return (
        longitude >= window.west &&
        longitude <= window.east &&
        latitude >= window.south &&
        latitude <= window.north
      );
    });
    expect(drawn).toHaveLength(inside.length);
    const sizes = drawn.map((site) => site.properties.individuals);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sitesToDraw(sites, window)).toBe(drawn);
    expect(sitesToDraw(sites, null)).toHaveLength(sites.features.length);
  });

  it('finds through its index exactly the sites a plain filter finds, in draw order, at any window', () => {
    const sites = gridSites(WINDOWED_SITES_FROM + 5000);
    // A site whose position is broken is drawn in no window, and shifts no other site.
    const broken = sites.features[7];
    if (broken) broken.geometry.coordinates = [Number.NaN, 18.1];
    const ordered = sitesToDraw(sites, null);
    const windows: Bounds[] = [
      { west: -73, south: 18, east: -72.9, north: 18.05 },
      { west: -72.555, south: 18.1, east: -72.011, north: 18.7 },
      { west: -71, south: 19, east: -70, north: 20 },
      // Edges exactly on the grid: inclusive, as the filter.
      { west: -72.5, south: 18.2, east: -72.4, north: 18.3 },
    ];
    for (const window of windows) {
      const expected = ordered.filter((site) => inWindow(window, site.geometry.coordinates));
      expect(sitesToDraw(sites, window)).toEqual(expected);
    }
    expect(sitesToDraw(sites, windows[1] as Bounds)).not.toContain(broken);
  });
});

describe('inWindow', () => {
  const window: Bounds = { west: -73, south: 18, east: -72, north: 19 };
  it('holds the edges and refuses a position missing a coordinate or not a number', () => {
    expect(inWindow(window, [-73, 18])).toBe(true);
    expect(inWindow(window, [-72, 19])).toBe(true);
    expect(inWindow(window, [-72.5])).toBe(false);
    expect(inWindow(window, [])).toBe(false);
    expect(inWindow(window, [Number.NaN, 18.5])).toBe(false);
    expect(inWindow(window, [-71.9, 18.5])).toBe(false);
  });
});
