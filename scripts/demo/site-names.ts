/**
 * French site names in the style of DTM site lists ("Site spontané École
 * nationale de …", "Centre collectif Église …"). Schools and churches are
 * where people shelter in the capital, hence most templates.
 */
import type { SiteType } from '../../src/domain/types';
import type { Random } from './random';

/** "de Bel-Air", "d'Arcachon": French elides before a vowel. */
export function ofPlace(place: string): string {
  return /^[AEIOUÉÈÎÔ]/i.test(place) ? `d'${place}` : `de ${place}`;
}

const TEMPLATES: Record<SiteType, readonly ((place: string) => string)[]> = {
  spontaneous_site: [
    (place) => `Site spontané École nationale ${ofPlace(place)}`,
    (place) => `Site spontané Lycée ${ofPlace(place)}`,
    (place) => `Site spontané Terrain de football ${ofPlace(place)}`,
    (place) => `Site spontané ${place}`,
    (place) => `Place ${place}`,
  ],
  collective_centre: [
    (place) => `Centre collectif Église baptiste ${ofPlace(place)}`,
    (place) => `Centre collectif Église adventiste ${ofPlace(place)}`,
    (place) => `Centre collectif Église catholique ${ofPlace(place)}`,
    (place) => `Centre collectif École communale ${ofPlace(place)}`,
    (place) => `Centre collectif Collège ${ofPlace(place)}`,
  ],
  planned_camp: [(place) => `Camp planifié ${place}`],
  transit_centre: [(place) => `Centre de transit ${place}`],
  evacuation_centre: [
    (place) => `Centre d'évacuation École ${ofPlace(place)}`,
    (place) => `Centre d'évacuation ${place}`,
  ],
};

/**
 * A name not used yet. Tries a few templates first, then numbers the name
 * ("… 2"), since two sites with one name would confuse a coordinator.
 */
export function uniqueSiteName(random: Random, siteType: SiteType, place: string, used: Set<string>): string {
  for (let attempt = 0; attempt < 6; attempt++) {
    const name = random.pick(TEMPLATES[siteType])(place);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const base = random.pick(TEMPLATES[siteType])(place);
  let number = 2;
  while (used.has(`${base} ${number}`)) number++;
  const name = `${base} ${number}`;
  used.add(name);
  return name;
}
