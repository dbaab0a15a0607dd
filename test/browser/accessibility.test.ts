/**
 * End-to-end accessibility: axe-core (injected from node_modules, no network)
 * finds no serious or critical violation on the main screen, with an analysis
 * result and the site table shown, and in every dialog; one main flow works by
 * keyboard only; the layout holds at 1024×768 and 1920×1080.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { app } from './app';
import {
  freshAppForEachTest,
  openApp,
  SCREENSHOT_DIRECTORY,
  type Session,
  waitForMapIdle,
  waitForMapStill,
} from './chromium';

const AXE_PATH = 'node_modules/axe-core/axe.min.js';

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe on the page (or within `selector`) and returns every violation, whatever its impact. */
async function axeViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in globalThis);
  if (!injected) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (include) => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: AxeViolation[]; incomplete: AxeViolation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(include ? { include: [include] } : document, {
      resultTypes: ['violations', 'incomplete'],
    });
    // "Incomplete" means axe could not decide (a colour over the map canvas, say): kept for review.
    const undecided = result.incomplete.map((violation) => ({ ...violation, id: `${violation.id}?` }));
    return [...result.violations, ...undecided].map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target,
        ...(node.failureSummary ? { failureSummary: node.failureSummary } : {}),
      })),
    }));
  }, selector ?? null);
}

/** Every violation found, by where: printed at the end so minor and moderate ones are visible too. */
const found: Record<string, AxeViolation[]> = {};

/** Fails on serious and critical violations, with their nodes in the message. */
async function expectNoSeriousViolations(page: Page, where: string, selector?: string): Promise<void> {
  const violations = await axeViolations(page, selector);
  found[where] = violations;
  const serious = violations.filter(
    (violation) =>
      !violation.id.endsWith('?') && (violation.impact === 'serious' || violation.impact === 'critical'),
  );
  expect(
    serious.map(
      (violation) => `${violation.id} (${violation.impact}): ${JSON.stringify(violation.nodes.slice(0, 5))}`,
    ),
    where,
  ).toEqual([]);
}

/**
 * Text contrast inside a modal dialog, which axe leaves undecided (the ::backdrop overlaps
 * everything it samples): each element holding text against the first opaque background
 * behind it, translucent backgrounds composited. WCAG AA: 4.5, or 3 for large text.
 */
async function lowContrastText(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((root) => {
    type Colour = [number, number, number, number];
    const parse = (value: string): Colour => {
      const numbers = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0, numbers[3] ?? 1];
    };
    const over = (top: Colour, bottom: Colour): Colour => [
      top[0] * top[3] + bottom[0] * (1 - top[3]),
      top[1] * top[3] + bottom[1] * (1 - top[3]),
      top[2] * top[3] + bottom[2] * (1 - top[3]),
      1,
    ];
    const background = (node: Element | null): Colour => {
      const layers: Colour[] = [];
      for (let current = node; current; current = current.parentElement) {
        const colour = parse(getComputedStyle(current).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      return layers.reduceRight<Colour>((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const luminance = (colour: Colour) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(colour[0]) + 0.7152 * channel(colour[1]) + 0.0722 * channel(colour[2]);
    };
    const failures: string[] = [];
    const dialog = document.querySelector(root);
    for (const node of dialog ? [dialog, ...dialog.querySelectorAll('*')] : []) {
      const text = [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent?.trim());
      const box = (node as HTMLElement).getBoundingClientRect();
      if (!text || box.width === 0 || (node as HTMLInputElement).disabled) continue;
      const style = getComputedStyle(node);
      const back = background(node);
      const fore = over(parse(style.color), back);
      const [light, dark] = [luminance(fore), luminance(back)].sort((a, b) => b - a) as [number, number];
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        failures.push(
          `${node.tagName.toLowerCase()}.${node.className} "${node.textContent?.trim().slice(0, 30)}" ${ratio.toFixed(2)}`,
        );
    }
    return failures;
  }, selector);
}

let session: Session;

describe('one page for the axe checks and the keyboard journeys', () => {
  // Dialogs open and close, an analysis runs, focus moves: all store state, so a reset between tests
  // is enough (it also puts focus, and where Tab starts, back at the top of the page), and the two
  // blocks below share one page load. The CSP is bypassed so axe-core (a local file) can be injected.
  session = freshAppForEachTest(
    { width: 1280, height: 800 },
    { bypassContentSecurityPolicy: true, between: 'reset' },
  );

  describe('accessibility in a real browser', () => {
    afterAll(() => {
      writeFileSync('test-output/axe-violations.json', JSON.stringify(found, null, 2));
      for (const [where, violations] of Object.entries(found)) {
        for (const violation of violations)
          console.info(`axe ${where}: ${violation.id} (${violation.impact}) × ${violation.nodes.length}`);
      }
    });

    it('main screen: no serious or critical axe violation', async () => {
      await expectNoSeriousViolations(session.page, 'main screen');
    });

    it('with an analysis result and the site table open', async () => {
      const page = session.page;
      await page.click('[data-analysis="exposure"]');
      await page.waitForSelector('#analysis-panel .key-figures');
      await page.click('[data-action="site-table"]');
      await page.locator('#table-panel').waitFor({ state: 'visible' });
      await page.locator('.site-table tbody tr.site-row').first().waitFor();
      await expectNoSeriousViolations(page, 'analysis and site table');
      // The same check axe makes, as a cross-check of the helper used in dialogs below.
      expect(await lowContrastText(page, '.app-header')).toEqual([]);
      expect(await lowContrastText(page, '#layer-panel')).toEqual([]);
      // The table's visibility is the panel's own state, which the reset between tests leaves alone.
      await page.click('[data-action="site-table"]');
      await page.locator('#table-panel').waitFor({ state: 'hidden' });
    });

    it('import dialog after choosing a file', async () => {
      const page = session.page;
      await page.setInputFiles('#import-file-input', ['test/fixtures/io/dtm-sites-hxl.csv']);
      await page.waitForSelector('dialog.import-dialog[open] .import-report', { timeout: 30_000 });
      await expectNoSeriousViolations(page, 'import dialog', 'dialog.import-dialog');
      expect(await lowContrastText(page, 'dialog.import-dialog')).toEqual([]);
      await page.click('dialog.import-dialog [data-action="cancel-import"]');
      await page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
    });

    for (const [name, action, dialogSelector, closeKey] of [
      ['data manager', 'open-data-manager', 'dialog.data-manager-dialog', 'Escape'],
      ['export', 'open-export', 'dialog.export-dialog', 'Escape'],
      ['snapshot composer', 'open-snapshot', 'dialog.snapshot-dialog', 'Escape'],
      ['saved views', 'open-views', 'dialog.saved-views-dialog', 'Escape'],
    ] as const) {
      it(`${name} dialog`, async () => {
        const page = session.page;
        await page.click(`#toolbar [data-action="${action}"]`);
        await page.waitForSelector(`${dialogSelector}[open]`);
        await expectNoSeriousViolations(page, `${name} dialog`, dialogSelector);
        expect(await lowContrastText(page, dialogSelector)).toEqual([]);
        await page.keyboard.press(closeKey);
        await page.waitForSelector(`${dialogSelector}:not([open])`, { state: 'attached' });
      });
    }
  });

  /** What has keyboard focus: enough to find it again and to check its focus ring. */
  interface Focused {
    tag: string;
    selector: string;
    outline: string;
    inDialog: boolean;
  }

  async function focused(page: Page): Promise<Focused> {
    return page.evaluate(() => {
      const node = document.activeElement as HTMLElement | null;
      if (!node || node === document.body)
        return { tag: 'body', selector: 'body', outline: '', inDialog: false };
      const attribute = ['data-action', 'data-analysis', 'data-layer-toggle', 'id']
        .map((name) => [name, node.getAttribute(name)] as const)
        .find(([, value]) => value);
      const style = getComputedStyle(node);
      return {
        tag: node.tagName.toLowerCase(),
        selector: attribute ? `[${attribute[0]}="${attribute[1]}"]` : node.className,
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
        inDialog: Boolean(node.closest('dialog[open]')),
      };
    });
  }

  /** Presses `key` until the focused element matches `selector`; returns every element passed on the way. */
  async function pressUntil(page: Page, key: string, selector: string, limit = 80): Promise<Focused[]> {
    const passed: Focused[] = [];
    for (let step = 0; step < limit; step++) {
      await page.keyboard.press(key);
      const now = await focused(page);
      passed.push(now);
      if (await page.evaluate((target) => document.activeElement?.matches(target) ?? false, selector))
        return passed;
    }
    throw new Error(
      `${selector} not reached with ${key}: ${passed.map((entry) => entry.selector).join(' → ')}`,
    );
  }

  type MapCamera = { zoom: number; longitude: number; latitude: number };

  async function camera(page: Page): Promise<MapCamera> {
    return app(page).evaluate((katsit) => {
      const { zoom, longitude, latitude } = katsit.view.getCamera();
      return { zoom, longitude, latitude };
    });
  }

  /**
   * Presses a key on the map, waits until the camera's `measure` has passed `above`, then until
   * the map is at rest. MapLibre starts the keyboard ease on a later frame, and small camera
   * adjustments (a resize, padding) can land first, so the test waits for the move it expects
   * rather than for "not moving" or "anything changed".
   */
  async function pressAndSettle(
    page: Page,
    key: string,
    measure: keyof MapCamera,
    above: number,
  ): Promise<MapCamera> {
    await page.keyboard.press(key);
    await app(page).waitFor(
      (katsit, goal) => katsit.view.getCamera()[goal.measure] > goal.above,
      { measure, above },
      { timeout: 10_000, polling: 50 },
    );
    await waitForMapStill(page);
    return camera(page);
  }

  describe('the main flow by keyboard only', () => {
    const keyboard = session;

    it('tabs from the top to the layer panel, with a visible focus ring on every stop, and toggles a layer with Space', async () => {
      const page = keyboard.page;
      await page.keyboard.press('Tab');
      expect((await focused(page)).selector).toBe('skip-link');
      expect(await page.locator('.skip-link').isVisible()).toBe(true);
      const path = await pressUntil(page, 'Tab', '[data-layer-toggle="sites"]');
      for (const stop of path)
        expect(stop.outline, `focus ring on ${stop.selector}`).toMatch(/^(solid|auto) [2-9]/);
      await page.keyboard.press('Space');
      const visible = () => app(page).evaluate((katsit) => katsit.store.get().layers.sites.visible);
      expect(await visible()).toBe(false);
      await page.keyboard.press('Space');
      expect(await visible()).toBe(true);
    });

    it('reaches the analysis panel, runs "Exposition aux aléas" with Enter and reads its key figures', async () => {
      const page = keyboard.page;
      await pressUntil(page, 'Tab', '[data-analysis="exposure"]', 200);
      expect(await page.locator('[data-analysis="exposure"]').textContent()).toBe('Exposition aux aléas');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-active-analysis="exposure"] .key-figures');
      // The panel is rebuilt with the answer: focus stays on the chosen analysis.
      expect((await focused(page)).selector).toBe('[data-analysis="exposure"]');
      expect(await page.locator('[data-analysis="exposure"]').getAttribute('aria-pressed')).toBe('true');
      const figures = await page.locator('#analysis-panel .key-figures').textContent();
      expect(figures).toContain('Personnes exposées — Inondation');
    });

    it('the skip link lands on the map canvas, where + and the arrow keys move the map', async () => {
      const page = keyboard.page;
      await pressUntil(page, 'Shift+Tab', '.skip-link', 300);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(
        true,
      );
      expect(await page.locator('#map canvas').getAttribute('aria-label')).toBe(
        'Carte interactive : flèches pour se déplacer, + et − pour zoomer',
      );
      expect((await focused(page)).outline).toMatch(/^solid [2-9]/);
      const before = await camera(page);
      const zoomed = await pressAndSettle(page, '+', 'zoom', before.zoom + 0.5);
      expect(zoomed.zoom).toBeGreaterThan(before.zoom + 0.5);
      const panned = await pressAndSettle(page, 'ArrowRight', 'longitude', zoomed.longitude);
      expect(panned.longitude).toBeGreaterThan(zoomed.longitude);
      expect(await page.evaluate(() => location.hash)).not.toBe('#map');
    });

    it('opens the snapshot composer by keyboard, keeps focus inside it, closes it with Escape and returns focus', async () => {
      const page = keyboard.page;
      await pressUntil(page, 'Shift+Tab', '[data-action="open-snapshot"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('dialog.snapshot-dialog[open]');
      for (let step = 0; step < 40; step++) {
        const now = await focused(page);
        expect(now.inDialog || now.tag === 'body', `focus left the dialog for ${now.selector}`).toBe(true);
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Escape');
      await page.waitForSelector('dialog.snapshot-dialog:not([open])', { state: 'attached' });
      expect((await focused(page)).selector).toBe('[data-action="open-snapshot"]');
    });

    for (const [action, dialogSelector] of [
      ['open-data-manager', 'dialog.data-manager-dialog'],
      ['open-export', 'dialog.export-dialog'],
      ['open-views', 'dialog.saved-views-dialog'],
    ] as const) {
      it(`${action}: Enter opens the dialog, Escape closes it and focus returns to its button`, async () => {
        const page = keyboard.page;
        await pressUntil(page, 'Shift+Tab', `[data-action="${action}"]`);
        await page.keyboard.press('Enter');
        await page.waitForSelector(`${dialogSelector}[open]`);
        expect((await focused(page)).inDialog).toBe(true);
        await page.keyboard.press('Escape');
        await page.waitForSelector(`${dialogSelector}:not([open])`, { state: 'attached' });
        expect((await focused(page)).selector).toBe(`[data-action="${action}"]`);
      });
    }
  });
});

describe('the layout on small and large screens', () => {
  const layoutSession = freshAppForEachTest({ width: 1280, height: 800 }, { between: 'none' });
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`works at ${viewport.width}×${viewport.height}`, async () => {
      const screen = layoutSession;
      await screen.renew(viewport);
      await openApp(screen);
      const page = screen.page;
      await page.click('[data-analysis="exposure"]');
      await page.waitForSelector('#analysis-panel .key-figures');
      await page.click('[data-action="site-table"]');
      await page.locator('.site-table tbody tr.site-row').first().waitFor();
      await waitForMapIdle(page);
      writeFileSync(
        `${SCREENSHOT_DIRECTORY}/a11y-${viewport.width}x${viewport.height}.png`,
        await page.screenshot(),
      );
      const layout = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
        const toolbar = [...document.querySelectorAll('#toolbar button, #language select')].map((node) =>
          node.getBoundingClientRect(),
        );
        return {
          pageWidth: document.documentElement.scrollWidth,
          pageHeight: document.documentElement.scrollHeight,
          map: box('#map canvas'),
          analysis: box('#analysis-panel'),
          table: box('#table-panel'),
          tableButtons: [box('[data-action="site-table-export"]'), box('[data-action="site-table-close"]')],
          layers: box('#layer-panel'),
          toolbarRight: Math.max(...toolbar.map((rect) => rect.right)),
          toolbarBottom: Math.max(...toolbar.map((rect) => rect.bottom)),
        };
      });
      // No page scroll in either direction: panels scroll inside themselves.
      expect(layout.pageWidth).toBeLessThanOrEqual(viewport.width);
      expect(layout.pageHeight).toBeLessThanOrEqual(viewport.height);
      expect(layout.toolbarRight).toBeLessThanOrEqual(viewport.width);
      // The map keeps a usable size beside both panels and above the table.
      expect(layout.map?.width ?? 0).toBeGreaterThanOrEqual(viewport.width * 0.4);
      expect(layout.map?.height ?? 0).toBeGreaterThanOrEqual(280);
      expect(layout.analysis?.right ?? Infinity).toBeLessThanOrEqual(viewport.width);
      expect(layout.layers?.left ?? -1).toBeGreaterThanOrEqual(0);
      // The site table's export and close buttons stay inside its panel.
      for (const button of layout.tableButtons) {
        expect(button?.width ?? 0).toBeGreaterThan(0);
        expect(button?.right ?? Infinity).toBeLessThanOrEqual(layout.table?.right ?? 0);
      }
    });
  }
});
