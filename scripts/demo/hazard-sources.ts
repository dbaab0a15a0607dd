/**
 * Hand-written hazard sources. Rivers are rough courses of real rivers
 * (a dozen points each, from general geographic knowledge, upstream first);
 * coasts are boxes from which the real Natural Earth coastline is taken;
 * mountain areas and epicentres are centres with sizes. Widths are in km and
 * list the high, medium, low bands from the source outwards.
 */
import type { BBox } from 'geojson';
import type { EllipseShape } from './noisy-shapes';

export interface River {
  name: string;
  course: [number, number][];
  bandKilometres: [number, number, number];
}

export const RIVERS: readonly River[] = [
  {
    name: "Basse vallée de l'Artibonite",
    course: [
      [-72.3, 19.02],
      [-72.36, 19.06],
      [-72.42, 19.1],
      [-72.48, 19.125],
      [-72.54, 19.14],
      [-72.6, 19.15],
      [-72.65, 19.18],
      [-72.7, 19.21],
      [-72.75, 19.24],
      [-72.79, 19.265],
    ],
    bandKilometres: [1.2, 3, 6],
  },
  {
    name: 'Rivière Grise (plaine du Cul-de-Sac)',
    course: [
      [-72.215, 18.47],
      [-72.225, 18.5],
      [-72.235, 18.53],
      [-72.25, 18.555],
      [-72.262, 18.575],
      [-72.278, 18.592],
      [-72.298, 18.604],
      [-72.318, 18.612],
      [-72.338, 18.618],
    ],
    bandKilometres: [0.5, 1.3, 2.6],
  },
  {
    name: 'Rivière Blanche (plaine du Cul-de-Sac)',
    course: [
      [-72.02, 18.56],
      [-72.07, 18.57],
      [-72.12, 18.575],
      [-72.17, 18.58],
      [-72.21, 18.585],
      [-72.25, 18.595],
      [-72.28, 18.6],
      [-72.3, 18.606],
    ],
    bandKilometres: [0.4, 1, 2.2],
  },
  {
    name: 'Rivière Momance (Léogâne)',
    course: [
      [-72.55, 18.38],
      [-72.56, 18.41],
      [-72.575, 18.44],
      [-72.585, 18.47],
      [-72.595, 18.495],
      [-72.6, 18.52],
      [-72.605, 18.545],
    ],
    bandKilometres: [0.6, 1.5, 3],
  },
  {
    name: 'Ravine du Sud (plaine des Cayes)',
    course: [
      [-73.87, 18.335],
      [-73.855, 18.31],
      [-73.835, 18.285],
      [-73.815, 18.26],
      [-73.795, 18.24],
      [-73.775, 18.22],
      [-73.758, 18.203],
      [-73.745, 18.188],
    ],
    bandKilometres: [0.6, 1.5, 3],
  },
  {
    name: 'Trois Rivières (Port-de-Paix)',
    course: [
      [-72.6, 19.62],
      [-72.63, 19.645],
      [-72.66, 19.67],
      [-72.69, 19.71],
      [-72.72, 19.75],
      [-72.75, 19.79],
      [-72.78, 19.84],
      [-72.805, 19.89],
      [-72.825, 19.935],
    ],
    bandKilometres: [0.5, 1.2, 2.5],
  },
  {
    name: 'Grande Rivière du Nord',
    course: [
      [-72.17, 19.54],
      [-72.172, 19.575],
      [-72.165, 19.61],
      [-72.155, 19.645],
      [-72.145, 19.68],
      [-72.135, 19.71],
      [-72.125, 19.735],
    ],
    bandKilometres: [0.5, 1.2, 2.5],
  },
];

export interface Coast {
  name: string;
  /** West, south, east, north: the stretch of Natural Earth coastline to buffer. */
  box: BBox;
  bandKilometres: [number, number, number];
}

export const SURGE_COASTS: readonly Coast[] = [
  {
    name: 'Baie de Port-au-Prince (Carrefour – Cité Soleil)',
    box: [-72.47, 18.515, -72.3, 18.66],
    bandKilometres: [0.5, 1.2, 2.2],
  },
  { name: 'Baie des Gonaïves', box: [-72.8, 19.36, -72.6, 19.52], bandKilometres: [0.5, 1.2, 2.5] },
  { name: 'Baie du Cap-Haïtien', box: [-72.26, 19.66, -71.95, 19.8], bandKilometres: [0.4, 1, 2] },
  { name: 'Littoral des Cayes', box: [-73.88, 18.12, -73.62, 18.24], bandKilometres: [0.5, 1.2, 2.5] },
];

export interface MountainArea {
  name: string;
  /** High band innermost; each shape must contain the previous one. */
  shapes: [EllipseShape, EllipseShape, EllipseShape];
}

export const LANDSLIDE_AREAS: readonly MountainArea[] = [
  {
    name: 'Massif de la Selle (Kenscoff – Pétion-Ville)',
    shapes: [
      { centre: [-72.27, 18.43], eastKilometres: 7, northKilometres: 3.5 },
      { centre: [-72.26, 18.43], eastKilometres: 13, northKilometres: 6 },
      { centre: [-72.2, 18.42], eastKilometres: 24, northKilometres: 9 },
    ],
  },
  {
    name: "Morne l'Hôpital (Port-au-Prince)",
    shapes: [
      { centre: [-72.33, 18.513], eastKilometres: 3.2, northKilometres: 1.1, rotationDegrees: 10 },
      { centre: [-72.33, 18.513], eastKilometres: 4.5, northKilometres: 1.9, rotationDegrees: 10 },
      { centre: [-72.33, 18.51], eastKilometres: 6, northKilometres: 2.8, rotationDegrees: 10 },
    ],
  },
  {
    name: 'Massif de la Hotte',
    shapes: [
      { centre: [-74.03, 18.39], eastKilometres: 12, northKilometres: 5 },
      { centre: [-74.03, 18.4], eastKilometres: 24, northKilometres: 9 },
      { centre: [-74.0, 18.42], eastKilometres: 38, northKilometres: 14 },
    ],
  },
  {
    name: 'Massif du Nord',
    shapes: [
      { centre: [-72.28, 19.5], eastKilometres: 9, northKilometres: 5, rotationDegrees: -30 },
      { centre: [-72.26, 19.48], eastKilometres: 20, northKilometres: 9, rotationDegrees: -30 },
      { centre: [-72.22, 19.45], eastKilometres: 34, northKilometres: 13, rotationDegrees: -30 },
    ],
  },
];

/**
 * Shaking bands around the 2010 (M7.0) and 2021 (M7.2) epicentres, stretched
 * east–west along the Enriquillo–Plantain Garden fault.
 */
export const EARTHQUAKES: readonly MountainArea[] = [
  {
    name: 'Séisme de 2010 (épicentre près de Léogâne)',
    shapes: [
      { centre: [-72.533, 18.457], eastKilometres: 28, northKilometres: 10, rotationDegrees: 3 },
      { centre: [-72.533, 18.457], eastKilometres: 50, northKilometres: 20, rotationDegrees: 3 },
      { centre: [-72.533, 18.457], eastKilometres: 85, northKilometres: 35, rotationDegrees: 3 },
    ],
  },
  {
    name: 'Séisme de 2021 (épicentre Nippes)',
    shapes: [
      { centre: [-73.475, 18.408], eastKilometres: 30, northKilometres: 11, rotationDegrees: 3 },
      { centre: [-73.475, 18.408], eastKilometres: 55, northKilometres: 21, rotationDegrees: 3 },
      { centre: [-73.475, 18.408], eastKilometres: 90, northKilometres: 36, rotationDegrees: 3 },
    ],
  },
];
