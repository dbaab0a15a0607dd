/**
 * The `filter=` part of the URL hash (see url-state.ts), as pure functions.
 *
 * Format: `;`-separated `key:value` parts, every part optional:
 *   type:<siteType>,…   min:<individuals>   max:<individuals>
 *   shelter:<2-5>  wash:<2-5>  health:<2-5>  protection:<2-5>
 *   adm1:<P-code>  adm2:<P-code>
 *   flag:<exposed|high|access|water|health|waterload|crowded|covered>,…   hazard:<hazardType>,…
 *   mode:any   (the flags and hazard types: any of them; absent = all of them)
 *   q:<word>.<word>…   (search words, normalised: a–z and 0–9 only)
 *   grew:<percent>  or  declined:<percent>   (people between the compared rounds)
 *   status:<opened|continuing>   (site status between the compared rounds)
 * e.g. `filter=adm2:HT0112;flag:water,health;mode:any`
 *
 * Only characters a hash keeps as they are (letters, digits, `_ - . , ; :`),
 * so the encoded hash equals `location.hash` and needs no escaping. Each
 * part is decoded on its own: a malformed part is dropped, the rest kept.
 */
import {
  HAZARD_TYPES,
  type HazardType,
  NEED_SECTORS,
  type NeedSector,
  type NeedSeverity,
  SITE_TYPES,
  type SiteType,
} from '../domain/types';
import {
  analysisConditionCount,
  EMPTY_SITE_FILTER,
  type FilterFlag,
  type FlagMode,
  isSiteFilterActive,
  normaliseSiteFilter,
  type SiteFilter,
} from './site-filter';
import {
  ROUND_STATUS_CONDITIONS,
  type RoundConditions,
  type RoundStatusCondition,
} from './site-filter-rounds';

/** Short URL names of the flags. */
const FLAG_NAMES: Record<FilterFlag, string> = {
  hazardExposed: 'exposed',
  hazardHigh: 'high',
  accessConstrained: 'access',
  waterBeyondSphere: 'water',
  healthBeyondReach: 'health',
  overcrowded: 'crowded',
  waterPointOverloaded: 'waterload',
  coveredSpaceShort: 'covered',
};

/** P-codes as COD-AB writes them (HT0114, HT0114-01); anything else is not put in a link. */
const PCODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const MAX_INDIVIDUALS = 10_000_000;

/** The `filter=` value for a filter, or null when it sets no condition. */
export function encodeSiteFilter(filter: SiteFilter): string | null {
  if (!isSiteFilterActive(filter)) return null;
  const normalised = normaliseSiteFilter(filter);
  const parts: string[] = [];
  if (normalised.siteTypes.length > 0) parts.push(`type:${normalised.siteTypes.join(',')}`);
  if (normalised.individualsMin !== null) parts.push(`min:${normalised.individualsMin}`);
  if (normalised.individualsMax !== null) parts.push(`max:${normalised.individualsMax}`);
  for (const sector of NEED_SECTORS) {
    const minimum = normalised.minimumNeeds[sector];
    if (minimum !== undefined) parts.push(`${sector}:${minimum}`);
  }
  if (normalised.department !== null && PCODE.test(normalised.department))
    parts.push(`adm1:${normalised.department}`);
  if (normalised.commune !== null && PCODE.test(normalised.commune)) parts.push(`adm2:${normalised.commune}`);
  if (normalised.flags.length > 0)
    parts.push(`flag:${normalised.flags.map((flag) => FLAG_NAMES[flag]).join(',')}`);
  if (normalised.hazardTypes.length > 0) parts.push(`hazard:${normalised.hazardTypes.join(',')}`);
  if (normalised.flagMode === 'any' && analysisConditionCount(normalised) > 0) parts.push('mode:any');
  if (normalised.search !== '') parts.push(`q:${normalised.search.split(' ').join('.')}`);
  if (normalised.peopleChange)
    parts.push(`${normalised.peopleChange.direction}:${normalised.peopleChange.percent}`);
  if (normalised.roundStatus) parts.push(`status:${normalised.roundStatus}`);
  return parts.length > 0 ? parts.join(';') : null;
}

const isSiteType = (value: string): value is SiteType => (SITE_TYPES as readonly string[]).includes(value);
const isHazardType = (value: string): value is HazardType =>
  (HAZARD_TYPES as readonly string[]).includes(value);
const isSector = (value: string): value is NeedSector => (NEED_SECTORS as readonly string[]).includes(value);

function count(text: string): number | undefined {
  if (!/^\d{1,8}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= MAX_INDIVIDUALS ? value : undefined;
}

/** Reads a `filter=` value; never throws. Undefined when no part is usable. */
export function decodeSiteFilter(text: string | null): SiteFilter | undefined {
  if (text === null || text.length === 0 || text.length > 1000) return undefined;
  const siteTypes: SiteType[] = [];
  const flags: FilterFlag[] = [];
  const hazardTypes: HazardType[] = [];
  let flagMode: FlagMode = 'all';
  let search = '';
  const minimumNeeds: Partial<Record<NeedSector, NeedSeverity>> = {};
  let individualsMin: number | null = null;
  let individualsMax: number | null = null;
  let department: string | null = null;
  let commune: string | null = null;
  const rounds: RoundConditions = { peopleChange: null, roundStatus: null };
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 1) continue;
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1);
    if (key === 'type') {
      // All or nothing: a list with an unknown type is a broken part.
      const types = value.split(',');
      if (types.every(isSiteType)) siteTypes.push(...types);
    } else if (key === 'flag') {
      const names = value.split(',');
      const known = names.map((name) =>
        (Object.keys(FLAG_NAMES) as FilterFlag[]).find((flag) => FLAG_NAMES[flag] === name),
      );
      if (known.every((flag) => flag !== undefined)) flags.push(...(known as FilterFlag[]));
    } else if (key === 'hazard') {
      const types = value.split(',');
      if (types.every(isHazardType)) hazardTypes.push(...types);
    } else if (key === 'mode') {
      if (value === 'any') flagMode = 'any';
    } else if (key === 'q') {
      if (/^[a-z0-9]+(\.[a-z0-9]+)*$/.test(value)) search = value.split('.').join(' ');
    } else if (key === 'min') {
      individualsMin = count(value) ?? individualsMin;
    } else if (key === 'max') {
      individualsMax = count(value) ?? individualsMax;
    } else if (isSector(key)) {
      if (/^[2-5]$/.test(value)) minimumNeeds[key] = Number(value) as NeedSeverity;
    } else if (key === 'adm1') {
      if (PCODE.test(value)) department = value;
    } else if (key === 'adm2') {
      if (PCODE.test(value)) commune = value;
    } else if (key === 'grew' || key === 'declined') {
      if (/^\d{1,6}$/.test(value)) rounds.peopleChange = { direction: key, percent: Number(value) };
    } else if (key === 'status') {
      if ((ROUND_STATUS_CONDITIONS as readonly string[]).includes(value))
        rounds.roundStatus = value as RoundStatusCondition;
    }
  }
  const filter = normaliseSiteFilter({
    ...EMPTY_SITE_FILTER,
    siteTypes,
    individualsMin,
    individualsMax,
    minimumNeeds,
    department,
    commune,
    flags,
    hazardTypes,
    flagMode,
    search,
    ...rounds,
  });
  return isSiteFilterActive(filter) ? filter : undefined;
}
