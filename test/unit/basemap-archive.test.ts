/**
 * Opening a stored basemap archive: the synthetic fixture opens and is
 * described; truncated, foreign and unsupported files are refused with the
 * code the interface turns into a message; the Haiti coverage check. The
 * Protomaps style built for it requests nothing (no glyphs, no sprite, no
 * icon) and labels in the interface language.
 */
import { describe, expect, it } from 'vitest';
import { buildBasemapFixture, FIXTURE_ATTRIBUTION } from '../../scripts/make-basemap-fixture';
import { haitiCoverage, openBasemapArchive } from '../../src/map/basemap-archive';
import { basemapAttributionOf } from '../../src/map/basemap-attribution';
import { archiveStyle } from '../../src/map/protomaps-style';
import { BASEMAP_SOURCE, snapshotContent } from '../../src/map/snapshot-content';
import { initialAppState } from '../../src/state/app-state';

const fixture = buildBasemapFixture();
const countries = { type: 'FeatureCollection' as const, features: [] };

function fileOf(bytes: Uint8Array, name = 'streets.pmtiles'): File {
  return new File([bytes.slice()], name);
}

describe('opening a basemap archive', () => {
  it('opens the fixture and describes it: size, bounds, zooms, attribution, kind', async () => {
    const opening = await openBasemapArchive(fileOf(fixture), 'key-1');
    expect(opening.ok).toBe(true);
    if (!opening.ok) return;
    expect(opening.basemap.key).toBe('key-1');
    expect(opening.basemap.archive.source.getKey()).toBe('key-1');
    expect(opening.basemap.summary).toMatchObject({
      fileName: 'streets.pmtiles',
      sizeBytes: fixture.length,
      minZoom: 10,
      maxZoom: 15,
      attribution: FIXTURE_ATTRIBUTION,
      kind: 'vector',
      coverage: 'part',
      title: 'Katsit synthetic street fixture',
      vectorLayers: ['earth', 'water', 'roads', 'places', 'buildings'],
    });
  });

  it('refuses a truncated archive as truncated', async () => {
    const opening = await openBasemapArchive(fileOf(fixture.subarray(0, fixture.length - 100)), 'key');
    expect(opening).toEqual({ ok: false, code: 'truncated' });
    const headerOnly = await openBasemapArchive(fileOf(fixture.subarray(0, 60)), 'key');
    expect(headerOnly).toEqual({ ok: false, code: 'truncated' });
  });

  it('refuses a file that is not PMTiles, an empty file and a version 2 archive', async () => {
    const text = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
    expect(await openBasemapArchive(fileOf(text), 'key')).toEqual({ ok: false, code: 'notPmtiles' });
    expect(await openBasemapArchive(fileOf(new Uint8Array(0)), 'key')).toEqual({
      ok: false,
      code: 'notPmtiles',
    });
    const versionTwo = fixture.slice();
    versionTwo[7] = 2;
    expect(await openBasemapArchive(fileOf(versionTwo), 'key')).toEqual({ ok: false, code: 'notPmtiles' });
  });

  it('refuses tiles it cannot draw (MapLibre Tiles, unknown) rather than showing a blank map', async () => {
    const unknownTiles = fixture.slice();
    unknownTiles[99] = 0;
    expect(await openBasemapArchive(fileOf(unknownTiles), 'key')).toEqual({
      ok: false,
      code: 'unsupportedTiles',
    });
  });

  it('calls a damaged directory damaged', async () => {
    const damaged = fixture.slice();
    // The root directory starts right after the 127-byte header; garbage there breaks its varints.
    damaged.fill(0xff, 127, 140);
    expect(await openBasemapArchive(fileOf(damaged), 'key')).toEqual({ ok: false, code: 'damaged' });
  });
});

describe('Haiti coverage of an archive', () => {
  it('says all, part or none', () => {
    expect(haitiCoverage({ west: -75, south: 17.5, east: -71, north: 20.5 })).toBe('all');
    expect(haitiCoverage({ west: -72.45, south: 18.45, east: -72.2, north: 18.62 })).toBe('part');
    expect(haitiCoverage({ west: 2.2, south: 48.8, east: 2.5, north: 48.9 })).toBe('none');
    // Dominican Republic only: east of Haiti's extent.
    expect(haitiCoverage({ west: -71.5, south: 17.5, east: -68.3, north: 20 })).toBe('none');
  });
});

describe('the style of a vector archive', () => {
  const summary = {
    fileName: 'haiti.pmtiles',
    sizeBytes: 1,
    bounds: { west: -74.5, south: 18, east: -71.6, north: 20.1 },
    minZoom: 0,
    maxZoom: 15,
    attribution: '© OpenStreetMap',
    kind: 'vector' as const,
    coverage: 'all' as const,
    title: null,
    vectorLayers: ['earth', 'roads'],
  };
  const style = (language: string, flavour: 'light' | 'print' = 'light') =>
    archiveStyle({
      key: 'basemap-1',
      summary,
      flavour,
      language,
      countries,
      fallbackAttribution: 'local file',
    });

  it('requests nothing: no glyphs, no sprite, no icon, tiles only through pmtiles:// from the device', () => {
    const built = style('fr');
    expect(built.glyphs).toBeUndefined();
    expect(built.sprite).toBeUndefined();
    const json = JSON.stringify(built.layers);
    expect(json).not.toContain('icon-image');
    expect(built.sources.basemap).toMatchObject({
      type: 'vector',
      tiles: ['pmtiles://basemap-1/{z}/{x}/{y}'],
      attribution: '© OpenStreetMap',
    });
    expect(JSON.stringify(built)).not.toMatch(/https?:/);
  });

  it('keeps the town labels (their icons gone) and labels streets', () => {
    const ids = style('fr').layers.map((layer) => layer.id);
    expect(ids).toEqual(expect.arrayContaining(['places_locality', 'roads_labels_major', 'roads_minor']));
    expect(ids).not.toContain('roads_shields');
  });

  it('labels in French for fr and ht, in English for en', () => {
    const label = (language: string) =>
      JSON.stringify(style(language).layers.find((layer) => layer.id === 'places_locality'));
    expect(label('fr')).toContain('name:fr');
    expect(label('ht')).toContain('name:fr');
    expect(label('en')).toContain('name:en');
    expect(label('en')).not.toContain('name:fr');
  });

  it('has a grayscale print flavour', () => {
    const earth = (flavour: 'light' | 'print') =>
      JSON.stringify(style('fr', flavour).layers.find((layer) => layer.id === 'earth'));
    expect(earth('print')).not.toBe(earth('light'));
  });

  it('names its source for map products, falling back when the archive names none', () => {
    expect(basemapAttributionOf(style('fr'))).toBe('© OpenStreetMap');
    const unnamed = archiveStyle({
      key: 'basemap-2',
      summary: { ...summary, attribution: null },
      flavour: 'light',
      language: 'fr',
      countries,
      fallbackAttribution: 'local file',
    });
    expect(basemapAttributionOf(unnamed)).toBe('local file');
    expect(basemapAttributionOf({ metadata: undefined })).toBeUndefined();
  });
});

describe('map products over a stored basemap', () => {
  const texts = {
    title: 'Carte',
    subtitle: '',
    producer: 'IOM',
    shortName: 'carte',
    includeKeyFigures: false,
  };
  it('print the basemap’s attribution among their sources, after Natural Earth', () => {
    const state = initialAppState('fr');
    const date = new Date(2026, 11, 2);
    expect(snapshotContent(state, texts, date).sources).toEqual([BASEMAP_SOURCE]);
    expect(snapshotContent(state, texts, date, { basemapAttribution: '© OpenStreetMap' }).sources).toEqual([
      BASEMAP_SOURCE,
      '© OpenStreetMap',
    ]);
  });
});
