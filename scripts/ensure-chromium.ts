/**
 * Finds the Chromium the browser tests drive, and on a bare Debian or Ubuntu
 * machine run as root installs Debian's `chromium` package. Never downloads a
 * browser build: the tests use the system's Chromium, updated with the system.
 *
 * `chromiumAction` decides from plain facts (what exists, who we are, which
 * system) so the decision is unit-tested; `ensureChromium` gathers the facts and
 * acts. Run alone with `npx tsx scripts/ensure-chromium.ts`.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** Where Chromium is looked for, in order, after `CHROMIUM_PATH`. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  'chromium',
  'chromium-browser',
  'google-chrome',
] as const;

/** The command that installs Debian's Chromium (also Ubuntu's package name). */
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

/** What the machine offers, gathered by `gatherFacts`. */
export interface ChromiumFacts {
  /** The `CHROMIUM_PATH` variable, when set and not empty. */
  chromiumPathVariable?: string;
  /** Whether `CHROMIUM_PATH` names an executable file. */
  chromiumPathExecutable: boolean;
  /** Each candidate's executable path, or undefined when absent, in `CHROMIUM_CANDIDATES` order. */
  candidates: readonly (string | undefined)[];
  /** True when running as root (user id 0). */
  isRoot: boolean;
  /** The text of /etc/os-release, when there is one. */
  osRelease?: string;
}

/** What to do about Chromium. */
export type ChromiumAction =
  | { kind: 'use'; path: string }
  | { kind: 'install'; command: string; installedPath: string }
  | { kind: 'stop'; message: string };

/** True when /etc/os-release describes Debian, Ubuntu or a derivative of either. */
export function isDebianFamily(osRelease: string | undefined): boolean {
  if (!osRelease) return false;
  const field = (name: string) =>
    new RegExp(`^${name}=["']?([^"'\\n]*)`, 'm').exec(osRelease)?.[1]?.toLowerCase().split(/\s+/) ?? [];
  return [...field('ID'), ...field('ID_LIKE')].some((id) => id === 'debian' || id === 'ubuntu');
}

/** Decides, from the facts alone, which Chromium to use or how to get one. */
export function chromiumAction(facts: ChromiumFacts): ChromiumAction {
  if (facts.chromiumPathVariable !== undefined) {
    // An explicit choice that does not work is an error, not a hint to quietly use another browser.
    if (facts.chromiumPathExecutable) return { kind: 'use', path: facts.chromiumPathVariable };
    return {
      kind: 'stop',
      message: `CHROMIUM_PATH is ${facts.chromiumPathVariable}, which is not an executable file: point it at a Chromium or Chrome executable, or unset it.`,
    };
  }
  const found = facts.candidates.find((path) => path !== undefined);
  if (found) return { kind: 'use', path: found };
  const debian = isDebianFamily(facts.osRelease);
  if (debian && facts.isRoot)
    return { kind: 'install', command: INSTALL_COMMAND, installedPath: '/usr/bin/chromium' };
  const command = debian ? `sudo sh -c '${INSTALL_COMMAND}'` : "your system's package manager";
  return {
    kind: 'stop',
    message: `The browser tests need Chromium and none was found (CHROMIUM_PATH, ${CHROMIUM_CANDIDATES.join(', ')}): install it with ${command}, or set CHROMIUM_PATH to a Chromium or Chrome executable.`,
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A command's executable path: itself when absolute, else the first match on PATH. */
function resolveExecutable(command: string): string | undefined {
  if (isAbsolute(command)) return isExecutable(command) ? command : undefined;
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (directory === '') continue;
    const path = join(directory, command);
    if (isExecutable(path)) return path;
  }
  return undefined;
}

function readOsRelease(): string | undefined {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return undefined;
  }
}

/** Collects the facts `chromiumAction` needs from this machine. */
export function gatherFacts(environment: NodeJS.ProcessEnv = process.env): ChromiumFacts {
  const variable = environment.CHROMIUM_PATH === '' ? undefined : environment.CHROMIUM_PATH;
  return {
    ...(variable === undefined ? {} : { chromiumPathVariable: variable }),
    chromiumPathExecutable: variable !== undefined && isExecutable(variable),
    candidates: CHROMIUM_CANDIDATES.map(resolveExecutable),
    isRoot: process.getuid?.() === 0,
    osRelease: readOsRelease(),
  };
}

/**
 * Returns the path of a Chromium executable, installing Debian's package first
 * when that is the action; throws with one sentence naming the command to run
 * when it cannot.
 */
export function ensureChromium(): string {
  const action = chromiumAction(gatherFacts());
  if (action.kind === 'use') return action.path;
  if (action.kind === 'stop') throw new Error(action.message);
  console.log(
    `No Chromium found: installing Debian's chromium package for the browser tests (${action.command}).`,
  );
  execFileSync('sh', ['-c', action.command], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!isExecutable(action.installedPath))
    throw new Error(`Installing chromium did not give ${action.installedPath}.`);
  return action.installedPath;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
