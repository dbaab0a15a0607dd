/**
 * The composer never lets two things collide: for every paper, orientation,
 * language, layer set and key-figure choice, the display list is checked
 * without pixels: no two text boxes overlap, every text and panel lies inside
 * one frame of the page (header, map, legend, footer), and text either sits
 * inside a filled box (a badge, the key-figures panel) or clear of it.
 * Regression: with key figures on (A4 landscape, all layers) the key-figures
 * box ran into the footer and the sources line printed through it.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisLegend } from '../../src/analyses/overlays';
import type { Language } from '../../src/i18n/translate';
import { ANALYSIS_INK } from '../../src/map/palette';
import type { LocatorCountry } from '../../src/map/snapshot-content';
import { defaultTexts, placeName, snapshotContent } from '../../src/map/snapshot-content';
import { ORIENTATIONS, PAPERS, type Rectangle } from '../../src/map/snapshot-layout';
import {
  composeProduct,
  type DrawOperation,
  type Measure,
  type Product,
} from '../../src/map/snapshot-product';
import { type AppState, initialAppState } from '../../src/state/app-state';
import { smallDatasets } from '../fixtures/small-datasets';

/** Roughly Noto Sans's average advance (a little wide, so real text is never wider). */
const measure: Measure = (text, style) => text.length * style.size * (style.bold ? 0.6 : 0.56);

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  label: string;
}

function textBox(operation: Extract<DrawOperation, { kind: 'text' }>): Box {
  const width = measure(operation.text, operation);
  const left =
    operation.align === 'center'
      ? operation.x - width / 2
      : operation.align === 'right'
        ? operation.x - width
        : operation.x;
  return {
    left,
    right: left + width,
    top: operation.y - operation.size * 0.8,
    bottom: operation.y + operation.size * 0.22,
    label: operation.text,
  };
}

const boxOf = (rectangle: Rectangle, label: string): Box => ({
  left: rectangle.x,
  top: rectangle.y,
  right: rectangle.x + rectangle.width,
  bottom: rectangle.y + rectangle.height,
  label,
});

const TOLERANCE = 0.5;
const intersects = (a: Box, b: Box) =>
  a.left < b.right - TOLERANCE &&
  b.left < a.right - TOLERANCE &&
  a.top < b.bottom - TOLERANCE &&
  b.top < a.bottom - TOLERANCE;
const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left - TOLERANCE &&
  inner.right <= outer.right + TOLERANCE &&
  inner.top >= outer.top - TOLERANCE &&
  inner.bottom <= outer.bottom + TOLERANCE;

/** Every collision in a product, as readable sentences (empty when the page is clean). */
function collisions(product: Product): string[] {
  const { layout, operations } = product;
  const frames = [
    boxOf(layout.header, 'header'),
    boxOf(layout.map, 'map'),
    boxOf(layout.legend, 'legend'),
    boxOf(layout.footer, 'footer'),
  ];
  const texts = operations.flatMap((operation) => (operation.kind === 'text' ? [textBox(operation)] : []));
  const solids = operations.flatMap((operation): Box[] => {
    if (operation.kind === 'rect' && operation.fill && !(operation.x === 0 && operation.y === 0))
      return [boxOf(operation, `rect ${operation.fill}`)];
    if (operation.kind === 'swatch')
      return [
        boxOf({ x: operation.x, y: operation.y, width: operation.size, height: operation.size }, 'swatch'),
      ];
    if (operation.kind === 'circle')
      return [
        boxOf(
          {
            x: operation.x - operation.radius,
            y: operation.y - operation.radius,
            width: 2 * operation.radius,
            height: 2 * operation.radius,
          },
          'size circle',
        ),
      ];
    if (operation.kind === 'image' && operation.slot === 'logo') return [boxOf(operation, 'logo')];
    return [];
  });
  const problems: string[] = [];
  for (const text of texts)
    if (!frames.some((frame) => inside(text, frame))) problems.push(`"${text.label}" is outside every frame`);
  for (const solid of solids)
    if (!frames.some((frame) => inside(solid, frame))) problems.push(`${solid.label} is outside every frame`);
  texts.forEach((a, index) => {
    for (const b of texts.slice(index + 1))
      if (intersects(a, b)) problems.push(`"${a.label}" overlaps "${b.label}"`);
    for (const solid of solids)
      if (intersects(a, solid) && !inside(a, solid)) problems.push(`"${a.label}" runs across ${solid.label}`);
  });
  for (const frame of frames.slice(2))
    if (intersects(frame, frames[1] as Box)) problems.push(`${frame.label} overlaps the map`);
  return problems;
}

const accessLegend: AnalysisLegend = {
  heading: 'Analyse : Contraintes d’accès',
  entries: [
    {
      key: 'flagged-sites',
      symbol: { kind: 'ring', color: ANALYSIS_INK },
      label: 'Site à accès contraint (à 1 km au plus d’une zone contrôlée, disputée ou sous influence)',
    },
  ],
  sensitive: true,
};

const figure = (label: string, value: number, format: 'count' | 'percent' = 'count') => ({
  label,
  value,
  format,
  context: 'dans une zone ou à 1 km au plus — sur 349 784 personnes dans 400 sites',
});

const LOCATOR: LocatorCountry[] = [
  {
    home: true,
    rings: [
      [
        [-74.4, 18.2],
        [-71.7, 18.1],
        [-71.7, 19.9],
        [-74.4, 19.9],
        [-74.4, 18.2],
      ],
    ],
  },
];

function state(language: Language, layersOn: 'all' | 'none' | 'sites', keyFigures: boolean): AppState {
  const base = initialAppState(language);
  const layers = Object.fromEntries(
    Object.entries(base.layers).map(([id, layer]) => [
      id,
      { ...layer, visible: layersOn === 'all' || (layersOn === 'sites' && id === 'sites') },
    ]),
  ) as AppState['layers'];
  return {
    ...base,
    datasets: smallDatasets(),
    layers,
    activeAnalysis: keyFigures ? 'access' : null,
    analysisLegend: keyFigures ? accessLegend : null,
    keyFigures: keyFigures
      ? [
          figure('Personnes à accès contraint — zones contrôlées', 136_636),
          figure('Personnes à accès contraint — zones disputées', 69_468),
          figure('Personnes à accès contraint — zones sous influence', 12_004),
          figure('Part des personnes à accès contraint', 0.801, 'percent'),
        ]
      : [],
  };
}

function compose(
  appState: AppState,
  paper: (typeof PAPERS)[number],
  orientation: (typeof ORIENTATIONS)[number],
  title?: string,
) {
  const texts = {
    ...defaultTexts(appState, 'Port-au-Prince, Ouest'),
    contact: 'Commentaires : im-haiti@example.org',
    ...(title ? { title } : {}),
  };
  const content = snapshotContent(
    appState,
    texts,
    new Date(2026, 11, 2),
    {},
    {
      locator: LOCATOR,
      logo: { width: 300, height: 100 },
    },
  );
  return composeProduct(
    content,
    { paper, orientation },
    { width: 1000, height: 640 },
    { latitude: 18.55, longitude: -72.3, zoom: 11.3 },
    measure,
  );
}

describe('map products never collide', () => {
  const languages: Language[] = ['fr', 'en', 'ht'];
  for (const paper of PAPERS)
    for (const orientation of ORIENTATIONS)
      for (const language of languages)
        it(`${paper} ${orientation} in ${language}: every layer set, with and without key figures`, () => {
          for (const layersOn of ['all', 'none', 'sites'] as const)
            for (const keyFigures of [true, false]) {
              const product = compose(state(language, layersOn, keyFigures), paper, orientation);
              expect(collisions(product), `${layersOn} layers, key figures ${keyFigures}`).toEqual([]);
              // Key figures are what a briefing needs most: they are never the block left out.
              if (keyFigures)
                expect(
                  product.operations.some(
                    (operation) => operation.kind === 'text' && operation.text.includes('80,1'),
                  ) || language !== 'fr',
                ).toBe(true);
            }
        });

  it('wraps a long title onto two lines before shrinking it', () => {
    const title =
      'Sites de déplacement et accès contraint autour des zones sous contrôle de gangs — Port-au-Prince, Ouest';
    const product = compose(state('fr', 'all', true), 'A4', 'landscape', title);
    const titleLines = product.operations.filter(
      (operation): operation is Extract<DrawOperation, { kind: 'text' }> =>
        operation.kind === 'text' &&
        operation.bold === true &&
        operation.size >= 15 &&
        operation.y < product.layout.map.y,
    );
    expect(titleLines.length).toBe(2);
    expect(titleLines.map((line) => line.text).join(' ')).toBe(title);
    expect(titleLines[0]?.size).toBe(21);
    expect(product.omitted).not.toContainEqual({ kind: 'title-cut' });
    expect(collisions(product)).toEqual([]);
  });

  it('shrinks, then cuts a title too long for two lines, and says so', () => {
    const title = Array.from({ length: 30 }, (_unused, index) => `mot${index}`).join(' ');
    const product = compose(state('fr', 'all', false), 'A4', 'portrait', title);
    expect(product.omitted).toContainEqual({ kind: 'title-cut' });
    expect(collisions(product)).toEqual([]);
  });

  it('keeps every visible layer in a crowded A4 or A3 legend (regression: hazards and admin were left out)', () => {
    for (const paper of ['A4', 'A3'] as const)
      for (const orientation of ORIENTATIONS)
        for (const language of ['fr', 'en', 'ht'] as const) {
          const product = compose(state(language, 'all', true), paper, orientation);
          const where = `${paper} ${orientation} ${language}`;
          expect(
            product.omitted.filter((omission) => omission.kind === 'block'),
            where,
          ).toEqual([]);
          expect(collisions(product), where).toEqual([]);
        }
  });

  it('leaves out what cannot fit rather than overprinting, and names it', () => {
    const crowded = state('fr', 'all', true);
    const many = {
      ...crowded,
      keyFigures: Array.from({ length: 80 }, (_unused, index) =>
        figure(`Chiffre clé numéro ${index}`, index * 1000),
      ),
    };
    const product = compose(many, 'screen', 'landscape');
    expect(collisions(product)).toEqual([]);
    const leftOut = product.omitted.flatMap((omission) => (omission.kind === 'block' ? [omission.name] : []));
    expect(leftOut.length).toBeGreaterThan(0);
    // The product itself says what its legend left out, not only the preview.
    const printed = product.operations.flatMap((operation) =>
      operation.kind === 'text' ? [operation.text] : [],
    );
    const note = printed
      .slice(printed.findIndex((text) => text.startsWith('Absent de cette légende')))
      .join(' ');
    for (const name of leftOut) expect(note).toContain(name);
  });

  it('prints no on-screen instruction and explains circle size with round numbers', () => {
    const product = compose(state('fr', 'all', false), 'A3', 'landscape');
    const texts = product.operations.flatMap((operation) =>
      operation.kind === 'text' ? [operation.text] : [],
    );
    expect(texts.some((text) => /cliquez|click|klike/i.test(text))).toBe(false);
    expect(texts).toContain('Taille du cercle : personnes par site');
    const circles = product.operations.filter((operation) => operation.kind === 'circle');
    expect(circles.length).toBeGreaterThanOrEqual(2);
  });

  it('writes the place and the disclaimer in the product language (Ayiti in Creole, French UN wording)', () => {
    expect(placeName(null, { lng: -72.3, lat: 18.5 }, 7, 'ht')).toBe('Ayiti');
    const demo = state('ht', 'all', false);
    const datasets = demo.datasets as NonNullable<AppState['datasets']>;
    const metadata = {
      synthetic: true,
      description: 'Fictional sites',
      generatedBy: 'scripts/generate-demo-data.ts',
      source: 'Synthetic demo (Katsit generator) — fictional, not DTM data',
      asOf: '2026-11-15',
    };
    const withMetadata = { ...demo, datasets: { ...datasets, sites: { ...datasets.sites, metadata } } };
    const creole = compose(withMetadata, 'A4', 'landscape');
    const texts = creole.operations.flatMap((operation) =>
      operation.kind === 'text' ? [operation.text] : [],
    );
    expect(texts.join(' ')).toContain('Organisation des Nations Unies');
    expect(texts.join(' ')).toContain('Demonstrasyon sentetik');
    expect(texts.join(' ')).not.toContain('Synthetic demo');
  });
});
