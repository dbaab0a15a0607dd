import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { applyFieldMapping, findFieldMapping, mapFields } from '../../src/io/field-mapping';
import { hxlMatchScore, isHxlRow } from '../../src/io/hxl';
import { guessLayerRole } from '../../src/io/layer-role';
import { readCsv } from '../../src/io/read-csv';
import { readGeoJson } from '../../src/io/read-geojson';
import {
  normaliseDate,
  normaliseHazardType,
  normaliseSeverity,
  normaliseSiteType,
} from '../../src/io/value-normalisation';
import { loadFixture } from '../fixtures/io/load-fixture';

describe('HXL tags', () => {
  it('match regardless of attribute order and case, exact sets first', () => {
    expect(hxlMatchScore('#Affected +IND+idps', '#affected+idps+ind')).toBe(2);
    expect(hxlMatchScore('#affected+idps+ind+f', '#affected+idps+ind')).toBe(1);
    expect(hxlMatchScore('#affected+hh', '#affected+idps+hh')).toBe(0);
    expect(isHxlRow(['#geo+lat', '', '#geo+lon'])).toBe(true);
    expect(isHxlRow(['#geo+lat', 'Latitude'])).toBe(false);
  });
});

describe('field mapping', () => {
  it('maps a DTM list from its HXL row and lists nothing it found', async () => {
    const read = await readCsv(loadFixture('dtm-sites-hxl.csv'), 'dtm.csv');
    if (!read.ok) throw new Error('fixture unreadable');
    const mapping = findFieldMapping(read.collection, 'sites', read.columns);
    expect(mapping.fields).toMatchObject({
      id: 'Site ID',
      name: 'Site Name',
      siteType: 'Site Type',
      admin1Pcode: 'ADM1 Pcode',
      admin2Name: 'ADM2 Name',
      households: 'Households',
      individuals: 'Individuals',
      managementAgency: 'Site Management Agency',
      lastAssessment: 'Assessment Date',
    });
    // Only required fields (id, name, people) are ever missing; needs and area are optional.
    expect(mapping.missing).toEqual([]);
    const mapped = applyFieldMapping(read.collection, mapping).features.map((feature) => feature.properties);
    expect(mapped[1]).toMatchObject({
      siteType: 'spontaneous_site',
      individuals: 1950,
      lastAssessment: '2024-03-15',
    });
    expect(mapped[0]).toMatchObject({ siteType: 'collective_centre', households: 215 });
  });

  it('maps French column names without HXL, accents and case ignored', async () => {
    const read = await readCsv(loadFixture('sites-semicolon-french.csv'), 'fr.csv');
    if (!read.ok) throw new Error('fixture unreadable');
    const mapping = findFieldMapping(read.collection, 'sites', read.columns);
    expect(mapping.fields).toMatchObject({
      id: 'Code site',
      name: 'Nom du site',
      siteType: 'Type de site',
      admin2Name: 'Commune',
      households: 'Ménages',
      individuals: 'Individus',
      managementAgency: 'Agence de gestion',
    });
    const properties = applyFieldMapping(read.collection, mapping).features[1]?.properties;
    expect(properties).toMatchObject({ households: 1204, individuals: 4870, siteType: 'spontaneous_site' });
  });

  it('maps COD-AB admin boundaries and derives the level', async () => {
    const read = await readGeoJson(loadFixture('admin-cod-ab.geojson'), 'admin.geojson');
    if (!read.ok) throw new Error('fixture unreadable');
    const mapping = findFieldMapping(read.collection, 'admin');
    expect(mapping.fields).toEqual({
      pcode: 'ADM2_PCODE',
      name: 'ADM2_FR',
      parentPcode: 'ADM1_PCODE',
      parentName: 'ADM1_FR',
    });
    expect(mapping.constants).toEqual({ level: 2 });
    expect(mapping.missing).toEqual([]);
    expect(applyFieldMapping(read.collection, mapping).features[1]?.properties).toEqual({
      pcode: 'HT0112',
      name: 'Delmas',
      level: 2,
      parentPcode: 'HT01',
      parentName: 'Ouest',
      approximate: false,
    });
    const departments = mapFields('admin', ['ADM1_PCODE', 'ADM1_FR', 'ADM1_EN']);
    expect(departments.fields).toMatchObject({ pcode: 'ADM1_PCODE', name: 'ADM1_FR' });
    expect(departments.fields.parentPcode).toBeUndefined();
    expect(departments.fields.parentName).toBeUndefined();
    expect(departments.constants).toEqual({ level: 1 });
  });

  it('lists the fields it could not find so the UI can ask for them', () => {
    const mapping = mapFields('hazards', ['nom', 'zone']);
    expect(mapping.fields).toEqual({ name: 'nom' });
    // Hazard type, severity and id are display classes (chosen per row in the review), not blocking mappings.
    expect(mapping.missing).toEqual([]);
    expect(mapFields('sites', ['Nom', 'Latitude']).missing).toEqual(['id', 'individuals']);
  });

  it('marks control areas sensitive whatever the file says', () => {
    const mapping = mapFields('control', ['name', 'statut']);
    const collection = applyFieldMapping(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'Zone fictive', statut: 'Contesté' },
            geometry: null as unknown as Geometry,
          },
        ],
      },
      mapping,
    );
    expect(collection.features[0]?.properties).toEqual({
      name: 'Zone fictive',
      controlLevel: 'contested',
      sensitivity: 'sensitive',
    });
  });
});

describe('value normalisation', () => {
  it.each([
    ['site spontané', 'spontaneous_site'],
    ['Spontaneous', 'spontaneous_site'],
    ['Centre collectif (école)', 'collective_centre'],
    ['Collective center', 'collective_centre'],
    ['Camp planifié', 'planned_camp'],
    ["Centre d'évacuation", 'evacuation_centre'],
    ['Reception/transit centre', 'transit_centre'],
    ['collective_centre', 'collective_centre'],
  ])('site type %s → %s', (raw, expected) => {
    expect(normaliseSiteType(raw)).toBe(expected);
  });

  it('normalises hazards, severities and dates, and refuses what it cannot read', () => {
    expect(normaliseHazardType('Zone inondable')).toBe('flood');
    expect(normaliseHazardType('Onde de tempête')).toBe('storm_surge');
    expect(normaliseSeverity('Élevé')).toBe('high');
    expect(normaliseSeverity('faible')).toBe('low');
    expect(normaliseSiteType('unknown thing')).toBeUndefined();
    expect(normaliseDate('15/03/2024')).toBe('2024-03-15');
    expect(normaliseDate('2024-02-30')).toBeUndefined();
  });
});

describe('guessLayerRole', () => {
  const point = { type: 'Point' as const, coordinates: [-72.3, 18.5] };
  const polygon = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [-72.3, 18.5],
        [-72.2, 18.5],
        [-72.2, 18.6],
        [-72.3, 18.5],
      ],
    ],
  };
  const collection = (geometry: typeof point | typeof polygon) => ({
    type: 'FeatureCollection' as const,
    features: [{ type: 'Feature' as const, properties: {}, geometry }],
  });

  it('tells sites, services, admin, control and hazards apart', () => {
    expect(guessLayerRole(collection(point), ['Site ID', 'Ménages'])).toBe('sites');
    expect(guessLayerRole(collection(point), ['name', 'service_type', 'operator'])).toBe('services');
    expect(guessLayerRole(collection(polygon), ['ADM2_PCODE', 'ADM2_FR'])).toBe('admin');
    expect(guessLayerRole(collection(polygon), ['name', 'control_level'])).toBe('control');
    expect(guessLayerRole(collection(polygon), ['name', 'aléa', 'sévérité'])).toBe('hazards');
  });
});
