/**
 * Synthetic shelter figures of each site, drawn after the sites from their
 * own generator (so adding them changed no other value of the demo):
 *   - covered living space (m² under a roof): Sphere asks for 3.5 m² per
 *     person; crowded collective centres and evacuation centres fall below
 *     it most, planned camps least; about one site in eight has no shelter
 *     assessment and so no figure;
 *   - whether communal services (latrines, water, cooking, health) are
 *     provided outside the site, which lowers Sphere's site-area standard
 *     from 45 to 30 m² per person: common for schools and churches used as
 *     collective centres, rare in planned camps.
 */
import type { SiteFeature, SiteType } from '../../src/domain/types';
import type { Random } from './random';

/** Median covered m² per person by type, and the share of sites with services outside. */
const SHELTER_PROFILE: Record<SiteType, { medianCovered: number; servicesOutside: number }> = {
  spontaneous_site: { medianCovered: 3.5, servicesOutside: 0.25 },
  collective_centre: { medianCovered: 3.0, servicesOutside: 0.5 },
  planned_camp: { medianCovered: 5.0, servicesOutside: 0 },
  transit_centre: { medianCovered: 3.8, servicesOutside: 0.1 },
  evacuation_centre: { medianCovered: 2.6, servicesOutside: 0.5 },
};

/** Share of sites without a shelter assessment (no covered-space figure). */
const UNASSESSED_SHARE = 0.12;

/** Adds `coveredSquareMetres` (unless unassessed) and `communalServicesOutside` to each site, in place. */
export function addShelterFigures(random: Random, sites: readonly SiteFeature[]): void {
  for (const site of sites) {
    const properties = site.properties;
    const profile = SHELTER_PROFILE[properties.siteType];
    const perPerson = Math.min(8, Math.max(0.8, profile.medianCovered * Math.exp(0.35 * random.normal())));
    const assessed = random.next() >= UNASSESSED_SHARE;
    properties.communalServicesOutside = random.next() < profile.servicesOutside;
    if (assessed) properties.coveredSquareMetres = Math.round(properties.individuals * perPerson);
  }
}
