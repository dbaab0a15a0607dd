/**
 * The search behind the search box, as pure functions: an index of sites
 * (name, id, admin P-codes) and admin areas (name, P-code), and a ranked,
 * accent- and case-insensitive lookup ("Petion" finds "Pétion-Ville",
 * "cite soleil" finds "Cité Soleil"). Text is normalised like the site
 * table's search (`normaliseText`: accents, case and punctuation dropped).
 */
import type { Datasets } from '../domain/types';
import { type ColumnarSites, textAt } from '../io/columnar-sites';
import { normaliseText } from '../io/field-names';

export type SearchKind = 'site' | 'commune' | 'department';

export interface SearchEntry {
  kind: SearchKind;
  /** Site id, or the area's P-code: the feature's stable id. */
  id: string;
  /** Display name. */
  name: string;
  /** Where it is, for display: the site's commune and department, the commune's department. */
  context: string;
  /** Normalised name and id. */
  nameKey: string;
  codeKey: string;
  /** Normalised admin P-codes of a site: "HT0114" lists the sites of Pétion-Ville after the commune. */
  areaKeys: readonly string[];
}

export interface SearchResult {
  entry: SearchEntry;
  score: number;
}

/** Areas before sites when the match is as good: a place name usually means the place. */
const KIND_ORDER: Record<SearchKind, number> = { department: 0, commune: 1, site: 2 };

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** Builds the index of the sites and admin areas shown (linear; rebuild when they change). */
export function buildSearchIndex(datasets: Pick<Datasets, 'sites' | 'admin'>): SearchEntry[] {
  const entries = buildAreaSearchIndex(datasets);
  for (const feature of datasets.sites.features) {
    const properties = feature.properties;
    const id = text(properties?.id);
    const name = text(properties?.name);
    if (id === '' && name === '') continue;
    const place = [text(properties?.admin2Name), text(properties?.admin1Name)].filter(Boolean);
    entries.push({
      kind: 'site',
      id,
      name: name || id,
      context: place.join(', '),
      nameKey: normaliseText(name),
      codeKey: normaliseText(id),
      areaKeys: [text(properties?.admin1Pcode), text(properties?.admin2Pcode)]
        .map(normaliseText)
        .filter(Boolean),
    });
  }
  return entries;
}

/** The entry of site `index`, read from the sites' columnar form (as `buildSearchIndex` makes it). */
export function siteEntryOf(columns: ColumnarSites, index: number): SearchEntry {
  const { texts } = columns;
  const id = textAt(texts.id, index);
  const name = textAt(texts.name, index);
  return {
    kind: 'site',
    id,
    name: name || id,
    context: [textAt(texts.admin2Name, index), textAt(texts.admin1Name, index)].filter(Boolean).join(', '),
    nameKey: normaliseText(name),
    codeKey: normaliseText(id),
    areaKeys: [textAt(texts.admin1Pcode, index), textAt(texts.admin2Pcode, index)]
      .map(normaliseText)
      .filter(Boolean),
  };
}

/** The index of the admin areas alone (the sites searched elsewhere). */
export function buildAreaSearchIndex(datasets: Pick<Datasets, 'admin'>): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const feature of datasets.admin.features) {
    const properties = feature.properties;
    const id = text(properties?.pcode);
    const name = text(properties?.name);
    if (id === '' && name === '') continue;
    entries.push({
      kind: properties?.level === 1 ? 'department' : 'commune',
      id,
      name: name || id,
      context: text(properties?.parentName),
      nameKey: normaliseText(name),
      codeKey: normaliseText(id),
      areaKeys: [],
    });
  }
  return entries;
}

/** Every query word starts a word of `key` ("ville pet" matches "petion ville"). */
function wordsStartWords(queryWords: readonly string[], key: string): boolean {
  const words = key.split(' ');
  return queryWords.every((word) => words.some((candidate) => candidate.startsWith(word)));
}

/** How well an entry matches a normalised query (0: not at all). */
export function matchScore(entry: SearchEntry, query: string): number {
  if (query === '') return 0;
  const queryWords = query.split(' ');
  const { nameKey, codeKey } = entry;
  if (codeKey !== '' && codeKey === query) return 100;
  if (nameKey === query) return 95;
  if (nameKey.startsWith(query)) return 85;
  if (wordsStartWords(queryWords, nameKey)) return 75;
  if (codeKey.startsWith(query)) return 70;
  if (nameKey.includes(query)) return 60;
  if (queryWords.every((word) => nameKey.includes(word))) return 50;
  if (codeKey.includes(query)) return 45;
  if (entry.areaKeys.includes(query)) return 30;
  if (entry.areaKeys.some((key) => key.startsWith(query))) return 20;
  return 0;
}

/**
 * The best `limit` matches of a query: by score, then departments before
 * communes before sites, then shorter names, then alphabetical (accents ignored).
 */
export function search(entries: readonly SearchEntry[], query: string, limit = 10): SearchResult[] {
  const normalised = normaliseText(query);
  if (normalised === '') return [];
  const results: SearchResult[] = [];
  for (const entry of entries) {
    const score = matchScore(entry, normalised);
    if (score > 0) results.push({ entry, score });
  }
  results.sort(compareMatches);
  return results.slice(0, limit);
}

/** The ranking of matches: by score, then kind, then shorter names, then alphabetical. */
export function compareMatches(a: SearchResult, b: SearchResult): number {
  return (
    b.score - a.score ||
    KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] ||
    a.entry.nameKey.length - b.entry.nameKey.length ||
    (a.entry.nameKey < b.entry.nameKey ? -1 : a.entry.nameKey > b.entry.nameKey ? 1 : 0) ||
    (a.entry.codeKey < b.entry.codeKey ? -1 : a.entry.codeKey > b.entry.codeKey ? 1 : 0)
  );
}
