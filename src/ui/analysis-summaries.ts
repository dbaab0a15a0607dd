/**
 * The body of the analysis panel for each analysis: summary tables and the
 * candidate-site verdict, built from worker results as text-only DOM.
 */
import type { CandidateCheck, CandidateReason, ExposureRow } from '../../workers/analysis/index';
import type { AnalysisResults } from '../analysis/analysis-results';
import type { Datasets } from '../domain/types';
import type { MessageKey } from '../i18n/fr';
import { formatDistance, formatNumber, type Language, type Translate } from '../i18n/translate';
import { CHOROPLETH_BREAKS, CHOROPLETH_COLORS } from '../map/palette';
import type { AnalysisId, KeyFigure } from '../state/app-state';
import { element } from './dom';

export interface SummaryContext {
  language: Language;
  t: Translate;
  datasets: Datasets;
}

/** A small table: headers, then rows of cells (first column text, others numbers, right-aligned). */
export function summaryTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  caption?: string,
): HTMLElement {
  return element('table', { className: 'summary-table' }, [
    caption ? element('caption', { text: caption }) : null,
    element('thead', {}, [
      element(
        'tr',
        {},
        headers.map((header) => element('th', { text: header, attributes: { scope: 'col' } })),
      ),
    ]),
    element(
      'tbody',
      {},
      rows.map((row) =>
        element(
          'tr',
          {},
          row.map((cell, index) =>
            element(index === 0 ? 'th' : 'td', {
              text: cell,
              attributes: index === 0 ? { scope: 'row' } : {},
            }),
          ),
        ),
      ),
    ),
  ]);
}

export function keyFiguresList(figures: readonly KeyFigure[], context: SummaryContext): HTMLElement {
  return element(
    'dl',
    { className: 'key-figures' },
    figures.flatMap((figure) => [
      element('dd', {
        text:
          figure.format === 'percent'
            ? `${formatNumber(context.language, figure.value * 100, 1)} %`
            : formatNumber(context.language, figure.value),
      }),
      element('dt', { text: figure.label }),
    ]),
  );
}

/** The analysis-specific part of the panel, or null when there is nothing to show yet. */
export function analysisSummary(
  analysis: AnalysisId,
  results: AnalysisResults,
  context: SummaryContext,
): HTMLElement | null {
  const { t, language } = context;
  const number = (value: number) => formatNumber(language, value);
  const countHeaders = [t('column.sites'), t('column.households'), t('column.individuals')];
  switch (analysis) {
    case 'exposure': {
      const rows = results.exposure?.summary;
      return rows ? exposureTable(rows, context) : null;
    }
    case 'access': {
      const rows = results.access?.summary;
      if (!rows) return null;
      return summaryTable(
        [t('column.level'), ...countHeaders],
        rows.map((row) => [
          t(`controlLevel.${row.level}`),
          number(row.sites),
          number(row.households),
          number(row.individuals),
        ]),
      );
    }
    case 'coverage': {
      const coverage = results.coverage;
      if (!coverage) return null;
      const overloaded = coverage.waterPointLoads
        .filter((load) => load.overloaded)
        .sort((a, b) => b.individuals - a.individuals);
      const services = context.datasets.services.features;
      return element('div', {}, [
        element('p', { className: 'analysis-note', text: t('analysis.sphereWater') }),
        overloaded.length === 0
          ? element('p', { text: t('analysis.noneOverloaded') })
          : summaryTable(
              [t('column.name'), t('column.load'), t('column.maximum')],
              overloaded
                .slice(0, 12)
                .map((load) => [
                  services[load.serviceIndex]?.properties.name ?? String(load.serviceIndex),
                  number(load.individuals),
                  load.maximumPeople === null ? '—' : number(load.maximumPeople),
                ]),
              t('analysis.overloadedWaterPoints'),
            ),
      ]);
    }
    case 'space':
      return results.space
        ? element('p', { className: 'analysis-note', text: t('analysis.sphereSpace') })
        : null;
    case 'area': {
      const rows = results.area?.exposure;
      return rows?.some((row) => row.sites > 0) ? exposureTable(rows, context) : null;
    }
    case 'admin': {
      const admin = results.admin;
      if (!admin) return null;
      const departments = new Map(admin.departments.map((row) => [row.pcode, row.name]));
      const communes = admin.communes
        .filter((row) => row.sites > 0)
        .sort((a, b) => b.individuals - a.individuals);
      return element('div', {}, [
        choroplethLegend(context),
        // Three columns fit the side panel; the department follows the commune's name.
        summaryTable(
          [t('column.commune'), t('column.sites'), t('column.individuals')],
          communes.map((row) => [
            `${row.name || row.pcode} — ${departments.get(row.pcode.slice(0, 4)) ?? row.pcode.slice(0, 4)}`,
            number(row.sites),
            number(row.individuals),
          ]),
        ),
        admin.fallbackSites > 0
          ? element('p', {
              className: 'analysis-note',
              text: t('analysis.fallbackSites', { count: admin.fallbackSites }),
            })
          : null,
      ]);
    }
    case 'candidate':
      return results.candidate ? candidateVerdict(results.candidate, context) : null;
  }
}

/** Sites, households and people per hazard type × severity (rows without sites left out). */
function exposureTable(rows: readonly ExposureRow[], { t, language }: SummaryContext): HTMLElement {
  const number = (value: number) => formatNumber(language, value);
  return summaryTable(
    [t('column.hazard'), t('column.sites'), t('column.households'), t('column.individuals')],
    rows
      .filter((row) => row.sites > 0)
      .map((row) => [
        `${t(`hazardType.${row.hazardType}`)} — ${t(`severity.${row.severity}`)}`,
        number(row.sites),
        number(row.households),
        number(row.individuals),
      ]),
  );
}

function choroplethLegend(context: SummaryContext): HTMLElement {
  const number = (value: number) => formatNumber(context.language, value);
  const bounds = [0, ...CHOROPLETH_BREAKS];
  return element(
    'ul',
    { className: 'choropleth-legend', attributes: { 'aria-label': context.t('analysis.choropleth') } },
    CHOROPLETH_COLORS.map((color, index) => {
      const swatch = element('span', {
        className: 'choropleth-swatch',
        attributes: { 'aria-hidden': 'true' },
      });
      swatch.style.background = `rgb(${color.join(',')})`;
      const lower = bounds[index] ?? 0;
      const upper = CHOROPLETH_BREAKS[index];
      return element('li', {}, [
        swatch,
        upper === undefined ? `≥ ${number(lower)}` : `${number(lower)} – ${number(upper - 1)}`,
      ]);
    }),
  );
}

function candidateVerdict(candidate: CandidateCheck, context: SummaryContext): HTMLElement {
  const { t, language } = context;
  const distance = (meters: number) => formatDistance(language, meters);
  const fields: [MessageKey | string, string][] = [
    [
      'candidate.location',
      `${formatNumber(language, candidate.latitude, 5)}, ${formatNumber(language, candidate.longitude, 5)}`,
    ],
    [
      'candidate.admin',
      candidate.commune
        ? `${candidate.commune.name} (${candidate.commune.pcode})${candidate.department ? ` — ${candidate.department.name}` : ''}`
        : t('candidate.outside'),
    ],
    [
      'candidate.hazards',
      candidate.hazards.length === 0
        ? t('candidate.noHazard')
        : candidate.hazards
            .map((hazard) => `${t(`hazardType.${hazard.hazardType}`)} (${t(`severity.${hazard.severity}`)})`)
            .join(', '),
    ],
    [
      'candidate.nearestControl',
      candidate.nearestControl
        ? `${t(`controlLevel.${candidate.nearestControl.level}`)} — ${distance(candidate.nearestControl.meters)}`
        : t('candidate.none'),
    ],
  ];
  const serviceFields = candidate.services.map(
    (service) =>
      [
        t('candidate.nearestService', { service: t(`serviceType.${service.serviceType}`) }),
        service.index < 0 ? t('candidate.none') : distance(service.meters),
      ] as const,
  );
  return element('div', { className: 'candidate-result' }, [
    element('p', {
      className: `verdict verdict-${candidate.verdict}`,
      text: t(`verdict.${candidate.verdict}`),
    }),
    element(
      'dl',
      { className: 'details-fields' },
      [...fields.map(([key, value]) => [t(key as MessageKey), value] as const), ...serviceFields].flatMap(
        ([label, value]) => [element('dt', { text: label }), element('dd', { text: value })],
      ),
    ),
    element('h4', { text: t('candidate.reasons') }),
    candidate.reasons.length === 0
      ? element('p', { text: t('candidate.noReason') })
      : element(
          'ul',
          { className: 'candidate-reasons' },
          candidate.reasons.map((reason) =>
            element('li', { className: `reason-${reason.weight}`, text: reasonText(reason, context) }),
          ),
        ),
  ]);
}

export function reasonText(reason: CandidateReason, { t, language }: SummaryContext): string {
  const distance = (meters: number) => formatDistance(language, meters);
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
