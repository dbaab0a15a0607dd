/**
 * The search box's site search over the sites' columnar form, run in the site
 * table's worker: each distinct name, id and P-code is normalised once (a
 * million names took seconds on the main thread), then every query ranks the
 * sites with the search box's own rule (`matchScore`) and returns the best
 * few as site indices. Pure apart from the memo of the last columns.
 */
import { packedAt, type TextColumn, type TextColumnName, unpackTexts } from '../src/io/columnar-sites';
import { normaliseText } from '../src/io/field-names';
import { compareMatches, matchScore, type SearchEntry } from '../src/ui/search-index';

/** The text columns the search reads. */
export type SearchColumns = Pick<
  Record<TextColumnName, TextColumn>,
  'id' | 'name' | 'admin1Pcode' | 'admin2Pcode'
>;

/** A site that matches: its index and score. */
export interface SiteMatch {
  index: number;
  score: number;
}

interface SearchKeys {
  columns: SearchColumns;
  names: string[];
  codes: string[];
  departments: string[];
  communes: string[];
}

const normalisedDictionary = (column: TextColumn): string[] => unpackTexts(column.values).map(normaliseText);

/** Normalises each distinct value of the searched columns once. */
export function searchKeysOfColumns(columns: SearchColumns): SearchKeys {
  return {
    columns,
    names: normalisedDictionary(columns.name),
    codes: normalisedDictionary(columns.id),
    departments: normalisedDictionary(columns.admin1Pcode),
    communes: normalisedDictionary(columns.admin2Pcode),
  };
}

/** The best `limit` sites for a query, ranked as the search box ranks them. */
export function searchSiteColumns(keys: SearchKeys, query: string, limit: number): SiteMatch[] {
  const normalised = normaliseText(query);
  if (normalised === '') return [];
  const { columns } = keys;
  const count = columns.name.codes.length;
  const areaKeys: string[] = [];
  // One entry reused for every site: nothing is allocated per site but the matches.
  const probe: SearchEntry = {
    kind: 'site',
    id: '',
    name: '',
    context: '',
    nameKey: '',
    codeKey: '',
    areaKeys,
  };
  const matches: (SearchEntry & SiteMatch)[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = columns.id.codes[index] ?? 0;
    const name = columns.name.codes[index] ?? 0;
    if (packedAt(columns.id.values, id) === '' && packedAt(columns.name.values, name) === '') continue;
    probe.nameKey = keys.names[name] ?? '';
    probe.codeKey = keys.codes[id] ?? '';
    areaKeys.length = 0;
    const department = keys.departments[columns.admin1Pcode.codes[index] ?? 0] ?? '';
    const commune = keys.communes[columns.admin2Pcode.codes[index] ?? 0] ?? '';
    if (department) areaKeys.push(department);
    if (commune) areaKeys.push(commune);
    const score = matchScore(probe, normalised);
    if (score > 0) matches.push({ ...probe, areaKeys: [...areaKeys], index, score });
  }
  matches.sort((a, b) => compareMatches({ entry: a, score: a.score }, { entry: b, score: b.score }));
  return matches.slice(0, limit).map(({ index, score }) => ({ index, score }));
}
