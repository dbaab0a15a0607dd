/**
 * Totals by admin area: sites, households and individuals per commune
 * (level 2) and department (level 1), found by point-in-polygon against the
 * admin polygons; a site outside every commune polygon keeps the commune
 * P-code it was reported with, and its department is read from that P-code.
 */
import { type Containment, containmentOfPoints } from './point-in-zone';
import type { AdminLayer } from './prepared-layers';
import type { SiteTable } from './site-table';

/** Totals of one admin area. */
export interface AdminRow {
  pcode: string;
  /** Empty when the area is only known by a reported P-code. */
  name: string;
  level: 1 | 2;
  sites: number;
  households: number;
  individuals: number;
}

/** Per-site admin assignment and the totals per area. */
export interface AdminTotals {
  /** Commune P-code per site ('' when unknown). */
  siteCommunes: string[];
  /** Department P-code per site ('' when unknown). */
  siteDepartments: string[];
  /** Sites whose commune came from the reported P-code, not a polygon. */
  fallbackSites: number;
  /** Communes then departments, each sorted by P-code. */
  communes: AdminRow[];
  departments: AdminRow[];
}

/** Department P-code of a commune P-code in the COD-AB pattern (HT + 2 digits + 2 digits). */
function departmentOfCommune(pcode: string): string {
  return /^[A-Z]{2}\d{2}/.test(pcode) ? pcode.slice(0, 4) : '';
}

function addTo(
  rows: Map<string, AdminRow>,
  pcode: string,
  name: string,
  level: 1 | 2,
  sites: SiteTable,
  site: number,
): void {
  if (pcode === '') return;
  let row = rows.get(pcode);
  if (!row) {
    row = { pcode, name, level, sites: 0, households: 0, individuals: 0 };
    rows.set(pcode, row);
  }
  if (row.name === '' && name !== '') row.name = name;
  row.sites += 1;
  row.households += sites.households[site]!;
  row.individuals += sites.individuals[site]!;
}

/** Builds the totals from admin containment already computed. */
export function adminTotalsFromContainment(
  containment: Containment,
  sites: SiteTable,
  admin: AdminLayer,
): AdminTotals {
  const siteTotal = containment.offsets.length - 1;
  const nameOf = new Map<string, string>();
  admin.pcodes.forEach((pcode, area) => {
    if (!nameOf.has(pcode)) nameOf.set(pcode, admin.names[area] ?? '');
    const parent = admin.parentPcodes[area];
    if (parent && !nameOf.has(parent)) nameOf.set(parent, admin.parentNames[area] ?? '');
  });
  const siteCommunes: string[] = [];
  const siteDepartments: string[] = [];
  const communes = new Map<string, AdminRow>();
  const departments = new Map<string, AdminRow>();
  let fallbackSites = 0;
  for (let site = 0; site < siteTotal; site += 1) {
    let commune = -1;
    let department = -1;
    // Lowest index wins when polygons overlap, as with every containment here.
    for (let slot = containment.offsets[site]!; slot < containment.offsets[site + 1]!; slot += 1) {
      const area = containment.zoneIndices[slot]!;
      if (admin.levels[area] === 2 && commune < 0) commune = area;
      if (admin.levels[area] === 1 && department < 0) department = area;
    }
    let communePcode = commune >= 0 ? admin.pcodes[commune]! : '';
    if (commune < 0) {
      communePcode = sites.admin2Pcodes[site] ?? '';
      fallbackSites += 1;
    }
    const departmentPcode =
      department >= 0
        ? admin.pcodes[department]!
        : commune >= 0 && admin.parentPcodes[commune]
          ? admin.parentPcodes[commune]!
          : departmentOfCommune(communePcode);
    siteCommunes.push(communePcode);
    siteDepartments.push(departmentPcode);
    addTo(communes, communePcode, nameOf.get(communePcode) ?? '', 2, sites, site);
    addTo(departments, departmentPcode, nameOf.get(departmentPcode) ?? '', 1, sites, site);
  }
  const byPcode = (a: AdminRow, b: AdminRow): number => (a.pcode < b.pcode ? -1 : a.pcode > b.pcode ? 1 : 0);
  return {
    siteCommunes,
    siteDepartments,
    fallbackSites,
    communes: [...communes.values()].sort(byPcode),
    departments: [...departments.values()].sort(byPcode),
  };
}

/** Totals by admin area of every site, in one call. */
export function adminTotals(sites: SiteTable, admin: AdminLayer): AdminTotals {
  return adminTotalsFromContainment(containmentOfPoints(sites.coordinates, admin.zones), sites, admin);
}
