/**
 * Where each model field is usually found: HXL tags (DOMAIN.md) first, then
 * column names seen in DTM, Kobo and partner exports (normalised, French and
 * English). The model's own camelCase name is always accepted, so our exports
 * read back without help.
 */
import type { LayerId } from '../domain/types';

/** The layer a file is imported as. */
export type LayerRole = LayerId;

/** How a model field's raw value is turned into the model's type. */
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

export interface FieldCandidates {
  kind: FieldKind;
  tags: readonly string[];
  /** Normalised column names (see `normaliseFieldName`), most specific first. */
  names: readonly string[];
}

const ID: FieldCandidates = {
  kind: 'text',
  tags: ['#site+code', '#loc+code', '#site+id'],
  names: ['id', 'siteid', 'sitecode', 'idsite', 'codesite', 'code', 'ssid', 'fid'],
};
const NAME: FieldCandidates = {
  kind: 'text',
  tags: ['#site+name', '#loc+name'],
  names: ['name', 'sitename', 'nomsite', 'nomdusite', 'nom', 'sitenom', 'libelle'],
};
const SOURCE: FieldCandidates = {
  kind: 'text',
  tags: ['#meta+source'],
  names: ['source', 'sources', 'provider', 'fournisseur'],
};

/** Candidates per role and model field, in the order fields claim columns. */
export const FIELD_CANDIDATES: Record<LayerRole, Record<string, FieldCandidates>> = {
  sites: {
    id: ID,
    name: NAME,
    siteType: {
      kind: 'siteType',
      tags: ['#site+type', '#loc+type'],
      names: ['sitetype', 'typesite', 'typedesite', 'typologie', 'type'],
    },
    admin1Pcode: {
      kind: 'text',
      tags: ['#adm1+code'],
      names: ['adm1pcode', 'admin1pcode', 'adm1code', 'admin1code', 'departementpcode', 'departmentpcode'],
    },
    admin1Name: {
      kind: 'text',
      tags: ['#adm1+name'],
      names: ['adm1name', 'admin1name', 'adm1fr', 'adm1en', 'departement', 'department', 'adm1'],
    },
    admin2Pcode: {
      kind: 'text',
      tags: ['#adm2+code'],
      names: ['adm2pcode', 'admin2pcode', 'adm2code', 'admin2code', 'communepcode'],
    },
    admin2Name: {
      kind: 'text',
      tags: ['#adm2+name'],
      names: ['adm2name', 'admin2name', 'adm2fr', 'adm2en', 'commune', 'adm2'],
    },
    households: {
      kind: 'count',
      tags: ['#affected+idps+hh', '#affected+hh'],
      names: [
        'households',
        'menages',
        'nombremenages',
        'nbmenages',
        'numberofhouseholds',
        'totalhouseholds',
        'totalmenages',
        'hh',
      ],
    },
    individuals: {
      kind: 'count',
      tags: ['#affected+idps+ind', '#affected+ind'],
      names: [
        'individuals',
        'individus',
        'nombreindividus',
        'totalindividuals',
        'totalindividus',
        'persons',
        'personnes',
        'population',
        'idps',
        'pdi',
        'ind',
      ],
    },
    managementAgency: {
      kind: 'text',
      tags: ['#org+name'],
      names: [
        'managementagency',
        'sitemanagementagency',
        'agency',
        'agence',
        'agencedegestion',
        'gestionnaire',
        'organisation',
        'organization',
        'org',
      ],
    },
    areaSquareMetres: {
      kind: 'number',
      tags: [],
      names: ['areasquaremetres', 'aream2', 'area', 'superficiem2', 'superficie', 'surface', 'sitearea'],
    },
    needShelter: {
      kind: 'needSeverity',
      tags: [],
      names: ['needshelter', 'shelterneed', 'besoinabri', 'shelter', 'abri'],
    },
    needWash: {
      kind: 'needSeverity',
      tags: [],
      names: ['needwash', 'washneed', 'besoinwash', 'besoineha', 'wash', 'eha'],
    },
    needHealth: {
      kind: 'needSeverity',
      tags: [],
      names: ['needhealth', 'healthneed', 'besoinsante', 'health', 'sante'],
    },
    needProtection: {
      kind: 'needSeverity',
      tags: [],
      names: ['needprotection', 'protectionneed', 'besoinprotection', 'protection'],
    },
    lastAssessment: {
      kind: 'date',
      tags: ['#date+reported', '#date'],
      names: [
        'lastassessment',
        'assessmentdate',
        'dateevaluation',
        'datedevaluation',
        'datereported',
        'reportdate',
        'date',
      ],
    },
  },
  hazards: {
    id: ID,
    name: NAME,
    hazardType: {
      kind: 'hazardType',
      tags: [],
      names: ['hazardtype', 'hazard', 'typealea', 'typedalea', 'alea', 'risque', 'risk', 'type'],
    },
    severity: {
      kind: 'severity',
      tags: ['#severity'],
      names: ['severity', 'severite', 'niveau', 'level', 'classe', 'class', 'intensite', 'intensity'],
    },
    source: SOURCE,
  },
  control: {
    id: ID,
    name: NAME,
    controlLevel: {
      kind: 'controlLevel',
      tags: [],
      names: ['controllevel', 'niveaucontrole', 'controle', 'control', 'statut', 'status', 'niveau', 'level'],
    },
    lastUpdate: {
      kind: 'date',
      tags: ['#date+updated', '#date+reported', '#date'],
      names: ['lastupdate', 'lastupdated', 'datemiseajour', 'miseajour', 'datemaj', 'updated', 'date'],
    },
    source: SOURCE,
  },
  services: {
    id: ID,
    name: NAME,
    serviceType: {
      kind: 'serviceType',
      tags: ['#service+type'],
      names: ['servicetype', 'typeservice', 'service', 'categorie', 'category', 'type'],
    },
    waterPointType: {
      kind: 'waterPointType',
      tags: [],
      names: ['waterpointtype', 'typepointdeau', 'typedepointdeau', 'pointdeautype', 'watertype'],
    },
    capacityLitresPerDay: {
      kind: 'number',
      tags: [],
      names: ['capacitylitresperday', 'litresperday', 'litresparjour', 'capacity', 'capacite'],
    },
    operator: {
      kind: 'text',
      tags: ['#org+name'],
      names: [
        'operator',
        'operateur',
        'agency',
        'agence',
        'partner',
        'partenaire',
        'organisation',
        'organization',
        'org',
      ],
    },
  },
  admin: {
    pcode: { kind: 'text', tags: ['#adm2+code', '#adm1+code'], names: ['pcode', 'adm2pcode', 'adm1pcode'] },
    name: {
      kind: 'text',
      tags: ['#adm2+name', '#adm1+name'],
      names: ['name', 'adm2fr', 'adm2en', 'adm2ht', 'adm2name', 'adm1fr', 'adm1en', 'adm1ht', 'adm1name'],
    },
    level: { kind: 'adminLevel', tags: [], names: ['level', 'niveau', 'adminlevel'] },
    parentPcode: { kind: 'text', tags: [], names: ['parentpcode', 'adm1pcode'] },
    parentName: { kind: 'text', tags: [], names: ['parentname', 'adm1fr', 'adm1en', 'adm1ht', 'adm1name'] },
    approximate: { kind: 'boolean', tags: [], names: ['approximate', 'approximatif'] },
  },
};

/** Model fields that are optional: not asked for when absent. */
export const OPTIONAL_FIELDS: Record<LayerRole, readonly string[]> = {
  sites: [],
  hazards: [],
  control: [],
  services: ['waterPointType', 'capacityLitresPerDay'],
  admin: ['parentPcode', 'parentName', 'approximate'],
};
