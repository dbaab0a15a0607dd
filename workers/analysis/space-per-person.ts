/**
 * Space per person: total site area over individuals, against Sphere's
 * 45 m² per person (roads and services included).
 */
import type { SiteTable } from './site-table';
import { AREA_PER_PERSON_SQUARE_METRES } from './sphere-standards';

/** Area per person per site and the overcrowding flag. */
export interface SpacePerPerson {
  /** m² per person; NaN when the area is unknown, Infinity for an empty site with an area. */
  squareMetresPerPerson: Float64Array;
  /** 1 where the site has less than 45 m² per person. */
  overcrowded: Uint8Array;
  overcrowdedSites: number;
  overcrowdedIndividuals: number;
}

/** Space per person of every site. */
export function spacePerPerson(sites: SiteTable): SpacePerPerson {
  const count = sites.individuals.length;
  const squareMetresPerPerson = new Float64Array(count);
  const overcrowded = new Uint8Array(count);
  let overcrowdedSites = 0;
  let overcrowdedIndividuals = 0;
  for (let site = 0; site < count; site += 1) {
    const individuals = sites.individuals[site]!;
    const area = sites.areaSquareMetres[site]!;
    const value = Number.isNaN(area) ? Number.NaN : individuals > 0 ? area / individuals : Infinity;
    squareMetresPerPerson[site] = value;
    // NaN compares false: an unknown area is never flagged.
    if (value < AREA_PER_PERSON_SQUARE_METRES) {
      overcrowded[site] = 1;
      overcrowdedSites += 1;
      overcrowdedIndividuals += individuals;
    }
  }
  return { squareMetresPerPerson, overcrowded, overcrowdedSites, overcrowdedIndividuals };
}
