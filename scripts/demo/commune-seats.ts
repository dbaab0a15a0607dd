/**
 * Commune seats (chefs-lieux) of Haiti, the generators of the approximate
 * commune polygons (Voronoi cells clipped to the coastline).
 *
 * Coordinates are APPROXIMATE (town centres, from general geographic
 * knowledge, not surveyed) and the P-codes follow the COD-AB scheme
 * (HT + department + arrondissement digit + commune digit) from memory: they
 * match the official ones for the Port-au-Prince metro and most others, but
 * this table is demo material, not a reference gazetteer.
 */

/** A department (admin level 1). */
export interface Department {
  pcode: string;
  name: string;
}

export const DEPARTMENTS: readonly Department[] = [
  { pcode: 'HT01', name: 'Ouest' },
  { pcode: 'HT02', name: 'Sud-Est' },
  { pcode: 'HT03', name: 'Nord' },
  { pcode: 'HT04', name: 'Nord-Est' },
  { pcode: 'HT05', name: 'Artibonite' },
  { pcode: 'HT06', name: 'Centre' },
  { pcode: 'HT07', name: 'Sud' },
  { pcode: 'HT08', name: "Grand'Anse" },
  { pcode: 'HT09', name: 'Nord-Ouest' },
  { pcode: 'HT10', name: 'Nippes' },
];

/** A commune seat: where the town is, and which commune and department it stands for. */
export interface CommuneSeat {
  pcode: string;
  name: string;
  longitude: number;
  latitude: number;
}

/** The department P-code is the first four characters of a commune P-code. */
export function departmentOf(communePcode: string): Department {
  const department = DEPARTMENTS.find((candidate) => candidate.pcode === communePcode.slice(0, 4));
  if (department === undefined) throw new Error(`No department for commune ${communePcode}`);
  return department;
}

const seat = (pcode: string, name: string, longitude: number, latitude: number): CommuneSeat => ({
  pcode,
  name,
  longitude,
  latitude,
});

export const COMMUNE_SEATS: readonly CommuneSeat[] = [
  // Ouest — Port-au-Prince arrondissement (the metro).
  seat('HT0111', 'Port-au-Prince', -72.3388, 18.5435),
  seat('HT0112', 'Delmas', -72.3005, 18.5505),
  seat('HT0113', 'Carrefour', -72.3995, 18.5345),
  seat('HT0114', 'Pétion-Ville', -72.2855, 18.5125),
  seat('HT0115', 'Kenscoff', -72.2855, 18.4505),
  seat('HT0116', 'Gressier', -72.527, 18.54),
  seat('HT0117', 'Cité Soleil', -72.3345, 18.581),
  seat('HT0118', 'Tabarre', -72.27, 18.577),
  // Ouest — Arcahaie, Croix-des-Bouquets, La Gonâve, Léogâne arrondissements.
  seat('HT0121', 'Arcahaie', -72.523, 18.773),
  seat('HT0122', 'Cabaret', -72.42, 18.734),
  seat('HT0131', 'Croix-des-Bouquets', -72.225, 18.578),
  seat('HT0132', 'Ganthier', -72.07, 18.53),
  seat('HT0133', 'Cornillon', -71.954, 18.675),
  seat('HT0134', 'Fonds-Verrettes', -71.857, 18.395),
  seat('HT0135', 'Thomazeau', -72.093, 18.653),
  seat('HT0141', 'Anse-à-Galets', -72.867, 18.833),
  seat('HT0142', 'Pointe-à-Raquette', -73.08, 18.765),
  seat('HT0151', 'Léogâne', -72.633, 18.511),
  seat('HT0152', 'Petit-Goâve', -72.863, 18.431),
  seat('HT0153', 'Grand-Goâve', -72.77, 18.43),
  // Sud-Est.
  seat('HT0211', 'Jacmel', -72.535, 18.234),
  seat('HT0212', 'Marigot', -72.315, 18.232),
  seat('HT0213', 'Cayes-Jacmel', -72.395, 18.232),
  seat('HT0214', 'La Vallée', -72.66, 18.27),
  seat('HT0221', 'Bainet', -72.748, 18.18),
  seat('HT0222', 'Côtes-de-Fer', -73.0, 18.19),
  seat('HT0231', 'Belle-Anse', -72.066, 18.238),
  seat('HT0232', 'Grand-Gosier', -71.914, 18.232),
  seat('HT0233', 'Thiotte', -71.844, 18.248),
  seat('HT0234', 'Anse-à-Pitres', -71.753, 18.045),
  // Nord.
  seat('HT0311', 'Cap-Haïtien', -72.204, 19.758),
  seat('HT0312', 'Quartier-Morin', -72.16, 19.697),
  seat('HT0313', 'Limonade', -72.126, 19.67),
  seat('HT0321', 'Acul-du-Nord', -72.316, 19.696),
  seat('HT0322', 'Plaine-du-Nord', -72.27, 19.679),
  seat('HT0323', 'Milot', -72.213, 19.608),
  seat('HT0331', 'Grande-Rivière-du-Nord', -72.168, 19.576),
  seat('HT0332', 'Bahon', -72.112, 19.472),
  seat('HT0341', 'Borgne', -72.526, 19.845),
  seat('HT0342', 'Port-Margot', -72.429, 19.751),
  seat('HT0351', 'Limbé', -72.4, 19.705),
  seat('HT0352', 'Bas-Limbé', -72.38, 19.795),
  seat('HT0361', 'Plaisance', -72.468, 19.598),
  seat('HT0362', 'Pilate', -72.55, 19.67),
  seat('HT0371', 'Saint-Raphaël', -72.2, 19.438),
  seat('HT0372', 'Dondon', -72.242, 19.528),
  seat('HT0373', 'Ranquitte', -72.08, 19.413),
  seat('HT0374', 'Pignon', -72.119, 19.335),
  seat('HT0375', 'La Victoire', -72.015, 19.462),
  // Nord-Est.
  seat('HT0411', 'Fort-Liberté', -71.838, 19.663),
  seat('HT0412', 'Perches', -71.93, 19.518),
  seat('HT0413', 'Ferrier', -71.78, 19.62),
  seat('HT0421', 'Ouanaminthe', -71.724, 19.55),
  seat('HT0422', 'Capotille', -71.701, 19.448),
  seat('HT0423', 'Mont-Organisé', -71.781, 19.407),
  seat('HT0431', 'Trou-du-Nord', -72.021, 19.617),
  seat('HT0432', 'Sainte-Suzanne', -72.09, 19.58),
  seat('HT0433', 'Terrier-Rouge', -71.948, 19.636),
  seat('HT0434', 'Caracol', -72.016, 19.692),
  seat('HT0441', 'Vallières', -71.927, 19.425),
  seat('HT0442', 'Carice', -71.833, 19.375),
  seat('HT0443', 'Mombin-Crochu', -71.995, 19.362),
  // Artibonite.
  seat('HT0511', 'Gonaïves', -72.689, 19.448),
  seat('HT0512', 'Ennery', -72.483, 19.483),
  seat('HT0513', "L'Estère", -72.606, 19.328),
  seat('HT0521', 'Gros-Morne', -72.68, 19.671),
  seat('HT0522', 'Terre-Neuve', -72.786, 19.602),
  seat('HT0523', 'Anse-Rouge', -73.055, 19.635),
  seat('HT0531', 'Saint-Marc', -72.693, 19.108),
  seat('HT0532', 'Verrettes', -72.465, 19.05),
  seat('HT0533', 'La Chapelle', -72.3, 19.01),
  seat('HT0541', 'Dessalines', -72.516, 19.261),
  seat('HT0542', 'Desdunes', -72.64, 19.29),
  seat('HT0543', 'Grande-Saline', -72.78, 19.26),
  seat('HT0544', "Petite-Rivière-de-l'Artibonite", -72.48, 19.13),
  seat('HT0551', 'Marmelade', -72.36, 19.518),
  seat('HT0552', "Saint-Michel-de-l'Attalaye", -72.335, 19.372),
  // Centre.
  seat('HT0611', 'Hinche', -72.015, 19.148),
  seat('HT0612', 'Maïssade', -72.135, 19.174),
  seat('HT0613', 'Thomonde', -71.965, 19.015),
  seat('HT0614', 'Cerca-Carvajal', -72.031, 19.259),
  seat('HT0621', 'Mirebalais', -72.105, 18.833),
  seat('HT0622', "Saut-d'Eau", -72.2, 18.815),
  seat('HT0623', 'Boucan-Carré', -72.2, 18.948),
  seat('HT0631', 'Lascahobas', -71.94, 18.83),
  seat('HT0632', 'Belladère', -71.772, 18.86),
  seat('HT0633', 'Savanette', -71.88, 18.695),
  seat('HT0641', 'Cerca-la-Source', -71.79, 19.168),
  seat('HT0642', 'Thomassique', -71.836, 19.08),
  // Sud.
  seat('HT0711', 'Les Cayes', -73.75, 18.193),
  seat('HT0712', 'Camp-Perrin', -73.864, 18.319),
  seat('HT0713', 'Maniche', -73.775, 18.34),
  seat('HT0714', 'Chantal', -73.89, 18.203),
  seat('HT0715', 'Torbeck', -73.81, 18.164),
  seat('HT0716', 'Île-à-Vache', -73.683, 18.07),
  seat('HT0721', 'Port-Salut', -73.919, 18.082),
  seat('HT0731', 'Aquin', -73.396, 18.279),
  seat('HT0732', 'Cavaillon', -73.654, 18.3),
  seat('HT0733', 'Saint-Louis-du-Sud', -73.545, 18.262),
  seat('HT0741', 'Chardonnières', -74.165, 18.274),
  seat('HT0742', 'Les Anglais', -74.22, 18.306),
  seat('HT0743', 'Tiburon', -74.395, 18.325),
  seat('HT0751', 'Côteaux', -74.033, 18.205),
  seat('HT0752', 'Port-à-Piment', -74.1, 18.25),
  // Grand'Anse.
  seat('HT0811', 'Jérémie', -74.117, 18.65),
  seat('HT0812', 'Abricots', -74.308, 18.647),
  seat('HT0813', 'Bonbon', -74.21, 18.63),
  seat('HT0814', 'Moron', -74.256, 18.56),
  seat('HT0821', "Anse-d'Hainault", -74.458, 18.493),
  seat('HT0822', 'Dame-Marie', -74.417, 18.561),
  seat('HT0823', 'Les Irois', -74.453, 18.405),
  seat('HT0831', 'Corail', -73.889, 18.568),
  seat('HT0832', 'Roseaux', -73.95, 18.6),
  seat('HT0833', 'Beaumont', -73.95, 18.483),
  seat('HT0834', 'Pestel', -73.79, 18.54),
  // Nord-Ouest.
  seat('HT0911', 'Port-de-Paix', -72.833, 19.939),
  seat('HT0912', 'Île de la Tortue', -72.8, 20.04),
  seat('HT0913', 'Bassin-Bleu', -72.808, 19.788),
  seat('HT0914', 'Chansolme', -72.97, 19.87),
  seat('HT0921', 'Saint-Louis-du-Nord', -72.723, 19.932),
  seat('HT0922', 'Anse-à-Foleur', -72.62, 19.9),
  seat('HT0931', 'Môle-Saint-Nicolas', -73.376, 19.806),
  seat('HT0932', 'Baie-de-Henne', -73.205, 19.67),
  seat('HT0933', 'Bombardopolis', -73.337, 19.69),
  seat('HT0934', 'Jean-Rabel', -73.19, 19.853),
  // Nippes.
  seat('HT1011', 'Miragoâne', -73.088, 18.445),
  seat('HT1012', 'Petite-Rivière-de-Nippes', -73.235, 18.478),
  seat('HT1013', 'Paillant', -73.07, 18.39),
  seat('HT1014', 'Fonds-des-Nègres', -73.231, 18.372),
  seat('HT1021', 'Anse-à-Veau', -73.344, 18.5),
  seat('HT1022', 'Arnaud', -73.4, 18.45),
  seat('HT1023', "L'Asile", -73.414, 18.385),
  seat('HT1024', 'Petit-Trou-de-Nippes', -73.507, 18.526),
  seat('HT1025', 'Plaisance-du-Sud', -73.56, 18.35),
  seat('HT1031', 'Baradères', -73.639, 18.482),
  seat('HT1032', 'Grand-Boucan', -73.711, 18.503),
];

/** The metro communes where most displacement sites are (see shared/DOMAIN.md). */
export const METRO_SITE_COMMUNES: readonly string[] = [
  'HT0111', // Port-au-Prince
  'HT0112', // Delmas
  'HT0113', // Carrefour
  'HT0114', // Pétion-Ville
  'HT0117', // Cité Soleil
  'HT0118', // Tabarre
  'HT0131', // Croix-des-Bouquets
];
