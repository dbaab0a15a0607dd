/**
 * An area of interest answers every indicator a shelter team asks about, names the
 * threshold of each, never claims "0 people without water" when no service layer is
 * loaded, and downloads as a GeoJSON feature with its totals (labelled when they
 * derive from the gang-control layer).
 */
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type AreaAnswer, areaAnalysis } from '../../src/analyses/area';
import { figureContext } from '../../src/analyses/key-figures';
import { defaultParameters } from '../../src/analyses/parameters';
import type { Datasets } from '../../src/domain/types';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const sites: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'S-1', name: 'Lycée Delmas', individuals: 900 },
      geometry: { type: 'Point', coordinates: [-72.3, 18.54] },
    },
    {
      type: 'Feature',
      properties: { id: 'S-2', name: 'Terrain Tabarre', individuals: 100 },
      geometry: { type: 'Point', coordinates: [-72.29, 18.55] },
    },
  ],
};

const answer: AreaAnswer = {
  siteIndices: Uint32Array.from([0, 1]),
  sites: 2,
  households: 250,
  individuals: 1000,
  exposure: [],
  byFlag: {
    waterBeyondSphere: { sites: 1, households: 220, individuals: 900 },
    accessConstrained: { sites: 1, households: 30, individuals: 100 },
  },
  shape: { kind: 'circle', longitude: -72.3, latitude: 18.54, radiusMeters: 2000 },
};

function datasets(layers: Partial<Record<keyof Datasets, FeatureCollection>>): Datasets {
  return {
    sites,
    hazards: null,
    control: null,
    services: null,
    admin: null,
    ...layers,
  } as unknown as Datasets;
}

describe('an area of interest', () => {
  it('gives its surface and radius, and people under each flag whose layer is loaded', () => {
    const context = figureContext('en', defaultParameters(), datasets({ services: empty }));
    const figures = areaAnalysis.keyFigures(answer, context);
    const surface = figures.find((figure) => figure.format === 'squareKilometres');
    expect(surface?.value).toBeCloseTo((Math.PI * 2000 ** 2) / 1e6, 6);
    expect(surface?.context).toBe('radius 2 km');
    const water = figures.find((figure) => figure.label.includes('water point within 500 m'));
    expect(water).toMatchObject({ value: 900, context: 'in 1 site — of 1,000 people' });
    // No gang-control layer: no access figure, rather than a false zero or a stale one.
    expect(figures.some((figure) => figure.label.includes('gang-controlled'))).toBe(false);
  });

  it('downloads as GeoJSON with its totals under stable names, labelled when gang control is loaded', () => {
    const context = figureContext('fr', defaultParameters(), datasets({ control: empty }));
    const block = areaAnalysis.summary(answer, context).find((part) => part.kind === 'download');
    if (block?.kind !== 'download') throw new Error('no download');
    expect(block.fileName).toMatch(/^HTI_area-of-interest_\d{8}\.geojson$/);
    const file = JSON.parse(block.text);
    expect(file.sensitivity).toBeTruthy();
    expect(file.features[0].properties).toMatchObject({
      sites: 2,
      individuals: 1000,
      radiusMetres: 2000,
      waterBeyondSphereIndividuals: 900,
      accessConstrainedSites: 1,
    });
    expect(file.features[0].geometry.type).toBe('Polygon');
  });

  it('lists its sites by name, largest first', () => {
    const context = figureContext('fr', defaultParameters(), datasets({}));
    const table = areaAnalysis.summary(answer, context).find((part) => part.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((row) => row[0])).toEqual(['Lycée Delmas', 'Terrain Tabarre']);
    // Each name selects its site by the id the selection (and the site table) uses.
    expect(table.rowSiteIds).toEqual(['S-1', 'S-2']);
  });
});
