/**
 * Turning the words people use ("site spontané", "Centre collectif",
 * "Inondation", "élevé") into the model's closed vocabularies. Matching is on
 * word beginnings of accent-stripped text, so "Spontané(s)" and "inond." work.
 */
import type {
  ControlLevel,
  HazardType,
  ServiceType,
  Severity,
  SiteType,
  WaterPointType,
} from '../domain/types';
import { normaliseText } from './field-names';

type Vocabulary<T extends string> = ReadonlyArray<readonly [T, readonly string[]]>;

/** Earlier entries win: "camp spontané" is spontaneous, not planned. */
const SITE_TYPE_WORDS: Vocabulary<SiteType> = [
  ['evacuation_centre', ['evacuation', 'abri provisoire', 'emergency shelter']],
  ['transit_centre', ['transit', 'reception']],
  [
    'collective_centre',
    ['collective', 'collectif', 'ecole', 'school', 'eglise', 'church', 'batiment public', 'public building'],
  ],
  ['spontaneous_site', ['spontaneous', 'spontane', 'self settled', 'auto installe', 'informal', 'informel']],
  ['planned_camp', ['planned', 'planifie', 'formal camp', 'camp formel', 'camp']],
];

const HAZARD_TYPE_WORDS: Vocabulary<HazardType> = [
  ['storm_surge', ['storm surge', 'surge', 'onde de tempete', 'submersion', 'maree de tempete']],
  ['flood', ['flood', 'inond', 'innond', 'crue']],
  ['landslide', ['landslide', 'glissement', 'mouvement de terrain', 'eboulement', 'lavalas']],
  ['earthquake', ['earthquake', 'seisme', 'tremblement', 'sismi', 'seismic']],
];

const SEVERITY_WORDS: Vocabulary<Severity> = [
  ['high', ['high', 'eleve', 'haut', 'fort', 'severe', '3']],
  ['medium', ['medium', 'moyen', 'modere', 'moderate', '2']],
  ['low', ['low', 'faible', 'bas', 'minor', '1']],
];

const CONTROL_LEVEL_WORDS: Vocabulary<ControlLevel> = [
  ['contested', ['contested', 'conteste', 'dispute']],
  ['influence', ['influence', 'sous influence', 'under influence']],
  ['controlled', ['control', 'sous control']],
];

const SERVICE_TYPE_WORDS: Vocabulary<ServiceType> = [
  ['health', ['health', 'sante', 'clinic', 'clinique', 'hopital', 'hospital', 'dispensaire']],
  ['water', ['water', 'eau', 'wash', 'borne', 'forage', 'puits', 'pompe', 'tap', 'robinet']],
  ['distribution', ['distribution', 'nfi', 'food', 'vivres', 'alimentaire']],
];

const WATER_POINT_WORDS: Vocabulary<WaterPointType> = [
  ['hand_pump', ['hand pump', 'handpump', 'pompe']],
  ['tap', ['tap', 'robinet', 'borne', 'kiosk', 'kiosque']],
  ['well', ['well', 'puits', 'open well']],
];

function lookup<T extends string>(vocabulary: Vocabulary<T>, value: unknown): T | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = normaliseText(String(value));
  if (text === '') return undefined;
  for (const [result, words] of vocabulary) {
    if (words.some((word) => new RegExp(`(^| )${word}`).test(text))) return result;
  }
  return undefined;
}

/** "site spontané", "Spontaneous", "Centre collectif (école)"… → SiteType. */
export const normaliseSiteType = (value: unknown): SiteType | undefined => lookup(SITE_TYPE_WORDS, value);
/** "Inondation", "flood zone", "Glissement de terrain"… → HazardType. */
export const normaliseHazardType = (value: unknown): HazardType | undefined =>
  lookup(HAZARD_TYPE_WORDS, value);
/** "élevé", "High", "3"… → Severity. */
export const normaliseSeverity = (value: unknown): Severity | undefined => lookup(SEVERITY_WORDS, value);
/** "contrôlé", "contested", "sous influence"… → ControlLevel. */
export const normaliseControlLevel = (value: unknown): ControlLevel | undefined =>
  lookup(CONTROL_LEVEL_WORDS, value);
/** "Point d'eau", "Clinique", "Distribution NFI"… → ServiceType. */
export const normaliseServiceType = (value: unknown): ServiceType | undefined =>
  lookup(SERVICE_TYPE_WORDS, value);
/** "Borne fontaine", "pompe manuelle", "puits"… → WaterPointType. */
export const normaliseWaterPointType = (value: unknown): WaterPointType | undefined =>
  lookup(WATER_POINT_WORDS, value);

/**
 * ISO date (YYYY-MM-DD) from "2024-03-15", "2024-03-15T10:00Z", "2024/03/15"
 * or "15/03/2024" (day first, as written in Haiti). Undefined when unsure.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const isoLike = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/.exec(text);
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const parts = isoLike
    ? [isoLike[1], isoLike[2], isoLike[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}
