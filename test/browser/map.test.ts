/**
 * End-to-end: the production build in Debian's Chromium (SwiftShader WebGL).
 * The map loads offline with no error, draws every layer, toggles them, opens
 * details on click and switches language.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LayerId } from '../../src/domain/types';
import {
  ADMIN_COLORS,
  CONTROL_COLORS,
  SERVICE_BACKGROUND,
  SITE_CLUSTER_COLOR,
  SITE_COLORS,
} from '../../src/map/palette';
import { app } from './app';
import {
  chooseLanguage,
  freshAppForEachTest,
  jumpTo,
  offMachineRequests,
  openApp,
  SCREENSHOT_DIRECTORY,
  type Session,
  waitForMapIdle,
} from './chromium';
import { type Colour, countColour, distinctColours, mapInterior } from './pixels';

/** An opaque colour only that layer draws, and how many pixels of it a metro view must show at least. */
const LAYER_SIGNATURES: Record<Exclude<LayerId, 'hazards'>, Colour> = {
  sites: SITE_COLORS.spontaneous_site,
  services: SERVICE_BACKGROUND,
  control: CONTROL_COLORS.contested,
  admin: ADMIN_COLORS.department,
};

/** Port-au-Prince metro, where every layer has features. */
const METRO_VIEW = { center: [-72.3, 18.56] as [number, number], zoom: 11.3 };

let session: Session;

async function screenshot(name: string): Promise<Buffer> {
  const buffer = await session.page.locator('#map').screenshot();
  writeFileSync(`${SCREENSHOT_DIRECTORY}/${name}.png`, buffer);
  return buffer;
}

async function setLayerVisible(layerId: LayerId, visible: boolean): Promise<void> {
  const toggle = session.page.locator(`[data-layer-toggle="${layerId}"]`);
  if ((await toggle.isChecked()) !== visible) await toggle.click();
  await waitForMapIdle(session.page);
}

describe('the map in a real browser', () => {
  session = freshAppForEachTest(undefined, { between: 'reset' });

  it('loads with no page error, no console error and no request off 127.0.0.1', async () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    expect(session.requests.length).toBeGreaterThan(5);
    expect(offMachineRequests(session.requests)).toEqual([]);
    const renderer = await session.page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'none';
    });
    expect(renderer).toMatch(/SwiftShader/i);
  });

  it('draws the basemap before fetching deck.gl: no deck code among the files loaded before its first idle', async () => {
    // Regression: the build grouped the palette and domain types with deck's layers, so the
    // start-up bundle pulled 400 KB gzip of deck and luma.gl in before the basemap drew.
    const files = await session.page.evaluate(() => {
      const mark = performance.getEntriesByName('katsit:first-idle')[0];
      const resources = performance.getEntriesByType('resource');
      return {
        mark: mark?.startTime ?? null,
        before: resources
          .filter((resource) => mark && resource.startTime < mark.startTime)
          .map((resource) => new URL(resource.name).pathname),
        all: resources.map((resource) => new URL(resource.name).pathname),
      };
    });
    expect(files.mark).not.toBeNull();
    expect(files.before.some((path) => /\/assets\/index-[\w-]+\.js$/.test(path))).toBe(true);
    expect(files.before.filter((path) => /\/assets\/deck-[\w-]+\.js$/.test(path))).toEqual([]);
    // …and it does come, after: the layers are drawn.
    expect(files.all.some((path) => /\/assets\/deck-[\w-]+\.js$/.test(path))).toBe(true);
  });

  it('draws the country view over the offline basemap', async () => {
    const image = await screenshot('country-fr');
    expect(distinctColours(image)).toBeGreaterThan(200);
    // At country zoom sites are drawn as groups with their site count.
    expect(countColour(image, SITE_CLUSTER_COLOR, 6)).toBeGreaterThan(500);
    // The sea and Haiti's land colours of the embedded basemap.
    expect(countColour(image, [207, 227, 236], 3)).toBeGreaterThan(10_000);
    expect(countColour(image, [249, 247, 242], 3)).toBeGreaterThan(10_000);
  });

  it('zooms into a group of sites when it is clicked, until its sites are drawn one by one', async () => {
    const target = await app(session.page).evaluate((katsit) => {
      const clusters = katsit.store.get().siteClusters?.clusters;
      if (!clusters) return null;
      // The largest group: the Port-au-Prince metro.
      let best = 0;
      clusters.clusterSites.forEach((sites, index) => {
        if (sites > (clusters.clusterSites[best] ?? 0)) best = index;
      });
      return katsit.view.project(
        clusters.clusterPositions[best * 2] ?? 0,
        clusters.clusterPositions[best * 2 + 1] ?? 0,
      );
    });
    expect(target).not.toBeNull();
    if (!target) return;
    const box = await session.page.locator('#map').boundingBox();
    await session.page.mouse.click((box?.x ?? 0) + target.x, (box?.y ?? 0) + target.y);
    await app(session.page).waitFor(
      (katsit) => katsit.view.getCamera().zoom >= 10 && !katsit.view.isMoving(),
      undefined,
      { polling: 100 },
    );
    await waitForMapIdle(session.page);
    expect(await app(session.page).evaluate((katsit) => katsit.store.get().siteClusters)).toBeNull();
    const image = await screenshot('cluster-zoomed');
    expect(countColour(image, SITE_COLORS.spontaneous_site, 12, mapInterior(image))).toBeGreaterThan(200);
  });

  it('shows each layer in its colours in the metro view, and toggling a layer off removes them', async () => {
    await jumpTo(session.page, METRO_VIEW);
    const before = await screenshot('metro-all-layers');
    for (const [layerId, colour] of Object.entries(LAYER_SIGNATURES) as [LayerId, Colour][]) {
      const shown = countColour(before, colour, 12, mapInterior(before));
      expect(shown, `${layerId} colour on screen`).toBeGreaterThan(40);
      await setLayerVisible(layerId, false);
      const after = await screenshot(`metro-without-${layerId}`);
      expect(
        countColour(after, colour, 12, mapInterior(after)),
        `${layerId} after toggling off`,
      ).toBeLessThan(shown * 0.1);
      await setLayerVisible(layerId, true);
    }
  });

  it('labels the map SENSITIVE while the gang-control layer is shown', async () => {
    const badge = session.page.locator('[data-sensitivity="map"]');
    expect(await badge.isVisible()).toBe(true);
    expect(await badge.textContent()).toBe('SENSIBLE — usage interne');
    await setLayerVisible('control', false);
    expect(await badge.isVisible()).toBe(false);
    await setLayerVisible('control', true);
    expect(await badge.isVisible()).toBe(true);
  });

  it('shows hazard zones: turning them off changes the map where they lie', async () => {
    await jumpTo(session.page, METRO_VIEW);
    const withHazards = await screenshot('metro-hazards-on');
    await setLayerVisible('hazards', false);
    const withoutHazards = await screenshot('metro-hazards-off');
    await setLayerVisible('hazards', true);
    // Flood outline colour (opaque) disappears with the layer.
    const flood: Colour = [86, 180, 233];
    expect(countColour(withHazards, flood, 14)).toBeGreaterThan(40);
    expect(countColour(withoutHazards, flood, 14)).toBeLessThan(countColour(withHazards, flood, 14) * 0.1);
  });

  it('opens the details of a clicked site, as text', async () => {
    await jumpTo(session.page, METRO_VIEW);
    const target = await app(session.page).evaluate((katsit) => {
      const canvas = document.querySelector('#map canvas') as HTMLCanvasElement;
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      // Sites are drawn largest first, so the smallest site in view is on top at its centre.
      const candidates = (katsit.store.get().datasets?.sites.features ?? [])
        .map((site) => ({
          site,
          point: katsit.view.project(site.geometry.coordinates[0] ?? 0, site.geometry.coordinates[1] ?? 0),
        }))
        .filter(({ point }) => point.x > 80 && point.x < width - 420 && point.y > 80 && point.y < height - 80)
        .sort((a, b) => a.site.properties.individuals - b.site.properties.individuals);
      const best = candidates[0];
      return best ? { x: best.point.x, y: best.point.y, name: best.site.properties.name } : null;
    });
    expect(target).not.toBeNull();
    if (!target) return;
    const box = await session.page.locator('#map').boundingBox();
    await session.page.mouse.click((box?.x ?? 0) + target.x, (box?.y ?? 0) + target.y);
    const details = session.page.locator('#details');
    await details.waitFor({ state: 'visible' });
    expect(await details.locator('.details-title').textContent()).toBe(target.name);
    expect(await details.locator('dt').first().textContent()).toBe('Identifiant');
    await waitForMapIdle(session.page);
    await screenshot('metro-site-selected');
    await details.locator('[data-action="close-details"]').click();
    await details.waitFor({ state: 'hidden' });
  });

  it('switches the interface between French and English', async () => {
    const heading = session.page.locator('#layer-panel h2');
    expect(await heading.textContent()).toBe('Couches');
    expect(await session.page.getAttribute('html', 'lang')).toBe('fr');
    await chooseLanguage(session.page, 'en');
    expect(await heading.textContent()).toBe('Layers');
    expect(await session.page.getAttribute('html', 'lang')).toBe('en');
    expect(await session.page.locator('[data-layer="control"] .legend-note').textContent()).toBe(
      'SENSITIVE — fictional demo data',
    );
    await waitForMapIdle(session.page);
    await screenshot('metro-en');
    // The choice survives a reload.
    await openApp(session);
    expect(await session.page.getAttribute('html', 'lang')).toBe('en');
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    expect(offMachineRequests(session.requests)).toEqual([]);
  });
});
