/**
 * The house rules of the layout (README, "Architecture"), checked on the
 * source itself: import specifiers are read with a regular expression, relative
 * ones resolved to files, and each rule is a pure function over that graph.
 * Every rule is also run on a small made-up graph that breaks it, so a rule
 * that can no longer fail fails here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** One import of one module: the specifier as written, the file it resolves to (relative ones), and whether it is type-only. */
interface Import {
  specifier: string;
  target: string | null;
  typeOnly: boolean;
}

/** Module path (relative to the repository, forward slashes) → its source text. */
type Sources = Map<string, string>;

const IMPORT_PATTERN =
  /(?:^|[;\s])(import|export)\s+(type\s+)?(?:[\w*{}\s,$]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(path: string, text: string, sources: Sources): Import[] {
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT_PATTERN)) {
    const specifier = match[3] ?? match[4] ?? '';
    found.push({
      specifier,
      target: resolveSpecifier(path, specifier, sources),
      typeOnly: Boolean(match[2]),
    });
  }
  return found;
}

function resolveSpecifier(from: string, specifier: string, sources: Sources): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = join(dirname(from), specifier.replace(/\?.*$/, '')).split('\\').join('/');
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`])
    if (sources.has(candidate)) return candidate;
  return base;
}

function readSources(folders: string[]): Sources {
  const sources: Sources = new Map();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ts$/.test(name) && !/\.(test|d)\.ts$/.test(name))
        sources.set(relative(ROOT, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  for (const folder of folders) if (existsSync(join(ROOT, folder))) walk(join(ROOT, folder));
  return sources;
}

/** A broken rule, as "importer → imported" (or a cycle path), so a failure names the line to fix. */
type Violation = string;

function graphOf(sources: Sources): Map<string, Import[]> {
  return new Map([...sources].map(([path, text]) => [path, importsOf(path, text, sources)]));
}

/** The pure engine imports nothing from `src/` but the domain model. */
function engineViolations(graph: Map<string, Import[]>): Violation[] {
  const violations: Violation[] = [];
  for (const [path, imports] of graph) {
    if (!path.startsWith('workers/analysis/')) continue;
    for (const { target } of imports)
      if (target?.startsWith('src/') && !target.startsWith('src/domain/'))
        violations.push(`${path} → ${target}`);
  }
  return violations;
}

/** The domain model imports only itself, so the engine's one door into `src/` leads nowhere else. */
function domainViolations(graph: Map<string, Import[]>): Violation[] {
  const violations: Violation[] = [];
  for (const [path, imports] of graph) {
    if (!path.startsWith('src/domain/')) continue;
    for (const { target } of imports)
      if (target && !target.startsWith('src/domain/')) violations.push(`${path} → ${target}`);
  }
  return violations;
}

/** The map draws; the panels sit on top of it, never the other way round. */
function mapImportsUiViolations(graph: Map<string, Import[]>): Violation[] {
  const violations: Violation[] = [];
  for (const [path, imports] of graph) {
    if (!path.startsWith('src/map/')) continue;
    for (const { target } of imports)
      if (target?.startsWith('src/ui/')) violations.push(`${path} → ${target}`);
  }
  return violations;
}

/** MapView is the one owner of MapLibre (and of deck's MapLibre overlay); the basemap style may name its types. */
function mapLibreViolations(graph: Map<string, Import[]>): Violation[] {
  const violations: Violation[] = [];
  for (const [path, imports] of graph) {
    for (const { specifier, typeOnly } of imports) {
      const mapLibre = specifier === 'maplibre-gl' || specifier.startsWith('maplibre-gl/');
      if (!mapLibre && specifier !== '@deck.gl/maplibre') continue;
      if (path === 'src/map/map-view.ts') continue;
      if (path === 'src/map/basemap-style.ts' && typeOnly && specifier === 'maplibre-gl') continue;
      violations.push(`${path} → ${specifier}`);
    }
  }
  return violations;
}

/** Reaching past MapView to its MapLibre instance (`view.map`, `this.view.map`…) outside map-view.ts. */
function mapViewInternalsViolations(sources: Sources): Violation[] {
  const violations: Violation[] = [];
  for (const [path, text] of sources) {
    if (path === 'src/map/map-view.ts') continue;
    if (/\b[vV]iew\??\.map\b(?!\s*\()/.test(text)) violations.push(path);
  }
  return violations;
}

/** Every import cycle, found by a depth-first search over the module graph (type-only imports included). */
function importCycles(graph: Map<string, Import[]>): Violation[] {
  const cycles: Violation[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (path: string) => {
    state.set(path, 'open');
    stack.push(path);
    for (const { target } of graph.get(path) ?? []) {
      if (!target || !graph.has(target)) continue;
      if (state.get(target) === 'open')
        cycles.push([...stack.slice(stack.indexOf(target)), target].join(' → '));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(path, 'done');
  };
  for (const path of [...graph.keys()].sort()) if (!state.has(path)) visit(path);
  return cycles;
}

describe('the house rules hold on the source', () => {
  const sources = readSources(['src', 'workers']);
  const graph = graphOf(sources);

  it('reads the whole app (the walk and the import parser are not silently empty)', () => {
    expect(sources.size).toBeGreaterThan(100);
    const mainImports = graph.get('src/main.ts') ?? [];
    expect(mainImports.some((entry) => entry.target === 'src/map/map-view.ts')).toBe(true);
    const viewImports = graph.get('src/map/map-view.ts') ?? [];
    expect(viewImports.some((entry) => entry.specifier === 'maplibre-gl')).toBe(true);
  });

  it('the engine (workers/analysis) imports nothing from src/ but src/domain', () => {
    expect(engineViolations(graph)).toEqual([]);
  });

  it('src/domain imports nothing outside itself', () => {
    expect(domainViolations(graph)).toEqual([]);
  });

  it('src/map never imports src/ui', () => {
    expect(mapImportsUiViolations(graph)).toEqual([]);
  });

  it('only src/map/map-view.ts imports MapLibre (basemap-style.ts: its style type only)', () => {
    expect(mapLibreViolations(graph)).toEqual([]);
  });

  it('no module but map-view.ts reaches a MapView’s MapLibre instance', () => {
    expect(mapViewInternalsViolations(sources)).toEqual([]);
  });

  it('src and workers have no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });
});

describe('each rule catches the import that breaks it', () => {
  const broken: Sources = new Map([
    [
      'workers/analysis/exposure.ts',
      "import { openDB } from 'idb';\nimport { store } from '../../src/io/store';\n",
    ],
    ['workers/analysis/geodesy.ts', "import type { Site } from '../../src/domain/types';\n"],
    ['src/io/store.ts', 'export const store = 1;\n'],
    [
      'src/domain/types.ts',
      "import type { AppState } from '../state/app-state';\nexport type Site = { id: string };\n",
    ],
    ['src/state/app-state.ts', 'export type AppState = {};\n'],
    [
      'src/map/pointer.ts',
      "import { Tooltip } from '../ui/tooltip';\nimport type { Map } from 'maplibre-gl';\n",
    ],
    ['src/ui/tooltip.ts', "import { pointer } from '../map/pointer';\nexport const Tooltip = 1;\n"],
    ['src/map/basemap-style.ts', "import type { StyleSpecification } from 'maplibre-gl';\n"],
    ['src/ui/search.ts', 'export function go(view) {\n  view.map.fitBounds([]);\n}\n'],
    ['src/ui/list.ts', 'export const names = items.map((item) => item.name);\n'],
  ]);
  const graph = graphOf(broken);

  it('an engine module importing src/io', () => {
    expect(engineViolations(graph)).toEqual(['workers/analysis/exposure.ts → src/io/store.ts']);
  });

  it('the domain model importing app state', () => {
    expect(domainViolations(graph)).toEqual(['src/domain/types.ts → src/state/app-state.ts']);
  });

  it('a map module importing a panel', () => {
    expect(mapImportsUiViolations(graph)).toEqual(['src/map/pointer.ts → src/ui/tooltip.ts']);
  });

  it('MapLibre imported outside map-view.ts', () => {
    expect(mapLibreViolations(graph)).toEqual(['src/map/pointer.ts → maplibre-gl']);
  });

  it('view.map used outside map-view.ts (but not Array.map)', () => {
    expect(mapViewInternalsViolations(broken)).toEqual(['src/ui/search.ts']);
  });

  it('a cycle between two modules', () => {
    expect(importCycles(graph)).toEqual(['src/map/pointer.ts → src/ui/tooltip.ts → src/map/pointer.ts']);
  });
});
