/**
 * Haiti's official points of entry (issue 17): the four land border crossings
 * with the Dominican Republic, and the international airports and seaports of
 * Port-au-Prince and Cap-Haïtien, where repatriated people arrive. Public
 * places; coordinates approximate (typed from general maps, not surveyed:
 * the airports within about 100 m, the border posts within about a
 * kilometre), fine for drawing arcs at country and city zoom.
 * `communePcode` is the commune each lies in, so arrivals there count for it.
 */

export const ENTRY_TYPES = ['land', 'airport', 'seaport'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export interface PointOfEntry {
  id: string;
  name: string;
  type: EntryType;
  communePcode: string;
  position: [longitude: number, latitude: number];
}

export const POINTS_OF_ENTRY: readonly PointOfEntry[] = [
  {
    id: 'poe-ouanaminthe',
    name: 'Ouanaminthe',
    type: 'land',
    communePcode: 'HT0421',
    position: [-71.715, 19.553],
  },
  {
    id: 'poe-belladere',
    name: 'Belladère',
    type: 'land',
    communePcode: 'HT0632',
    position: [-71.729, 18.866],
  },
  { id: 'poe-malpasse', name: 'Malpasse', type: 'land', communePcode: 'HT0132', position: [-71.874, 18.493] },
  {
    id: 'poe-anse-a-pitres',
    name: 'Anse-à-Pitres',
    type: 'land',
    communePcode: 'HT0234',
    position: [-71.748, 18.04],
  },
  {
    id: 'poe-port-au-prince-airport',
    name: 'Aéroport Toussaint Louverture',
    type: 'airport',
    communePcode: 'HT0118',
    position: [-72.2925, 18.58],
  },
  {
    id: 'poe-port-au-prince-port',
    name: 'Port international de Port-au-Prince',
    type: 'seaport',
    communePcode: 'HT0111',
    position: [-72.348, 18.5555],
  },
  {
    id: 'poe-cap-haitien-airport',
    name: 'Aéroport du Cap-Haïtien',
    type: 'airport',
    communePcode: 'HT0311',
    position: [-72.1947, 19.733],
  },
  {
    id: 'poe-cap-haitien-port',
    name: 'Port du Cap-Haïtien',
    type: 'seaport',
    communePcode: 'HT0311',
    position: [-72.196, 19.76],
  },
];
