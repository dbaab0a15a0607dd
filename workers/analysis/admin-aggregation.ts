/**
 * Totals by admin area at every level the boundaries provide (departments,
 * communes, communal sections). A site is placed by point-in-polygon; where
 * no polygon of a level holds it, by what it declares: the P-code of that
 * level, a commune name the boundaries know, or the parent of a finer area it
 * was placed in. A site no polygon holds that declares nothing usable is
 * unassigned: listed by index and counted in a row of its own, never dropped.
 */
import { type Containment, containmentOfPoints } from './point-in-zone';
import type { AdminLayer, AdminLevel } from './prepared-layers';
import type { SiteTable } from './site-table';

/** Totals of one admin area (or of the unassigned sites, with an empty P-code). */
export interface AdminRow {
  pcode: string;
  /** Empty when the area is only known by a reported P-code. */
  name: string;
  level: AdminLevel;
  sites: number;
  households: number;
  individuals: number;
}

/** Per-site admin assignment and the totals per area. */
export interface AdminTotals {
  /** The levels the boundaries provide, coarsest first; totals exist for these only. */
  levels: AdminLevel[];
  /** Commune P-code per site ('' when unknown). */
  siteCommunes: string[];
  /** Department P-code per site ('' when unknown). */
  siteDepartments: string[];
  /** Communal-section P-code per site ('' when unknown). */
  siteSections: string[];
  /** Sites whose finest area came from what they declare, not from a polygon. */
  fallbackSites: number;
  /** Sites in no polygon at all, joined to an area by their declared P-code or commune name. */
  placedByPcode: number[];
  /** Sites in no polygon and with no usable P-code or name: in the unassigned row. */
  unassignedSites: number[];
  /** Each level's areas with sites, sorted by P-code. */
  departments: AdminRow[];
  communes: AdminRow[];
  sections: AdminRow[];
  /** The sites with no area at the finest level, so the rows always add up to every site. */
  unassigned: AdminRow;
}

/** The commune part of a section P-code, the department part of a commune one (COD-AB pattern). */
function parentByPattern(pcode: string, level: AdminLevel): string {
  if (level === 3) return /^[A-Z]{2}\d{4}/.test(pcode) ? pcode.slice(0, 6) : '';
  if (level === 2) return /^[A-Z]{2}\d{2}/.test(pcode) ? pcode.slice(0, 4) : '';
  return '';
}

/** Lower case, no accents, no punctuation: "Pétion-Ville" and "petion ville" agree. */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

interface Lookup {
  areaByPcode: Map<string, number>;
  /** Commune P-code by name key; a name two communes share is left out (no guessing). */
  communeByName: Map<string, string>;
  nameOf: Map<string, string>;
}

function lookupOf(admin: AdminLayer): Lookup {
  const areaByPcode = new Map<string, number>();
  const nameOf = new Map<string, string>();
  const communeByName = new Map<string, string>();
  const ambiguous = new Set<string>();
  admin.pcodes.forEach((pcode, area) => {
    if (pcode === '') return;
    if (!areaByPcode.has(pcode)) areaByPcode.set(pcode, area);
    if (!nameOf.has(pcode)) nameOf.set(pcode, admin.names[area] ?? '');
    const parent = admin.parentPcodes[area];
    if (parent && !nameOf.has(parent)) nameOf.set(parent, admin.parentNames[area] ?? '');
    const key = nameKey(admin.names[area] ?? '');
    if (admin.levels[area] !== 2 || key === '') return;
    const known = communeByName.get(key);
    if (known !== undefined && known !== pcode) ambiguous.add(key);
    else communeByName.set(key, pcode);
  });
  for (const key of ambiguous) communeByName.delete(key);
  return { areaByPcode, communeByName, nameOf };
}

/** The parent of an area known by P-code: its declared parent, else the P-code pattern. */
function parentOf(pcode: string, level: AdminLevel, admin: AdminLayer, lookup: Lookup): string {
  const area = lookup.areaByPcode.get(pcode);
  const declared = area === undefined ? null : admin.parentPcodes[area];
  return declared || parentByPattern(pcode, level);
}

/** What a site declares, level by level (what its row in the source file says). */
function declaredCodes(sites: SiteTable, site: number, lookup: Lookup): Record<AdminLevel, string> {
  const commune =
    sites.admin2Pcodes[site] || lookup.communeByName.get(nameKey(sites.admin2Names?.[site] ?? '')) || '';
  return { 1: sites.admin1Pcodes?.[site] ?? '', 2: commune, 3: sites.admin3Pcodes?.[site] ?? '' };
}

function addTo(rows: Map<string, AdminRow>, row: Omit<AdminRow, 'sites' | 'households' | 'individuals'>) {
  let total = rows.get(row.pcode);
  if (!total) {
    total = { ...row, sites: 0, households: 0, individuals: 0 };
    rows.set(row.pcode, total);
  }
  return total;
}

function count(row: AdminRow, sites: SiteTable, site: number): void {
  row.sites += 1;
  row.households += sites.households[site]!;
  row.individuals += sites.individuals[site]!;
}

const LEVELS: readonly AdminLevel[] = [1, 2, 3];

/** Builds the totals from admin containment already computed. */
export function adminTotalsFromContainment(
  containment: Containment,
  sites: SiteTable,
  admin: AdminLayer,
): AdminTotals {
  const siteTotal = containment.offsets.length - 1;
  const levels = LEVELS.filter((level) => admin.levels.includes(level));
  const finest: AdminLevel = levels.at(-1) ?? 2;
  const lookup = lookupOf(admin);
  const perSite: Record<AdminLevel, string[]> = { 1: [], 2: [], 3: [] };
  const rows: Record<AdminLevel, Map<string, AdminRow>> = { 1: new Map(), 2: new Map(), 3: new Map() };
  const unassigned: AdminRow = {
    pcode: '',
    name: '',
    level: finest,
    sites: 0,
    households: 0,
    individuals: 0,
  };
  const placedByPcode: number[] = [];
  const unassignedSites: number[] = [];
  let fallbackSites = 0;
  for (let site = 0; site < siteTotal; site += 1) {
    const inPolygon: Partial<Record<AdminLevel, number>> = {};
    // Lowest index wins when polygons overlap, as with every containment here.
    for (let slot = containment.offsets[site]!; slot < containment.offsets[site + 1]!; slot += 1) {
      const area = containment.zoneIndices[slot]!;
      inPolygon[admin.levels[area]!] ??= area;
    }
    const declared = declaredCodes(sites, site, lookup);
    const codes: Record<AdminLevel, string> = { 1: '', 2: '', 3: '' };
    // Finest first, so a coarser level can take the parent of the area found below it.
    for (const level of [3, 2, 1] as const) {
      const area = inPolygon[level];
      const child = level < 3 ? codes[(level + 1) as AdminLevel] : '';
      codes[level] =
        area !== undefined
          ? admin.pcodes[area]!
          : (child && parentOf(child, (level + 1) as AdminLevel, admin, lookup)) || declared[level];
    }
    const inAnyPolygon = containment.offsets[site + 1]! > containment.offsets[site]!;
    const placed = levels.some((level) => codes[level] !== '');
    if (!inAnyPolygon) (placed ? placedByPcode : unassignedSites).push(site);
    if (inPolygon[finest] === undefined && codes[finest] !== '') fallbackSites += 1;
    for (const level of LEVELS) perSite[level].push(codes[level]);
    for (const level of levels) {
      const pcode = codes[level];
      if (pcode === '') continue;
      const row = addTo(rows[level], { pcode, name: lookup.nameOf.get(pcode) ?? '', level });
      count(row, sites, site);
    }
    if (codes[finest] === '') count(unassigned, sites, site);
  }
  const sorted = (level: AdminLevel): AdminRow[] =>
    [...rows[level].values()].sort((a, b) => (a.pcode < b.pcode ? -1 : a.pcode > b.pcode ? 1 : 0));
  return {
    levels,
    siteDepartments: perSite[1],
    siteCommunes: perSite[2],
    siteSections: perSite[3],
    fallbackSites,
    placedByPcode,
    unassignedSites,
    departments: sorted(1),
    communes: sorted(2),
    sections: sorted(3),
    unassigned,
  };
}

/** Totals by admin area of every site, in one call. */
export function adminTotals(sites: SiteTable, admin: AdminLayer): AdminTotals {
  return adminTotalsFromContainment(containmentOfPoints(sites.coordinates, admin.zones), sites, admin);
}
