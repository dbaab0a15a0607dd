/**
 * Space per person: each site's area per person against Sphere's 45 m²
 * (a quick, single worker call).
 */
import type { SpacePerPerson } from '../../workers/analysis/space-per-person';
import { AREA_PER_PERSON_SQUARE_METRES } from '../../workers/analysis/sphere-standards';
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
    return [
      {
        label: t('figure.overcrowdedSites'),
        value: space.overcrowdedSites,
        format: 'count',
        context: joinContext(
          t('context.belowArea', {
            area: figureText(context, AREA_PER_PERSON_SQUARE_METRES, 'squareMetres'),
          }),
          ofTotal(context, 'context.ofSites', space.squareMetresPerPerson.length),
        ),
      },
      {
        label: t('figure.overcrowdedIndividuals'),
        value: space.overcrowdedIndividuals,
        format: 'count',
        context: ofTotal(context, 'context.ofPeople', context.totals.individuals),
      },
    ];
  },
  flagged: {
    sites: (space) => indicesWhere(space.overcrowded.length, (site) => space.overcrowded[site] === 1),
    reason: (_space, t, language) =>
      t('legend.flag.space', {
        area: formatFigure({ value: AREA_PER_PERSON_SQUARE_METRES, format: 'squareMetres', language }),
      }),
  },
  siteFlags: ['overcrowded'],
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
  ],
  overlays: () => [],
  summary: (_space, context) => [{ kind: 'note', text: context.t('analysis.sphereSpace') }],
};
