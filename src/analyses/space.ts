/**
 * Shelter space against Sphere: each site's area per person against 45 m²
 * (30 m² where communal services are outside the site) and, where the data
 * gives covered space, covered living space per person against 3.5 m² (a
 * quick, single worker call).
 */
import type { SpacePerPerson } from '../../workers/analysis/space-per-person';
import {
  AREA_PER_PERSON_SERVICES_OUTSIDE_SQUARE_METRES,
  AREA_PER_PERSON_SQUARE_METRES,
  COVERED_SPACE_PER_PERSON_SQUARE_METRES,
} from '../../workers/analysis/sphere-standards';
import type { AnalysisDescriptor } from './analysis-descriptor';
import { figureText, indicesWhere, joinContext, ofTotal } from './descriptor-parts';
import { formatFigure } from './figure-format';
import { numberText, rounded } from './labels';

export const spaceAnalysis: AnalysisDescriptor<'space', SpacePerPerson> = {
  id: 'space',
  name: 'analysis.space',
  description: 'analysis.description.space',
  input: 'none',
  run: { kind: 'quick', call: (remote) => remote.runSpacePerPerson() },
  parameters: [],
  reads: ['sites'],
  requires: ['sites'],
  sensitive: false,
  mapMode: 'select',
  panel: {},
  keyFigures(space, context) {
    const { t } = context;
    const people = ofTotal(context, 'context.ofPeople', context.totals.individuals);
    const figures = [
      {
        label: t('figure.overcrowdedSites'),
        value: space.overcrowdedSites,
        format: 'count' as const,
        context: joinContext(
          t('context.belowAreaStandard', {
            area: figureText(context, AREA_PER_PERSON_SQUARE_METRES, 'squareMetres'),
            reduced: figureText(context, AREA_PER_PERSON_SERVICES_OUTSIDE_SQUARE_METRES, 'squareMetres'),
          }),
          ofTotal(context, 'context.ofSites', space.squareMetresPerPerson.length),
        ),
      },
      {
        label: t('figure.overcrowdedIndividuals'),
        value: space.overcrowdedIndividuals,
        format: 'count' as const,
        context: people,
      },
    ];
    // Covered space only where the data has it: no figure rather than a misleading 0.
    if (space.sitesWithCovered === 0) return figures;
    return [
      ...figures,
      {
        label: t('figure.coveredShortSites'),
        value: space.coveredShortSites,
        format: 'count',
        context: ofTotal(context, 'context.ofSitesWithCovered', space.sitesWithCovered),
      },
      {
        label: t('figure.coveredShortIndividuals'),
        value: space.coveredShortIndividuals,
        format: 'count',
        context: joinContext(
          t('context.belowArea', {
            area: figureText(context, COVERED_SPACE_PER_PERSON_SQUARE_METRES, 'squareMetres'),
          }),
          people,
        ),
      },
    ];
  },
  // Rings and legend name both of its flags: a site short of covered space only is ringed too,
  // and the legend says covered space wherever the data has it (the table and filter list both).
  flagged: {
    sites: (space) =>
      indicesWhere(
        space.overcrowded.length,
        (site) => space.overcrowded[site] === 1 || space.coveredShort[site] === 1,
      ),
    reason: (space, t, language) => {
      const area = formatFigure({ value: AREA_PER_PERSON_SQUARE_METRES, format: 'squareMetres', language });
      if (space.sitesWithCovered === 0) return t('legend.flag.space', { area });
      const covered = formatFigure({
        value: COVERED_SPACE_PER_PERSON_SQUARE_METRES,
        format: 'squareMetres',
        language,
      });
      return t('legend.flag.spaceCovered', { area, covered });
    },
  },
  siteFlags: ['overcrowded', 'coveredSpaceShort'],
  tableColumns: [
    {
      id: 'spacePerPerson',
      label: 'siteTable.column.spacePerPerson',
      description: 'siteTable.describe.spacePerPerson',
      sensitive: false,
      sortKey: (flags) => flags.squareMetresPerPerson,
      cell: (flags, index, language) => numberText(language, flags.squareMetresPerPerson[index], 1),
      csv: [
        {
          header: 'siteTable.csv.spacePerPerson',
          hxl: '#indicator+space_per_person+num',
          value: (flags, index) => rounded(flags.squareMetresPerPerson[index], 1),
        },
      ],
    },
    {
      id: 'coveredPerPerson',
      label: 'siteTable.column.coveredPerPerson',
      description: 'siteTable.describe.coveredPerPerson',
      sensitive: false,
      sortKey: (flags) => flags.coveredSquareMetresPerPerson,
      cell: (flags, index, language) => numberText(language, flags.coveredSquareMetresPerPerson[index], 1),
      csv: [
        {
          header: 'siteTable.csv.coveredPerPerson',
          hxl: '#indicator+covered_space_per_person+num',
          value: (flags, index) => rounded(flags.coveredSquareMetresPerPerson[index], 1),
        },
      ],
    },
  ],
  overlays: () => [],
  summary: (space, context) => [
    { kind: 'note', text: context.t('analysis.sphereSpace') },
    ...(space.sitesWithCovered > 0
      ? [{ kind: 'note' as const, text: context.t('analysis.sphereCovered') }]
      : []),
  ],
};
