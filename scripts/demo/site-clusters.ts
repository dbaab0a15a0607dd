/**
 * Where the synthetic sites cluster: one entry per neighbourhood group, with
 * its commune, a rough centre, a spread and a share of the sites. The metro
 * gets 75 % of the sites (DTM counts most IDP sites there, see
 * shared/DOMAIN.md); the rest go to the towns that host people fleeing the
 * capital or still hit by the 2021 earthquake and floods. Neighbourhood names
 * are real quarters, used only to make site names look familiar.
 */

export interface SiteCluster {
  communePcode: string;
  /** Longitude, latitude of the cluster's centre. */
  centre: [number, number];
  /** Standard deviation of the distance from the centre, in kilometres. */
  spreadKilometres: number;
  /** Relative share of the region's sites. */
  weight: number;
  /** Neighbourhoods, used in site names. */
  places: readonly string[];
}

/** Share of all sites in the Port-au-Prince metro clusters. */
export const METRO_SHARE = 0.75;

export const METRO_CLUSTERS: readonly SiteCluster[] = [
  {
    communePcode: 'HT0111',
    centre: [-72.337, 18.545],
    spreadKilometres: 1.1,
    weight: 15,
    places: [
      'Bel-Air',
      'Champ de Mars',
      'Fort National',
      'Poste Marchand',
      'Lalue',
      'Bas-Peu-de-Chose',
      'Saint-Martin',
      'Solino',
      'Nazon',
      'Christ-Roi',
      'Turgeau',
      'Pacot',
    ],
  },
  {
    communePcode: 'HT0111',
    centre: [-72.362, 18.531],
    spreadKilometres: 0.9,
    weight: 6,
    places: ['Martissant', 'Carrefour-Feuilles', 'Bolosse', 'Portail Léogâne', 'Sainte-Bernadette'],
  },
  {
    communePcode: 'HT0112',
    centre: [-72.302, 18.552],
    spreadKilometres: 1.3,
    weight: 14,
    places: [
      'Delmas 2',
      'Delmas 19',
      'Delmas 31',
      'Delmas 33',
      'Delmas 40B',
      'Delmas 60',
      'Delmas 75',
      'Delmas 83',
      'Village de Dieu',
    ],
  },
  {
    communePcode: 'HT0114',
    centre: [-72.284, 18.512],
    spreadKilometres: 1.1,
    weight: 9,
    places: [
      'Jalousie',
      'Morne Calvaire',
      'Bois Moquette',
      'Juvénat',
      'Pèlerin',
      'Morne Lazarre',
      'Morne Hercule',
    ],
  },
  {
    communePcode: 'HT0113',
    centre: [-72.405, 18.534],
    spreadKilometres: 1.4,
    weight: 8,
    places: ['Mariani', 'Diquini', 'Waney', 'Bizoton', 'Thor', 'Brochette', 'Arcachon'],
  },
  {
    communePcode: 'HT0117',
    centre: [-72.334, 18.578],
    spreadKilometres: 1.1,
    weight: 10,
    places: ['Bois Neuf', 'Brooklyn', 'Boston', 'Drouillard', 'Soleil 17', 'Ti Haïti', 'Projet Drouillard'],
  },
  {
    communePcode: 'HT0118',
    centre: [-72.268, 18.576],
    spreadKilometres: 1.4,
    weight: 8,
    places: ['Clercine', 'Tabarre 27', 'Tabarre 48', 'Butte Boyer', 'Marin', 'Carradeux'],
  },
  {
    communePcode: 'HT0131',
    centre: [-72.222, 18.582],
    spreadKilometres: 2.4,
    weight: 7,
    places: ['Santo', 'Noailles', 'Duvivier', 'Meyotte', 'Lilavois', 'Corail-Cesselesse', 'Bon Repos'],
  },
];

export const PROVINCE_CLUSTERS: readonly SiteCluster[] = [
  {
    communePcode: 'HT0511',
    centre: [-72.69, 19.447],
    spreadKilometres: 1.8,
    weight: 14,
    places: ['Raboteau', 'Jubilé', 'Descahos', 'Bienac', 'Trou Sable'],
  },
  {
    communePcode: 'HT0531',
    centre: [-72.695, 19.108],
    spreadKilometres: 1.5,
    weight: 6,
    places: ['Portail Guêpes', 'Pivert', 'Délugé', 'Bois Galette'],
  },
  {
    communePcode: 'HT0311',
    centre: [-72.206, 19.755],
    spreadKilometres: 1.4,
    weight: 12,
    places: ['Shada', 'Nan Bannann', 'Fossette', 'Rival', 'Carénage', 'Cité du Peuple'],
  },
  {
    communePcode: 'HT0711',
    centre: [-73.752, 18.197],
    spreadKilometres: 1.8,
    weight: 11,
    places: ['Quatre Chemins', 'Bourdet', 'Gelée', 'Mercy', 'La Savane'],
  },
  {
    communePcode: 'HT0811',
    centre: [-74.115, 18.645],
    spreadKilometres: 1.5,
    weight: 9,
    places: ['Bordes', 'Sainte-Hélène', 'Basse-Ville', 'Haut-Gascogne'],
  },
  {
    communePcode: 'HT0621',
    centre: [-72.105, 18.835],
    spreadKilometres: 1.6,
    weight: 9,
    places: ['Ti Bwa', 'Crête Brûlée', 'Trianon', 'Morne Michel'],
  },
  {
    communePcode: 'HT0611',
    centre: [-72.016, 19.147],
    spreadKilometres: 1.6,
    weight: 6,
    places: ['Marché Cochon', 'Bas-Hinche', 'Savane Diane'],
  },
  {
    communePcode: 'HT1011',
    centre: [-73.09, 18.443],
    spreadKilometres: 1.4,
    weight: 7,
    places: ['Bas-Ville', 'Morne Rouge', 'Savane Salée'],
  },
  {
    communePcode: 'HT1021',
    centre: [-73.345, 18.498],
    spreadKilometres: 1.4,
    weight: 5,
    places: ['Grand Fond', 'Morne Pierre', 'Baconnois'],
  },
  {
    communePcode: 'HT0151',
    centre: [-72.633, 18.51],
    spreadKilometres: 1.6,
    weight: 7,
    places: ['Darbonne', 'Dessources', 'Gressier-Ville', 'Ça Ira'],
  },
  {
    communePcode: 'HT0121',
    centre: [-72.52, 18.772],
    spreadKilometres: 1.6,
    weight: 6,
    places: ['Mattheux', 'Fonds Baptiste', 'Bois Neuf'],
  },
  {
    communePcode: 'HT0211',
    centre: [-72.535, 18.236],
    spreadKilometres: 1.4,
    weight: 4,
    places: ['La Gosseline', 'Bas-Ville', 'Bel-Air'],
  },
  {
    communePcode: 'HT0911',
    centre: [-72.832, 19.935],
    spreadKilometres: 1.4,
    weight: 4,
    places: ['La Pointe', 'Cité Plaisance', 'Ti Kwen'],
  },
];
