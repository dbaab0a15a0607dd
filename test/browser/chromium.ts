/**
 * Launches the system's Chromium (Debian's by default) through playwright-core with WebGL on SwiftShader
 * and with every call home disabled (see shared/RECIPES.md), and records every
 * request, console error and page error so tests can assert the app stays on
 * the machine and quiet.
 */
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { app } from './app';
import { CHROMIUM_ARGUMENTS } from './chromium-arguments';
import { chromiumCpu, describeCpu } from './chromium-cpu';
import { PREVIEW_PORT } from './serve-build';

export const APP_URL = `http://127.0.0.1:${PREVIEW_PORT}/`;
export const SCREENSHOT_DIRECTORY = 'test-output/screenshots';

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the current page asked for, in order. */
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /**
   * Leaves the app and clears all it stored (IndexedDB, localStorage, caches, service
   * workers), so the next `openApp` starts as a first visit.
   */
  renew(viewport?: Viewport): Promise<void>;
  close(): Promise<void>;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface SessionOptions {
  /**
   * Lets a test inject its own local script (axe-core through `page.addScriptTag`), which the
   * build's Content-Security-Policy (no inline script) would otherwise refuse.
   */
  bypassContentSecurityPolicy?: boolean;
  /**
   * Lets the app register its service worker. Off unless a test is about offline use: the worker
   * precaches every built file (≈ 4.5 MB) after each first load, work no other test needs.
   */
  serviceWorkers?: boolean;
}

/**
 * One Chromium for the whole test file, whatever the number of sessions (describe blocks) in it:
 * a launch and its first, cold app load (no compiled shaders yet) cost seconds each.
 * Vitest evaluates this module again for every file, and the hook below closes it when the file ends.
 */
let fileBrowser: Promise<Browser> | undefined;

function browserOfThisFile(): Promise<Browser> {
  fileBrowser ??= chromium.launch({
    // Found (or installed) once by the global setup, test/browser/serve-build.ts.
    executablePath: inject('chromiumPath'),
    headless: true,
    args: CHROMIUM_ARGUMENTS,
  });
  return fileBrowser;
}

afterAll(async () => {
  const launched = fileBrowser;
  fileBrowser = undefined;
  if (!launched) return;
  const browser = await launched;
  // Read before closing: a process that ended is no longer in /proc.
  const cpu = chromiumCpu();
  if (cpu) console.info(`${describeCpu(cpu)} for this file`);
  await browser.close();
});

/** Opens a page in the file's Chromium, in its own context; `renew` empties it for the next test. */
export async function openSession(
  viewport: Viewport = { width: 1280, height: 800 },
  options: SessionOptions = {},
): Promise<Session> {
  mkdirSync(SCREENSHOT_DIRECTORY, { recursive: true });
  const browser = await browserOfThisFile();
  let currentViewport = viewport;
  const newPage = async () => {
    const context = await browser.newContext({
      viewport,
      deviceScaleFactor: 1,
      locale: 'fr-FR',
      bypassCSP: options.bypassContentSecurityPolicy ?? false,
      serviceWorkers: options.serviceWorkers ? 'allow' : 'block',
    });
    const page = await context.newPage();
    page.on('request', (request) => session.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') session.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => session.pageErrors.push(error.message));
    return { context, page };
  };
  // The listeners above run on page events, after `session` exists.
  const first = await newPage();
  const session: Session = {
    browser,
    ...first,
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    async renew(nextViewport = currentViewport) {
      // Same page, emptied: leave the app (its realm, workers and open databases go with it),
      // then clear everything the origin stored. The HTTP cache of the immutable build stays
      // warm, which makes the next load cheaper than in a new context.
      await session.page.goto('about:blank');
      const protocol = await session.context.newCDPSession(session.page);
      await protocol.send('Storage.clearDataForOrigin', {
        origin: APP_URL.slice(0, -1),
        storageTypes: 'all',
      });
      await protocol.detach();
      if (nextViewport !== currentViewport) await session.page.setViewportSize(nextViewport);
      currentViewport = nextViewport;
      session.requests.length = 0;
      session.consoleErrors.length = 0;
      session.pageErrors.length = 0;
    },
    // The context only: other sessions of the file share the browser.
    close: () => session.context.close(),
  };
  return session;
}

/** How each test starts from the same app state. */
export interface FreshAppOptions extends SessionOptions {
  /** The URL hash the app opens on. */
  hash?: string;
  /**
   * `reload` (default): leave the page, clear all the origin stored, open the app again.
   * `reset`: open the app once, then put it back with `katsit.reset()` (state, address,
   * localStorage and IndexedDB, answers, dialogs, every feature panel mounted afresh, focus,
   * camera), a fraction of a full load. A test that reloads the page makes the next one open
   * the app afresh; a test about a fresh worker or the first load itself uses `reload`.
   * `none`: each test opens the app itself (on the hash it is about).
   */
  between?: 'reload' | 'reset' | 'none';
}

/**
 * One browser for a test file (or describe block) and, before each test, the same fresh app:
 * every test starts from the same state and runs alone with `it.only`. After each test, no
 * page or console error and no request off 127.0.0.1.
 */
export function freshAppForEachTest(
  viewport: Viewport = { width: 1280, height: 800 },
  options: FreshAppOptions = {},
): Session {
  let opened: Session | undefined;
  const current = (): Session => {
    if (!opened) throw new Error('the browser opens in beforeAll: use the session inside tests');
    return opened;
  };
  // Reads through to the session opened below, whose page each test renews.
  const session: Session = {
    get browser() {
      return current().browser;
    },
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    get requests() {
      return current().requests;
    },
    get consoleErrors() {
      return current().consoleErrors;
    },
    get pageErrors() {
      return current().pageErrors;
    },
    renew: (next) => current().renew(next),
    close: async () => {
      await opened?.close();
    },
  };
  const between = options.between ?? 'reload';
  const loads: number[] = [];
  beforeAll(async () => {
    opened = await openSession(viewport, options);
  });
  beforeEach(async () => {
    // A page the set-up loaded (not one a test reloaded, whose start state differs) is reset.
    const resettable =
      between === 'reset' &&
      (await session.page.evaluate(() => Reflect.get(globalThis, 'loadedForTests') === true));
    if (resettable) {
      await app(session.page).evaluate((katsit) => katsit.reset());
      session.requests.length = 0;
      session.consoleErrors.length = 0;
      session.pageErrors.length = 0;
      return;
    }
    await session.renew(viewport);
    if (between !== 'none') {
      loads.push(await openApp(session, options.hash));
      await session.page.evaluate(() => Reflect.set(globalThis, 'loadedForTests', true));
    }
  });
  afterEach(() => {
    expect(session.pageErrors, 'page errors').toEqual([]);
    expect(session.consoleErrors, 'console errors').toEqual([]);
    expect(offMachineRequests(session.requests), 'requests off 127.0.0.1').toEqual([]);
  });
  afterAll(async () => {
    if (loads.length > 0) {
      const mean = loads.reduce((sum, milliseconds) => sum + milliseconds, 0) / loads.length;
      console.info(`${loads.length} fresh app loads (navigation → map idle): mean ${mean.toFixed(0)} ms`);
    }
    await session.close();
  });
  return session;
}

/** Requests that left 127.0.0.1 (data: and blob: URLs never leave the page). */
export function offMachineRequests(requests: readonly string[]): string[] {
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    try {
      return new URL(url).hostname !== '127.0.0.1';
    } catch {
      return true;
    }
  });
}

/** Opens the app and waits until the map has drawn everything once (body[data-ready="true"]). */
export async function openApp(session: Session, hash = ''): Promise<number> {
  const started = Date.now();
  await session.page.goto(`${APP_URL}${hash}`);
  await session.page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return Date.now() - started;
}

/** Waits for the map to finish rendering after a change. */
export function waitForMapIdle(page: Page): Promise<void> {
  return app(page).waitForIdle();
}

/** Moves the map to a view and waits until it has drawn it. */
export function jumpTo(page: Page, view: { center: [number, number]; zoom: number }): Promise<void> {
  return app(page).jumpTo(view);
}

/** Picks a language in the header and waits until the page speaks it (its catalogue loads first). */
export async function chooseLanguage(page: Page, language: 'fr' | 'en' | 'ht'): Promise<void> {
  await page.selectOption('#language-select', language);
  await page.waitForSelector(`html[lang="${language}"]`);
}

/** Waits until the map has stopped moving (a fly-to ended) and has drawn where it stopped. */
export async function waitForMapStill(page: Page): Promise<void> {
  await app(page).waitFor((katsit) => !katsit.view.isMoving(), undefined, {
    timeout: 30_000,
    polling: 50,
  });
  await app(page).waitForIdle();
}
