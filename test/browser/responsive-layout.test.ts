/**
 * The phone and tablet layouts, on a phone (390×844, touch, 3× pixels) and two
 * tablets (768×1024 portrait, 1366×768 landscape, touch): the map takes at
 * least 60 % of the screen with no panel open; every panel opens and closes
 * (close button and Escape); nothing scrolls sideways (the document's width is
 * the device's, measured with scrollWidth because a phone's layout viewport
 * grows with a too-wide page); touch targets are at least 44 px; axe-core finds
 * no serious or critical violation; on the landscape tablet the site table
 * shows ten rows and more with its decisive columns in view.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offMachineRequests, openApp, openSession, SCREENSHOT_DIRECTORY, type Session } from './chromium';

const AXE_PATH = 'node_modules/axe-core/axe.min.js';
const TOUCH_TARGET = 44;

interface Device {
  name: string;
  width: number;
  height: number;
  deviceScaleFactor: number;
  isMobile: boolean;
  layout: 'phone' | 'tablet';
}

const DEVICES: Device[] = [
  { name: 'phone-390x844', width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, layout: 'phone' },
  {
    name: 'tablet-768x1024',
    width: 768,
    height: 1024,
    deviceScaleFactor: 2,
    isMobile: true,
    layout: 'tablet',
  },
  {
    name: 'tablet-1366x768',
    width: 1366,
    height: 768,
    deviceScaleFactor: 2,
    isMobile: true,
    layout: 'tablet',
  },
];

/** A session whose page is a touch device of the given size (the shared launcher's browser). */
async function openDevice(device: Device): Promise<Session> {
  const base = await openSession(
    { width: device.width, height: device.height },
    { bypassContentSecurityPolicy: true },
  );
  const context = await base.browser.newContext({
    viewport: { width: device.width, height: device.height },
    deviceScaleFactor: device.deviceScaleFactor,
    isMobile: device.isMobile,
    hasTouch: true,
    locale: 'fr-FR',
    bypassCSP: true,
  });
  const page = await context.newPage();
  const session: Session = {
    ...base,
    context,
    page,
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    close: async () => {
      await context.close();
      await base.close();
    },
  };
  page.on('request', (request) => session.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') session.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => session.pageErrors.push(error.message));
  return session;
}

interface AxeResult {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** Serious and critical axe violations on the whole page, described for the failure message. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(context: unknown): Promise<{ violations: AxeResult[] }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.slice(0, 4).map((node) => ({ target: node.target })),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${JSON.stringify(violation.nodes)}`);
}

async function screenshot(page: Page, name: string): Promise<void> {
  writeFileSync(`${SCREENSHOT_DIRECTORY}/responsive-${name}.png`, await page.screenshot());
}

/** The document's width: equal to the device width when nothing scrolls sideways. */
function documentWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

function mapHeight(page: Page): Promise<number> {
  return page.$eval('#map canvas', (canvas) => canvas.getBoundingClientRect().height);
}

/** Width and height of every visible match, for the touch-target check. */
function sizes(page: Page, selector: string): Promise<{ name: string; width: number; height: number }[]> {
  return page.$$eval(selector, (nodes) =>
    nodes
      .map((node) => ({ node, box: node.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
      .map(({ node, box }) => ({
        name: node.getAttribute('aria-label') ?? node.textContent?.trim() ?? node.tagName,
        width: Math.round(box.width),
        height: Math.round(box.height),
      })),
  );
}

/** Where a panel's element sits: inside the sheet, or back in its desktop place. */
function inSheet(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (node) => node.closest('#panel-sheet') !== null);
}

function sheetShown(page: Page): Promise<boolean> {
  return page.$eval('#panel-sheet', (node) => !(node as HTMLElement).hidden);
}

const RAIL_PANELS: { panel: string; element: string }[] = [
  { panel: 'layers', element: '#layer-panel' },
  { panel: 'filters', element: '#filter-panel' },
  { panel: 'analysis', element: '#analysis-panel' },
];

for (const device of DEVICES) {
  describe(`the ${device.layout} layout at ${device.width}×${device.height}`, () => {
    let session: Session;
    let page: Page;

    beforeAll(async () => {
      session = await openDevice(device);
      page = session.page;
      await openApp(session);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('gives the map at least 60 % of the screen, with no sideways scroll and no serious axe violation', async () => {
      expect(await page.evaluate(() => document.documentElement.dataset.layout)).toBe(device.layout);
      await screenshot(page, `${device.name}-map`);
      expect(await mapHeight(page)).toBeGreaterThanOrEqual(device.height * 0.6);
      expect(await documentWidth(page)).toBe(device.width);
      // The canvas follows its container: no stale drawing buffer after the layout settled.
      const canvas = await page.$eval('#map canvas', (node) => {
        const box = node.getBoundingClientRect();
        const container = document.querySelector('#map')?.getBoundingClientRect();
        return { width: box.width, height: box.height, container: container?.toJSON() as DOMRect };
      });
      expect(Math.abs(canvas.width - canvas.container.width)).toBeLessThanOrEqual(1);
      expect(Math.abs(canvas.height - canvas.container.height)).toBeLessThanOrEqual(1);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('folds the toolbar into a menu of finger-sized actions, closed by Escape', async () => {
      const menu = page.locator('[data-action="toolbar-menu"]');
      expect(await page.locator('#toolbar [data-action="site-table"]').isVisible()).toBe(false);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await screenshot(page, `${device.name}-menu`);
      const actions = await sizes(page, '#toolbar button');
      expect(actions.length).toBeGreaterThanOrEqual(5);
      for (const action of actions) expect(action.height, action.name).toBeGreaterThanOrEqual(TOUCH_TARGET);
      expect(await documentWidth(page)).toBe(device.width);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('#toolbar [data-action="site-table"]').isVisible()).toBe(false);
    });

    it('opens each side panel from the rail, one at a time, and closes it', async () => {
      for (const [index, { panel, element }] of RAIL_PANELS.entries()) {
        const button = page.locator(`.panel-rail [data-panel="${panel}"]`);
        await button.click();
        expect(await sheetShown(page)).toBe(true);
        expect(await inSheet(page, element)).toBe(true);
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        expect(await page.locator(element).isVisible()).toBe(true);
        // One at a time: the other panels are back in their places, out of sight.
        for (const other of RAIL_PANELS.filter((candidate) => candidate.panel !== panel)) {
          expect(await inSheet(page, other.element)).toBe(false);
          expect(await page.locator(other.element).isVisible()).toBe(false);
        }
        expect(await documentWidth(page)).toBe(device.width);
        await screenshot(page, `${device.name}-${panel}`);
        if (panel === 'analysis') expect(await seriousViolations(page)).toEqual([]);
        // Closed alternately by the close button and by Escape.
        if (index % 2 === 0) await page.click('#panel-sheet [data-action="sheet-close"]');
        else {
          await page.focus('#panel-sheet [data-action="sheet-close"]');
          await page.keyboard.press('Escape');
        }
        expect(await sheetShown(page)).toBe(false);
        expect(await inSheet(page, element)).toBe(false);
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        expect(await mapHeight(page)).toBeGreaterThanOrEqual(device.height * 0.6);
      }
    });

    it('keeps the rail, the menu and the map controls at least 44 px', async () => {
      const targets = [
        ...(await sizes(page, '.panel-rail-button')),
        ...(await sizes(page, '[data-action="toolbar-menu"]')),
        ...(await sizes(page, '#language select')),
      ];
      expect(targets.length).toBeGreaterThanOrEqual(6);
      for (const target of targets) {
        expect(target.height, target.name).toBeGreaterThanOrEqual(TOUCH_TARGET);
        expect(target.width, target.name).toBeGreaterThanOrEqual(TOUCH_TARGET);
      }
      if (device.layout === 'phone') {
        for (const control of await sizes(page, '.maplibregl-ctrl-group button')) {
          expect(control.height, control.name).toBeGreaterThanOrEqual(TOUCH_TARGET);
        }
      }
    });

    if (device.layout === 'phone') {
      it('follows a drag on the handle: up to full height, down to half, down again to closed', async () => {
        await page.click('.panel-rail [data-panel="layers"]');
        const handle = await page.$eval('#panel-sheet [data-action="sheet-handle"]', (node) => {
          const box = node.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        });
        const drag = async (from: number, to: number) => {
          await page.mouse.move(handle.x, from);
          await page.mouse.down();
          await page.mouse.move(handle.x, (from + to) / 2, { steps: 4 });
          await page.mouse.move(handle.x, to, { steps: 4 });
          await page.mouse.up();
        };
        await drag(handle.y, handle.y - 200);
        expect(await page.getAttribute('#panel-sheet', 'data-size')).toBe('full');
        const top = await page.$eval('#panel-sheet', (node) => node.getBoundingClientRect().top);
        const full = await page.$eval('#panel-sheet [data-action="sheet-handle"]', (node) => {
          const box = node.getBoundingClientRect();
          return box.top + box.height / 2;
        });
        expect(top).toBeLessThan(handle.y - 200);
        await drag(full, full + 200);
        expect(await page.getAttribute('#panel-sheet', 'data-size')).toBe('half');
        await drag(handle.y, handle.y + 150);
        expect(await sheetShown(page)).toBe(false);
        expect(await inSheet(page, '#layer-panel')).toBe(false);
      });

      it('opens the site table and the details as sheets, at half and full height, without pushing the map', async () => {
        const mapTop = await page.$eval('#map', (node) => node.getBoundingClientRect().top);
        await page.click('.panel-rail [data-panel="table"]');
        await page.locator('.site-table tbody tr.site-row').first().waitFor();
        expect(await inSheet(page, '#table-panel')).toBe(true);
        expect(await page.$eval('#map', (node) => node.getBoundingClientRect().top)).toBe(mapTop);
        expect(await documentWidth(page)).toBe(device.width);
        // The decisive columns are in view without scrolling the table sideways.
        const columns = await page.$$eval('.site-table thead th', (cells) =>
          cells.map((cell) => ({ name: cell.className, right: cell.getBoundingClientRect().right })),
        );
        const name = columns.find((column) => column.name.includes('column-name'));
        const people = columns.find((column) => column.name.includes('column-individuals'));
        expect(name?.right ?? Infinity).toBeLessThanOrEqual(device.width);
        expect(people?.right ?? Infinity).toBeLessThanOrEqual(device.width);
        await screenshot(page, `${device.name}-table`);

        // The handle: a tap gives full height, the keyboard brings it back to half.
        const handle = page.locator('#panel-sheet [data-action="sheet-handle"]');
        await handle.tap();
        expect(await page.getAttribute('#panel-sheet', 'data-size')).toBe('full');
        expect(await handle.getAttribute('aria-expanded')).toBe('true');
        await screenshot(page, `${device.name}-table-full`);
        await handle.focus();
        await page.keyboard.press('ArrowDown');
        expect(await page.getAttribute('#panel-sheet', 'data-size')).toBe('half');
        expect(await seriousViolations(page)).toEqual([]);

        // Choosing a site hands the sheet to its details; closing them leaves the map alone.
        await page.locator('.site-table tbody tr.site-row').first().tap();
        await page.waitForSelector('#panel-sheet #details:not([hidden])');
        expect(await inSheet(page, '#table-panel')).toBe(false);
        expect(await page.locator('#table-panel').isVisible()).toBe(false);
        await screenshot(page, `${device.name}-details`);
        expect(await documentWidth(page)).toBe(device.width);
        await page.click('#panel-sheet [data-action="sheet-close"]');
        expect(await sheetShown(page)).toBe(false);
        expect(await page.$eval('#details', (node) => (node as HTMLElement).hidden)).toBe(true);
        expect(await page.evaluate(() => document.querySelector('.map-area #details') !== null)).toBe(true);
        expect(await mapHeight(page)).toBeGreaterThanOrEqual(device.height * 0.6);
      });
    } else {
      it('shows the site table under the map with its decisive columns in view', async () => {
        await page.click('.panel-rail [data-panel="table"]');
        await page.locator('.site-table tbody tr.site-row').first().waitFor();
        expect(await page.getAttribute('.panel-rail [data-panel="table"]', 'aria-expanded')).toBe('true');
        const measure = await page.evaluate(() => {
          const scroller = document.querySelector('.site-table-scroller') as HTMLElement;
          const view = scroller.getBoundingClientRect();
          const header = document.querySelector('.site-table thead')?.getBoundingClientRect();
          const rows = [...document.querySelectorAll('.site-table tbody tr.site-row')].filter((row) => {
            const box = row.getBoundingClientRect();
            return box.top >= (header?.bottom ?? view.top) - 1 && box.bottom <= view.bottom + 1;
          });
          const headings = [...document.querySelectorAll('.site-table thead th')].map((cell) => ({
            name: cell.className,
            left: cell.getBoundingClientRect().left,
            right: cell.getBoundingClientRect().right,
            width: cell.getBoundingClientRect().width,
          }));
          return { rows: rows.length, view: { left: view.left, right: view.right }, headings };
        });
        await screenshot(page, `${device.name}-table`);
        if (device.width === 1366) expect(measure.rows).toBeGreaterThanOrEqual(10);
        for (const decisive of ['column-name', 'column-individuals', 'column-flags', 'column-priority']) {
          const heading = measure.headings.find((candidate) => candidate.name.split(' ').includes(decisive));
          if (!heading && decisive === 'column-priority') continue;
          expect(heading?.width ?? 0, decisive).toBeGreaterThan(0);
          expect(heading?.right ?? Infinity, decisive).toBeLessThanOrEqual(measure.view.right + 1);
        }
        expect(await documentWidth(page)).toBe(device.width);
        expect(await seriousViolations(page)).toEqual([]);

        // The column chooser brings a collapsed column back, and hides it again.
        const identifierWidth = () =>
          page.$eval('.site-table thead th.column-id', (cell) => cell.getBoundingClientRect().width);
        expect(await identifierWidth()).toBe(0);
        await page.click('.column-chooser-summary');
        const identifier = page.locator('.column-chooser [data-column="column-id"]');
        expect(await identifier.isChecked()).toBe(false);
        await identifier.check();
        expect(await identifierWidth()).toBeGreaterThan(50);
        await screenshot(page, `${device.name}-column-chooser`);
        await identifier.uncheck();
        expect(await identifierWidth()).toBe(0);
        await page.keyboard.press('Escape');
        expect(await page.$eval('.column-chooser', (node) => (node as HTMLDetailsElement).open)).toBe(false);

        await page.click('.panel-rail [data-panel="table"]');
        expect(await page.locator('#table-panel').isVisible()).toBe(false);
        expect(await mapHeight(page)).toBeGreaterThanOrEqual(device.height * 0.6);
      });
    }

    it('stayed quiet and on the machine', () => {
      expect(session.pageErrors).toEqual([]);
      expect(session.consoleErrors).toEqual([]);
      expect(offMachineRequests(session.requests)).toEqual([]);
    });
  });
}
