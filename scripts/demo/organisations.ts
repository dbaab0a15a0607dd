/**
 * Who manages sites and runs services. IOM, DGPC (civil protection), DINEPA
 * (water) and MSPP (health) are the real public bodies; the NGO names are
 * FICTIONAL, made up for the demo (data/README.md says so).
 */

export const FICTIONAL_ORGANISATIONS = [
  'Lakou Ansanm',
  'Abri Solidè',
  'Dlo Klè Ayiti',
  'Sante Pou Tout',
] as const;

export const SITE_MANAGEMENT_AGENCIES: readonly (readonly [string, number])[] = [
  ['IOM', 30],
  ['DGPC', 20],
  ['Lakou Ansanm', 15],
  ['Abri Solidè', 15],
  ['Dlo Klè Ayiti', 10],
  ['Sante Pou Tout', 10],
];

export const WATER_OPERATORS: readonly (readonly [string, number])[] = [
  ['DINEPA', 35],
  ['IOM', 25],
  ['Dlo Klè Ayiti', 30],
  ['Lakou Ansanm', 10],
];

export const HEALTH_OPERATORS: readonly (readonly [string, number])[] = [
  ['MSPP', 50],
  ['Sante Pou Tout', 35],
  ['IOM', 15],
];

export const DISTRIBUTION_OPERATORS: readonly (readonly [string, number])[] = [
  ['IOM', 40],
  ['DGPC', 20],
  ['Abri Solidè', 25],
  ['Lakou Ansanm', 15],
];
