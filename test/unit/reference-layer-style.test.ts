/**
 * Reference layers in the map style: each archive a `pmtiles://` source read
 * from the device, drawn in its colour below the basemap's labels (so sites,
 * inserted before the labels afterwards, stay above it); archives opened from
 * the synthetic fixture name their title and layers.
 */
import { describe, expect, it } from 'vitest';
import { buildBasemapFixture } from '../../scripts/make-basemap-fixture';
import {
  buildReferenceFixture,
  REFERENCE_FIXTURE_ATTRIBUTION,
  REFERENCE_FIXTURE_TITLE,
} from '../../scripts/make-reference-fixture';
import { openBasemapArchive } from '../../src/map/basemap-archive';
import { basemapAttributionOf, referenceLayersOf } from '../../src/map/basemap-attribution';
import { archiveStyle } from '../../src/map/protomaps-style';
import { referenceSourceId, withReferenceLayers } from '../../src/map/reference-layer-style';

const fileOf = (bytes: Uint8Array, name: string) => new File([bytes.slice()], name);

async function opened(bytes: Uint8Array, key: string, name: string) {
  const opening = await openBasemapArchive(fileOf(bytes, name), key);
  if (!opening.ok) throw new Error(`fixture refused: ${opening.code}`);
  return opening.basemap;
}

describe('reference layers in the map style', () => {
  it('opens the fixture with its title, attribution and vector layers', async () => {
    const reference = await opened(buildReferenceFixture(), 'reference-1', 'footprints.pmtiles');
    expect(reference.summary).toMatchObject({
      title: REFERENCE_FIXTURE_TITLE,
      attribution: REFERENCE_FIXTURE_ATTRIBUTION,
      kind: 'vector',
      vectorLayers: ['footprints'],
      minZoom: 10,
      maxZoom: 15,
    });
  });

  it('adds a device source and fill, outline and point layers in the layer’s colour, below the first label', async () => {
    const basemap = await opened(buildBasemapFixture(), 'basemap-1', 'streets.pmtiles');
    const reference = await opened(buildReferenceFixture(), 'reference-1', 'footprints.pmtiles');
    const base = archiveStyle({
      key: basemap.key,
      summary: basemap.summary,
      flavour: 'light',
      language: 'fr',
      countries: { type: 'FeatureCollection', features: [] },
      fallbackAttribution: 'local',
    });
    const style = withReferenceLayers(base, [
      { key: reference.key, name: 'Empreintes', summary: reference.summary, colour: '#7b3294' },
    ]);
    const source = referenceSourceId('reference-1');
    expect(style.sources[source]).toMatchObject({
      type: 'vector',
      tiles: ['pmtiles://reference-1/{z}/{x}/{y}'],
      attribution: REFERENCE_FIXTURE_ATTRIBUTION,
    });
    const ids = style.layers.map((layer) => layer.id);
    const added = style.layers.filter((layer) => 'source' in layer && layer.source === source);
    expect(added.map((layer) => layer.type)).toEqual(['fill', 'line', 'circle']);
    expect(JSON.stringify(added)).toContain('#7b3294');
    const firstLabel = ids.indexOf(base.layers.find((layer) => layer.type === 'symbol')?.id ?? '');
    expect(firstLabel).toBeGreaterThan(-1);
    for (const layer of added) expect(ids.indexOf(layer.id)).toBeLessThan(firstLabel);
    // Every basemap layer is still there, in its order.
    expect(ids.filter((id) => !id.startsWith(source))).toEqual(base.layers.map((layer) => layer.id));
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
    // What map products print: the legend entry and the source, read back from the style.
    expect(referenceLayersOf(style)).toEqual([
      { name: 'Empreintes', colour: '#7b3294', attribution: REFERENCE_FIXTURE_ATTRIBUTION },
    ]);
    expect(basemapAttributionOf(style)).toBe('Katsit synthetic test streets (not OpenStreetMap)');
  });

  it('draws raster archives as images and keeps the first added lowest', async () => {
    const vector = await opened(buildReferenceFixture(), 'first', 'a.pmtiles');
    const raster = { ...vector.summary, kind: 'raster' as const, vectorLayers: [] };
    const style = withReferenceLayers(
      { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background' }] },
      [
        { key: 'first', name: 'Empreintes', summary: vector.summary, colour: '#7b3294' },
        { key: 'second', name: 'Imagerie', summary: raster, colour: '#8c510a' },
      ],
    );
    expect(style.sources[referenceSourceId('second')]).toMatchObject({ type: 'raster', tileSize: 256 });
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.at(-1)).toBe(`${referenceSourceId('second')}-raster`);
    expect(ids.indexOf(`${referenceSourceId('first')}-footprints-fill`)).toBe(1);
  });

  it('leaves a style without reference layers untouched', () => {
    const base: Parameters<typeof withReferenceLayers>[0] = { version: 8, sources: {}, layers: [] };
    expect(withReferenceLayers(base, [])).toBe(base);
    expect(referenceLayersOf(base)).toEqual([]);
  });
});
