/**
 * The communes' nearly transparent fill is drawn only in deck's picking pass
 * (a full-view fill on every frame held panning back on software WebGL): a
 * click anywhere inside a commune, away from every other feature, must still
 * open that commune's details.
 */
import { describe, expect, it } from 'vitest';
import type { LayerId } from '../../src/domain/types';
import { app } from './app';
import { freshAppForEachTest, jumpTo, type Session, waitForMapIdle } from './chromium';

let session: Session;

describe('commune picking', () => {
  session = freshAppForEachTest(undefined, { between: 'reset' });

  it('opens the details of the commune clicked inside, its fill not drawn on screen', async () => {
    const page = session.page;
    for (const layerId of ['sites', 'hazards', 'control', 'services'] as LayerId[]) {
      const toggle = page.locator(`[data-layer-toggle="${layerId}"]`);
      if (await toggle.isChecked()) await toggle.click();
    }
    await waitForMapIdle(page);
    await jumpTo(page, { center: [-72.3, 18.56], zoom: 11 });
    const names = await app(page).evaluate((katsit) =>
      (katsit.store.get().datasets?.admin.features ?? [])
        .filter((feature) => feature.properties.level === 2)
        .map((feature) => feature.properties.name),
    );
    const box = await page.locator('#map').boundingBox();
    // Left of centre, clear of the panel on the right.
    await page.mouse.click((box?.x ?? 0) + (box?.width ?? 0) * 0.3, (box?.y ?? 0) + (box?.height ?? 0) * 0.5);
    const details = page.locator('#details');
    await details.waitFor({ state: 'visible' });
    expect(names).toContain(await details.locator('.details-title').textContent());
  });
});
