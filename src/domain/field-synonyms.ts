/**
 * Where each model field is found in the files people bring: HXL tags and the
 * column names of DTM site lists, COD-AB boundaries, Kobo and partner exports,
 * in English, French and Spanish. Names are written here as people write them
 * ("Number of Individuals", "Nombre d'individus"); the importer compares them
 * accent-, case-, space- and punctuation-insensitively, so "Nombre d’individus",
 * "NOMBRE_INDIVIDUS" and "nombre d'individus" are one name.
 *
 * HXL: `hxl` tags match a column whose tag carries at least these attributes
 * (in any order); `hxlExact` tags match only the same hashtag with the same
 * attributes — pre-1.0 hashtags (`#people_num`, `#lat_deg`, `#loc`…) and
 * broad 1.x tags (`#affected+idps`) that must not catch a narrower column
 * (`#affected+idps+hh` is households, not people).
 *
 * Each field also says what the import may do when a file lacks it:
 * - `required`: a measure (people) or an identity (id, P-code) or the name:
 *   the import is blocked until a column is mapped; never defaulted;
 * - `class`: a display class (site type, hazard severity…): rows without a
 *   recognised value need a value the user chooses and accepts, with the
 *   number of rows shown; `suggested` is offered first, never applied alone;
 * - `optional`: left empty when absent (households, needs, dates…).
 */
import type { LayerId } from './types';

/** How a field's raw value is turned into the model's type. */
export type FieldKind =
  | 'text'
  | 'number'
  /** People or households: whole, non-negative, plausible per site. */
  | 'count'
  | 'needSeverity'
  | 'date'
  | 'siteType'
  | 'hazardType'
  | 'severity'
  | 'controlLevel'
  | 'serviceType'
  | 'waterPointType'
  | 'adminLevel'
  | 'boolean';

/** What the import may do when the field has no value. */
export type FieldRequirement = 'required' | 'class' | 'optional';

/** One model field's synonyms. */
export interface FieldSynonyms {
  kind: FieldKind;
  requirement: FieldRequirement;
  /** For `class` fields: the value offered first (the user still has to accept it). */
  suggested?: string | number;
  hxl: readonly string[];
  hxlExact?: readonly string[];
  /** Column names as written in real files, most specific first. */
  names: readonly string[];
}

const SITE_ID: FieldSynonyms = {
  kind: 'text',
  requirement: 'required',
  hxl: ['#site+code', '#loc+code', '#site+id'],
  hxlExact: ['#loc_id', '#site_id'],
  names: [
    'id',
    'Site ID',
    'Site code',
    'ID site',
    'Code site',
    'Code du site',
    'Código del sitio',
    'SSID',
    'Camp ID',
    'Code',
    'FID',
  ],
};

const NAME: FieldSynonyms = {
  kind: 'text',
  requirement: 'required',
  hxl: ['#site+name', '#loc+name'],
  hxlExact: ['#loc', '#site'],
  names: [
    'name',
    'Site Name',
    'Camp Name',
    'Nom du site',
    'Nom site',
    'Nom du camp',
    'Nombre del sitio',
    'Nom',
    'Nombre',
    'Site nom',
    'Libellé',
    'Site',
    'Camp',
  ],
};

/** Numbering is accepted only when the user ticks it: hazard and control files rarely carry ids. */
const ZONE_ID: FieldSynonyms = { ...SITE_ID, requirement: 'class', suggested: 'numbered' };

const SOURCE: FieldSynonyms = {
  kind: 'text',
  requirement: 'optional',
  hxl: ['#meta+source'],
  hxlExact: ['#source'],
  names: ['source', 'sources', 'provider', 'fournisseur', 'fuente'],
};

const SITES: Record<string, FieldSynonyms> = {
  id: SITE_ID,
  name: NAME,
  siteType: {
    kind: 'siteType',
    requirement: 'class',
    suggested: 'spontaneous_site',
    hxl: ['#site+type', '#loc+type'],
    hxlExact: ['#loc_type', '#site_type'],
    names: ['Site type', 'Type of site', 'Type de site', 'Type site', 'Tipo de sitio', 'Typologie', 'Type'],
  },
  admin1Pcode: {
    kind: 'text',
    requirement: 'optional',
    hxl: ['#adm1+code'],
    hxlExact: ['#adm1_id', '#adm1_code'],
    names: [
      'ADM1 Pcode',
      'Admin1 Pcode',
      'ADM1 code',
      'Admin1 code',
      'Département Pcode',
      'Department Pcode',
      'Pcode département',
    ],
  },
  admin1Name: {
    kind: 'text',
    requirement: 'optional',
    hxl: ['#adm1+name'],
    hxlExact: ['#adm1'],
    names: [
      'ADM1 name',
      'Admin1 name',
      'ADM1_FR',
      'ADM1_EN',
      'Département',
      'Department',
      'Departamento',
      'ADM1',
    ],
  },
  admin2Pcode: {
    kind: 'text',
    requirement: 'optional',
    hxl: ['#adm2+code'],
    hxlExact: ['#adm2_id', '#adm2_code'],
    names: ['ADM2 Pcode', 'Admin2 Pcode', 'ADM2 code', 'Admin2 code', 'Commune Pcode', 'Pcode commune'],
  },
  admin2Name: {
    kind: 'text',
    requirement: 'optional',
    hxl: ['#adm2+name'],
    hxlExact: ['#adm2'],
    names: ['ADM2 name', 'Admin2 name', 'ADM2_FR', 'ADM2_EN', 'Commune', 'Municipio', 'ADM2'],
  },
  admin3Pcode: {
    kind: 'text',
    requirement: 'optional',
    hxl: ['#adm3+code'],
    hxlExact: ['#adm3_id', '#adm3_code'],
    names: [
      'ADM3 Pcode',
      'Admin3 Pcode',
      'ADM3 code',
      'Admin3 code',
      'Communal Section Pcode',
      'Section communale Pcode',
      'Pcode section communale',
      'Pcode section',
    ],
  },
  admin3Name: {
    kind: 'text',
    requirement: 'optional',
    hxl: ['#adm3+name'],
    hxlExact: ['#adm3'],
    names: [
      'ADM3 name',
      'Admin3 name',
      'ADM3_FR',
      'ADM3_EN',
      'Communal Section',
      'Section communale',
      'ADM3',
    ],
  },
  households: {
    kind: 'count',
    requirement: 'optional',
    hxl: ['#affected+idps+hh', '#affected+hh'],
    hxlExact: ['#households_num', '#hh_num'],
    names: [
      'households',
      'Number of Households',
      'Nb of households',
      'Total households',
      'Ménages',
      'Nombre de ménages',
      'Nb ménages',
      'Total ménages',
      'Número de hogares',
      'Hogares',
      'HH',
    ],
  },
  individuals: {
    kind: 'count',
    requirement: 'required',
    hxl: ['#affected+idps+ind', '#affected+ind'],
    hxlExact: ['#affected+idps', '#people_num', '#idps_num', '#affected_num'],
    names: [
      'individuals',
      'Number of Individuals',
      'Nb of individuals',
      'Total individuals',
      'Total IDPs',
      'Individus',
      "Nombre d'individus",
      'Nombre individus',
      'Nb individus',
      'Total individus',
      'Nombre de personnes',
      'Número de individuos',
      'Individuos',
      'Personas',
      'Persons',
      'Personnes',
      'People',
      'Population',
      'IDPs',
      'PDI',
      'PDIs',
      'Ind',
    ],
  },
  managementAgency: {
    kind: 'text',
    requirement: 'optional',
    hxl: ['#org+name'],
    hxlExact: ['#org'],
    names: [
      'Management agency',
      'Site management agency',
      'Agency',
      'Agence',
      'Agence de gestion',
      'Gestionnaire',
      'Organisation',
      'Organization',
      'Organización',
      'Org',
    ],
  },
  areaSquareMetres: {
    kind: 'number',
    requirement: 'optional',
    hxl: [],
    names: ['Area m2', 'Area (m²)', 'Area', 'Superficie m2', 'Superficie', 'Surface', 'Site area'],
  },
  needShelter: {
    kind: 'needSeverity',
    requirement: 'optional',
    hxl: [],
    names: ['Need shelter', 'Shelter need', 'Besoin abri', 'Shelter', 'Abri'],
  },
  needWash: {
    kind: 'needSeverity',
    requirement: 'optional',
    hxl: [],
    names: ['Need WASH', 'WASH need', 'Besoin WASH', 'Besoin EHA', 'WASH', 'EHA'],
  },
  needHealth: {
    kind: 'needSeverity',
    requirement: 'optional',
    hxl: [],
    names: ['Need health', 'Health need', 'Besoin santé', 'Health', 'Santé'],
  },
  needProtection: {
    kind: 'needSeverity',
    requirement: 'optional',
    hxl: [],
    names: ['Need protection', 'Protection need', 'Besoin protection', 'Protection'],
  },
  lastAssessment: {
    kind: 'date',
    requirement: 'optional',
    hxl: ['#date+reported', '#date'],
    hxlExact: ['#report_date'],
    names: [
      'Last assessment',
      'Assessment date',
      'Date of assessment',
      'Survey date',
      "Date de l'enquête",
      "Date d'évaluation",
      'Date évaluation',
      'Fecha de evaluación',
      'Date reported',
      'Report date',
      'Date',
      'Fecha',
    ],
  },
};

export const FIELD_SYNONYMS: Record<LayerId, Record<string, FieldSynonyms>> = {
  sites: SITES,
  hazards: {
    id: ZONE_ID,
    name: NAME,
    hazardType: {
      kind: 'hazardType',
      requirement: 'class',
      hxl: [],
      names: [
        'Hazard type',
        'Hazard',
        'Type aléa',
        "Type d'aléa",
        'Aléa',
        'Risque',
        'Risk',
        'Amenaza',
        'Type',
      ],
    },
    severity: {
      kind: 'severity',
      requirement: 'class',
      suggested: 'medium',
      hxl: ['#severity'],
      names: [
        'Severity',
        'Sévérité',
        'Niveau',
        'Level',
        'Classe',
        'Class',
        'Intensité',
        'Intensity',
        'Severidad',
      ],
    },
    source: SOURCE,
  },
  control: {
    id: ZONE_ID,
    name: NAME,
    controlLevel: {
      kind: 'controlLevel',
      requirement: 'class',
      hxl: [],
      names: [
        'Control level',
        'Niveau contrôle',
        'Contrôle',
        'Control',
        'Statut',
        'Status',
        'Niveau',
        'Level',
      ],
    },
    lastUpdate: {
      kind: 'date',
      requirement: 'optional',
      hxl: ['#date+updated', '#date+reported', '#date'],
      hxlExact: ['#report_date'],
      names: [
        'Last update',
        'Last updated',
        'Date mise à jour',
        'Mise à jour',
        'Date maj',
        'Updated',
        'Date',
      ],
    },
    source: SOURCE,
  },
  services: {
    id: SITE_ID,
    name: NAME,
    serviceType: {
      kind: 'serviceType',
      requirement: 'class',
      hxl: ['#service+type'],
      hxlExact: ['#sector'],
      names: [
        'Service type',
        'Type service',
        'Type de service',
        'Tipo de servicio',
        'Service',
        'Catégorie',
        'Category',
        'Type',
      ],
    },
    waterPointType: {
      kind: 'waterPointType',
      requirement: 'optional',
      hxl: [],
      names: [
        'Water point type',
        "Type point d'eau",
        "Type de point d'eau",
        "Point d'eau type",
        'Water type',
      ],
    },
    capacityLitresPerDay: {
      kind: 'number',
      requirement: 'optional',
      hxl: [],
      names: ['Capacity litres per day', 'Litres per day', 'Litres par jour', 'Capacity', 'Capacité'],
    },
    operator: {
      kind: 'text',
      requirement: 'optional',
      hxl: ['#org+name'],
      hxlExact: ['#org'],
      names: [
        'Operator',
        'Opérateur',
        'Agency',
        'Agence',
        'Partner',
        'Partenaire',
        'Organisation',
        'Organization',
        'Org',
      ],
    },
  },
  admin: {
    pcode: {
      kind: 'text',
      requirement: 'required',
      hxl: ['#adm3+code', '#adm2+code', '#adm1+code'],
      names: ['pcode', 'P-code', 'ADM3_PCODE', 'ADM2_PCODE', 'ADM1_PCODE'],
    },
    name: {
      kind: 'text',
      requirement: 'required',
      hxl: ['#adm3+name', '#adm2+name', '#adm1+name'],
      names: ['name', 'Nom', 'ADM2_FR', 'ADM2_EN', 'ADM2_HT', 'ADM2 name', 'ADM1_FR', 'ADM1_EN', 'ADM1_HT'],
    },
    level: {
      kind: 'adminLevel',
      requirement: 'class',
      hxl: [],
      names: ['level', 'Niveau', 'Admin level', 'Nivel'],
    },
    parentPcode: {
      kind: 'text',
      requirement: 'optional',
      hxl: [],
      names: ['Parent Pcode', 'ADM1_PCODE'],
    },
    parentName: {
      kind: 'text',
      requirement: 'optional',
      hxl: [],
      names: ['Parent name', 'ADM1_FR', 'ADM1_EN', 'ADM1_HT', 'ADM1 name'],
    },
    approximate: {
      kind: 'boolean',
      requirement: 'optional',
      hxl: [],
      names: ['approximate', 'approximatif'],
    },
  },
};

/**
 * Coordinates of point files. Besides these names, a file with exactly one
 * column whose name holds "latitude" (and one holding "longitude") is read
 * from them: "Centre latitude", "GPS latitude (decimal)".
 */
export const COORDINATE_SYNONYMS = {
  latitude: {
    hxl: ['#geo+lat'],
    hxlExact: ['#lat_deg', '#lat'],
    names: ['lat', 'latitude', 'y', 'GPS latitude', '_GPS_latitude', 'geo lat', 'latitude dd', 'coord y'],
  },
  longitude: {
    hxl: ['#geo+lon'],
    hxlExact: ['#lon_deg', '#lon', '#long_deg'],
    names: [
      'lon',
      'lng',
      'long',
      'longitude',
      'x',
      'GPS longitude',
      '_GPS_longitude',
      'geo lon',
      'longitude dd',
      'coord x',
    ],
  },
} as const;

/**
 * The site fields that locate a site without coordinates (DTM extracts with
 * P-codes and counts only): finest first. Such a site is counted by admin
 * area, never drawn and never given invented coordinates.
 */
export const SITE_LOCATION_FIELDS = ['admin3Pcode', 'admin2Pcode', 'admin2Name', 'admin1Pcode'] as const;

/**
 * Columns of a movements (flows) table (issue 17): each side of a movement is
 * placed by an admin P-code, an admin or place name, or coordinates; HXL marks
 * the side with `+origin` / `+dest`. The count, date and category complete a row.
 */
export const FLOW_SYNONYMS = {
  originCode: {
    hxl: ['#adm2+code+origin', '#adm3+code+origin', '#adm1+code+origin', '#loc+code+origin'],
    names: ['origin pcode', 'origin code', 'adm2 pcode origin', 'pcode origine', 'code origine'],
  },
  originName: {
    hxl: ['#adm2+name+origin', '#adm2+origin', '#loc+name+origin', '#loc+origin', '#country+origin'],
    names: ['origin', 'origine', 'origin commune', 'commune origine', 'from', 'depuis', 'kote yo soti'],
  },
  originLatitude: { hxl: ['#geo+lat+origin'], names: ['origin latitude', 'origin lat', 'latitude origine'] },
  originLongitude: {
    hxl: ['#geo+lon+origin'],
    names: ['origin longitude', 'origin lon', 'longitude origine'],
  },
  destinationCode: {
    hxl: ['#adm2+code+dest', '#adm3+code+dest', '#adm1+code+dest', '#loc+code+dest'],
    names: ['destination pcode', 'destination code', 'dest pcode', 'pcode destination', 'code destination'],
  },
  destinationName: {
    hxl: ['#adm2+name+dest', '#adm2+dest', '#loc+name+dest', '#loc+dest'],
    names: ['destination', 'destination commune', 'commune destination', 'to', 'vers', 'kote yo ale'],
  },
  destinationLatitude: {
    hxl: ['#geo+lat+dest'],
    names: ['destination latitude', 'dest lat', 'latitude destination'],
  },
  destinationLongitude: {
    hxl: ['#geo+lon+dest'],
    names: ['destination longitude', 'dest lon', 'longitude destination'],
  },
  count: {
    hxl: ['#affected+ind', '#affected', '#population+ind', '#reached+ind'],
    names: ['individuals', 'individus', 'people', 'personnes', 'persons', 'count', 'nombre', 'moun', 'total'],
  },
  date: { hxl: ['#date'], names: ['date', 'movement date', 'date mouvement', 'dat'] },
  category: {
    hxl: ['#category', '#indicator+category', '#type'],
    names: ['category', 'categorie', 'movement type', 'type mouvement', 'type', 'kategori'],
  },
} as const satisfies Record<string, { hxl: readonly string[]; names: readonly string[] }>;
