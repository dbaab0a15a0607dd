/**
 * Candidate-site check: everything known about a clicked location (admin
 * area, hazards, nearest control area and services) and a verdict with its
 * reasons. It reads the gang-control layer, so it is sensitive.
 */
import type { CandidateCheck, CandidateReason } from '../../workers/analysis/candidate-site';
import type { Language, Translate } from '../i18n/translate';
import { formatNumber } from '../i18n/translate';
import { VERDICT_COLORS } from '../map/palette';
import type { AnalysisDescriptor, SummaryBlock } from './analysis-descriptor';
import { formatFigure } from './figure-format';
import { LOCATION_CODE, type Location } from './input-codes';
import { ACCESS_DISTANCE, HEALTH_DISTANCE } from './parameters';

/** One reason of the verdict, in words. */
export function reasonText(reason: CandidateReason, t: Translate, language: Language): string {
  const distance = (meters: number) => formatFigure({ value: meters, format: 'metres', language });
  switch (reason.code) {
    case 'in-hazard':
      return t('reason.in-hazard', {
        hazard: t(`hazardType.${reason.hazardType}`),
        severity: t(`severity.${reason.severity}`),
      });
    case 'inside-control-area':
      return t('reason.inside-control-area', { level: t(`controlLevel.${reason.level}`) });
    case 'near-control-area':
      return t('reason.near-control-area', {
        level: t(`controlLevel.${reason.level}`),
        distance: distance(reason.meters),
      });
    case 'water-beyond-sphere':
      return t('reason.water-beyond-sphere', { distance: distance(reason.meters) });
    case 'no-water-point':
      return t('reason.no-water-point');
    case 'health-beyond-reach':
      return t('reason.health-beyond-reach', {
        distance: distance(reason.meters),
        limit: distance(reason.limitMeters),
      });
    case 'no-health-facility':
      return t('reason.no-health-facility');
  }
}

function verdictBlocks(candidate: CandidateCheck, t: Translate, language: Language): SummaryBlock[] {
  const distance = (meters: number) => formatFigure({ value: meters, format: 'metres', language });
  const fields: [string, string][] = [
    [
      t('candidate.location'),
      `${formatNumber(language, candidate.latitude, 5)}, ${formatNumber(language, candidate.longitude, 5)}`,
    ],
    [
      t('candidate.admin'),
      candidate.commune
        ? `${candidate.commune.name} (${candidate.commune.pcode})${candidate.department ? ` — ${candidate.department.name}` : ''}`
        : t('candidate.outside'),
    ],
    [
      t('candidate.hazards'),
      candidate.hazards.length === 0
        ? t('candidate.noHazard')
        : candidate.hazards
            .map((hazard) => `${t(`hazardType.${hazard.hazardType}`)} (${t(`severity.${hazard.severity}`)})`)
            .join(', '),
    ],
    [
      t('candidate.nearestControl'),
      candidate.nearestControl
        ? `${t(`controlLevel.${candidate.nearestControl.level}`)} — ${distance(candidate.nearestControl.meters)}`
        : t('candidate.none'),
    ],
    ...candidate.services.map((service): [string, string] => [
      t('candidate.nearestService', { service: t(`serviceType.${service.serviceType}`) }),
      service.index < 0 ? t('candidate.none') : distance(service.meters),
    ]),
  ];
  return [
    { kind: 'verdict', verdict: candidate.verdict, text: t(`verdict.${candidate.verdict}`) },
    { kind: 'fields', entries: fields },
    { kind: 'heading', text: t('candidate.reasons') },
    candidate.reasons.length === 0
      ? { kind: 'note', text: t('candidate.noReason') }
      : {
          kind: 'list',
          className: 'candidate-reasons',
          items: candidate.reasons.map((reason) => ({
            text: reasonText(reason, t, language),
            className: `reason-${reason.weight}`,
          })),
        },
  ];
}

export const candidateAnalysis: AnalysisDescriptor<'candidate', CandidateCheck, Location> = {
  id: 'candidate',
  name: 'analysis.candidate',
  description: 'analysis.description.candidate',
  input: 'location',
  inputCode: LOCATION_CODE,
  run: {
    kind: 'quick',
    call: (remote, parameters, location) =>
      remote.checkCandidate(location.longitude, location.latitude, {
        accessDistanceMeters: parameters.accessDistanceMeters,
        healthDistanceMeters: parameters.healthDistanceMeters,
      }),
  },
  parameters: [ACCESS_DISTANCE, HEALTH_DISTANCE],
  reads: ['hazards', 'control', 'services', 'admin'],
  requires: [],
  sensitive: true,
  mapMode: 'candidate',
  panel: { hint: 'analysis.candidateHint' },
  keyFigures: () => [],
  flagged: null,
  siteFlags: [],
  tableColumns: [],
  overlays: (candidate) => [
    {
      spec: {
        kind: 'marker',
        longitude: candidate.longitude,
        latitude: candidate.latitude,
        color: VERDICT_COLORS[candidate.verdict],
      },
      legend: [
        {
          key: 'candidate',
          symbol: { kind: 'circle', color: VERDICT_COLORS[candidate.verdict] },
          label: (t) => t('legend.candidate', { verdict: t(`verdict.${candidate.verdict}`) }),
        },
      ],
    },
  ],
  summary: (candidate, context) => verdictBlocks(candidate, context.t, context.language),
};
