/**
 * The sites the totals by admin area could not place by polygon, named in
 * the panel: those joined to an area by their declared P-code or commune, and
 * those in no area at all (outside every polygon — often a site whose source
 * coordinates fall in the sea — or with no location), with their people.
 */
import type { AdminRow, AdminTotals } from '../../workers/analysis/admin-aggregation';
import type { FigureContext, SummaryBlock } from './analysis-descriptor';
import { figureText } from './descriptor-parts';

/** How many sites each list names before "… and N more". */
const LISTED = 20;

/** The finest level the boundaries provide and its rows (communes when there are no boundaries). */
export function finestRows(admin: AdminTotals): { level: 1 | 2 | 3; rows: readonly AdminRow[] } {
  const level = admin.levels.at(-1) ?? 2;
  const rows = level === 1 ? admin.departments : level === 3 ? admin.sections : admin.communes;
  return { level, rows };
}

function siteName(context: FigureContext, site: number): string {
  const properties = context.datasets.sites.features[site]?.properties;
  return properties?.name || properties?.id || `#${site + 1}`;
}

function hasCoordinates(context: FigureContext, site: number): boolean {
  const position = context.datasets.sites.features[site]?.geometry?.coordinates;
  return Number.isFinite(position?.[0]) && Number.isFinite(position?.[1]);
}

/** At most LISTED items, then one "… and N more". */
function capped(sites: readonly number[], text: (site: number) => string, context: FigureContext) {
  const items = sites.slice(0, LISTED).map((site) => ({ text: text(site), className: 'admin-site' }));
  if (sites.length > LISTED)
    items.push({
      text: context.t('admin.moreSites', { count: figureText(context, sites.length - LISTED) }),
      className: 'admin-site-more',
    });
  return items;
}

/** The notes and lists of placed and unassigned sites; nothing when every site lies in a polygon. */
export function adminSiteLists(admin: AdminTotals, context: FigureContext): SummaryBlock[] {
  const { t } = context;
  const { level } = finestRows(admin);
  const siteCodes =
    level === 1 ? admin.siteDepartments : level === 3 ? admin.siteSections : admin.siteCommunes;
  const areaNames = new Map(
    [...admin.departments, ...admin.communes, ...admin.sections].map((row) => [row.pcode, row.name]),
  );
  const people = (site: number) =>
    figureText(context, Number(context.datasets.sites.features[site]?.properties?.individuals) || 0);
  const blocks: SummaryBlock[] = [];
  const withoutCoordinates = admin.placedByPcode.filter((site) => !hasCoordinates(context, site));
  if (withoutCoordinates.length > 0) {
    const individuals = withoutCoordinates.reduce(
      (total, site) => total + (Number(context.datasets.sites.features[site]?.properties?.individuals) || 0),
      0,
    );
    blocks.push({
      kind: 'note',
      text: t('admin.withoutCoordinatesNote', {
        count: withoutCoordinates.length,
        people: figureText(context, individuals),
      }),
    });
  }
  if (admin.placedByPcode.length > 0) {
    blocks.push({ kind: 'note', text: t('analysis.fallbackSites', { count: admin.placedByPcode.length }) });
    blocks.push({
      kind: 'list',
      className: 'admin-placed-sites',
      items: capped(
        admin.placedByPcode,
        (site) => {
          const code = siteCodes[site] || admin.siteCommunes[site] || admin.siteDepartments[site] || '';
          const area = areaNames.get(code) ? `${areaNames.get(code)} (${code})` : code;
          return hasCoordinates(context, site)
            ? t('admin.placedSite', { name: siteName(context, site), area })
            : t('admin.placedSiteWithoutCoordinates', { name: siteName(context, site), area });
        },
        context,
      ),
    });
  }
  if (admin.unassigned.sites > 0)
    blocks.push({
      kind: 'note',
      text: t('admin.unassignedNote', {
        count: figureText(context, admin.unassigned.sites),
        people: figureText(context, admin.unassigned.individuals),
      }),
    });
  if (admin.unassignedSites.length > 0)
    blocks.push({
      kind: 'list',
      className: 'admin-unassigned-sites',
      items: capped(
        admin.unassignedSites,
        (site) =>
          hasCoordinates(context, site)
            ? t(`admin.outside.${level}`, { name: siteName(context, site), people: people(site) })
            : t('admin.noLocation', { name: siteName(context, site), people: people(site) }),
        context,
      ),
    });
  return blocks;
}
