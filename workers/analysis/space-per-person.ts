/**
 * Space per person against Sphere's shelter standards: total site area per
 * person (45 m², roads and services included; 30 m² where communal services
 * are outside the site) and, where a shelter assessment gives it, covered
 * living space per person (3.5 m²).
 */
import type { SiteTable } from './site-table';
import {
  AREA_PER_PERSON_SERVICES_OUTSIDE_SQUARE_METRES,
  AREA_PER_PERSON_SQUARE_METRES,
  COVERED_SPACE_PER_PERSON_SQUARE_METRES,
} from './sphere-standards';

/** Area and covered space per person per site, and the sites below each standard. */
export interface SpacePerPerson {
  /** m² per person; NaN when the area is unknown, Infinity for an empty site with an area. */
  squareMetresPerPerson: Float64Array;
  /** 1 where the site has less area per person than its standard (45 m², or 30 m² with services outside). */
  overcrowded: Uint8Array;
  overcrowdedSites: number;
  overcrowdedIndividuals: number;
  /** Sites whose area is known (the denominator of the overcrowding figures). */
  sitesWithArea: number;
  /** Covered m² per person; NaN without a covered-space figure. */
  coveredSquareMetresPerPerson: Float64Array;
  /** 1 where covered space is below 3.5 m² per person. */
  coveredShort: Uint8Array;
  coveredShortSites: number;
  coveredShortIndividuals: number;
  /** Sites with a covered-space figure (the denominator of the covered-space figures). */
  sitesWithCovered: number;
}

/** m² per person: NaN when the area is unknown, Infinity for an empty site with an area. */
function perPerson(area: number, individuals: number): number {
  return Number.isNaN(area) ? Number.NaN : individuals > 0 ? area / individuals : Infinity;
}

/** Space per person of every site. */
export function spacePerPerson(sites: SiteTable): SpacePerPerson {
  const count = sites.individuals.length;
  const result: SpacePerPerson = {
    squareMetresPerPerson: new Float64Array(count),
    overcrowded: new Uint8Array(count),
    overcrowdedSites: 0,
    overcrowdedIndividuals: 0,
    sitesWithArea: 0,
    coveredSquareMetresPerPerson: new Float64Array(count),
    coveredShort: new Uint8Array(count),
    coveredShortSites: 0,
    coveredShortIndividuals: 0,
    sitesWithCovered: 0,
  };
  for (let site = 0; site < count; site += 1) {
    const individuals = sites.individuals[site]!;
    const area = perPerson(sites.areaSquareMetres[site]!, individuals);
    const covered = perPerson(sites.coveredSquareMetres?.[site] ?? Number.NaN, individuals);
    result.squareMetresPerPerson[site] = area;
    result.coveredSquareMetresPerPerson[site] = covered;
    const standard =
      sites.communalServicesOutside?.[site] === 1
        ? AREA_PER_PERSON_SERVICES_OUTSIDE_SQUARE_METRES
        : AREA_PER_PERSON_SQUARE_METRES;
    if (!Number.isNaN(area)) result.sitesWithArea += 1;
    if (!Number.isNaN(covered)) result.sitesWithCovered += 1;
    // NaN compares false: an unknown area is never flagged.
    if (area < standard) {
      result.overcrowded[site] = 1;
      result.overcrowdedSites += 1;
      result.overcrowdedIndividuals += individuals;
    }
    if (covered < COVERED_SPACE_PER_PERSON_SQUARE_METRES) {
      result.coveredShort[site] = 1;
      result.coveredShortSites += 1;
      result.coveredShortIndividuals += individuals;
    }
  }
  return result;
}
