/**
 * Writes a generated site list to disk as a file a user would import (HXL-
 * tagged CSV like a DTM export, or GeoJSON), row by row so a million sites
 * never sit in memory as one string. Made at test or benchmark time; never
 * committed.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { randomPositions, seededRandom } from '../../bench/workloads';

/** Rows written per call to the file system. */
const BATCH = 10_000;

interface SiteRow {
  id: string;
  name: string;
  longitude: number;
  latitude: number;
  households: number;
  individuals: number;
  communeCode: string;
  communeName: string;
}

const COMMUNES = [
  ['HT0111', 'Port-au-Prince'],
  ['HT0112', 'Delmas'],
  ['HT0113', 'Carrefour'],
  ['HT0114', 'Pétion-Ville'],
  ['HT0115', 'Kenscoff'],
] as const;

function* siteRows(count: number, seed: number): Generator<SiteRow> {
  const random = seededRandom(seed);
  const positions = randomPositions(count, seed);
  for (let index = 0; index < count; index += 1) {
    const [longitude = 0, latitude = 0] = positions[index] ?? [];
    const households = 5 + Math.floor(random() * 400);
    const [communeCode, communeName] = COMMUNES[index % COMMUNES.length] ?? COMMUNES[0];
    yield {
      id: `SITE-${index}`,
      name: `Site ${index}`,
      longitude: Math.round(longitude * 1e5) / 1e5,
      latitude: Math.round(latitude * 1e5) / 1e5,
      households,
      individuals: households * (3 + Math.floor(random() * 3)),
      communeCode,
      communeName,
    };
  }
}

function writeInBatches(path: string, head: string, lines: Iterable<string>, tail: string): void {
  const file = openSync(path, 'w');
  try {
    writeSync(file, head);
    let batch: string[] = [];
    for (const line of lines) {
      batch.push(line);
      if (batch.length === BATCH) {
        writeSync(file, batch.join(''));
        batch = [];
      }
    }
    writeSync(file, batch.join(''));
    writeSync(file, tail);
  } finally {
    closeSync(file);
  }
}

/** An HXL-tagged CSV of `count` sites (the columns of a DTM site list). */
export function writeSiteCsv(path: string, count: number, seed = 7): void {
  const header =
    'Site ID,Site Name,Site Type,Latitude,Longitude,ADM1 Pcode,ADM1 Name,ADM2 Pcode,ADM2 Name,Households,Individuals\n' +
    '#site+code,#site+name,#site+type,#geo+lat,#geo+lon,#adm1+code,#adm1+name,#adm2+code,#adm2+name,#affected+hh+idps,#affected+idps+ind\n';
  function* lines() {
    for (const site of siteRows(count, seed)) {
      yield `${site.id},${site.name},Site spontané,${site.latitude},${site.longitude},HT01,Ouest,${site.communeCode},${site.communeName},${site.households},${site.individuals}\n`;
    }
  }
  writeInBatches(path, header, lines(), '');
}

/** A GeoJSON FeatureCollection of `count` point sites with the model's property names. */
export function writeSiteGeoJson(path: string, count: number, seed = 7): void {
  function* lines() {
    let first = true;
    for (const site of siteRows(count, seed)) {
      const feature = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [site.longitude, site.latitude] },
        properties: {
          id: site.id,
          name: site.name,
          siteType: 'spontaneous_site',
          admin1Pcode: 'HT01',
          admin1Name: 'Ouest',
          admin2Pcode: site.communeCode,
          admin2Name: site.communeName,
          households: site.households,
          individuals: site.individuals,
        },
      };
      yield `${first ? '' : ',\n'}${JSON.stringify(feature)}`;
      first = false;
    }
  }
  writeInBatches(path, '{"type":"FeatureCollection","features":[\n', lines(), '\n]}\n');
}
