/**
 * Launches Debian's Chromium through playwright-core with WebGL on SwiftShader
 * and with every call home disabled (see shared/RECIPES.md), and records every
 * request, console error and page error so tests can assert the app stays on
 * the machine and quiet.
 */
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { app } from './app';
import { PREVIEW_PORT } from './serve-build';

export const APP_URL = `http://127.0.0.1:${PREVIEW_PORT}/`;
export const SCREENSHOT_DIRECTORY = 'test-output/screenshots';

const CHROMIUM_ARGUMENTS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--disable-domain-reliability',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, in order. */
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  /**
   * Lets a test inject its own local script (axe-core through `page.addScriptTag`), which the
   * build's Content-Security-Policy (no inline script) would otherwise refuse.
   */
  bypassContentSecurityPolicy?: boolean;
}

export async function openSession(
  viewport = { width: 1280, height: 800 },
  options: SessionOptions = {},
): Promise<Session> {
  mkdirSync(SCREENSHOT_DIRECTORY, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGUMENTS,
  });
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    locale: 'fr-FR',
    bypassCSP: options.bypassContentSecurityPolicy ?? false,
  });
  const page = await context.newPage();
  const session: Session = {
    browser,
    context,
    page,
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    close: () => browser.close(),
  };
  page.on('request', (request) => session.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') session.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => session.pageErrors.push(error.message));
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
