/**
 * The figures of the Movements section (issue 17), from the engine's summary:
 * totals, the commune with the highest host pressure, arrivals and departures
 * per commune with their host pressure, and the largest origin–destination
 * pairs. Text only.
 */
import type { MovementSummary } from '../../workers/analysis/flow-aggregation';
import { formatFigure, NO_VALUE } from '../analyses/figure-format';
import { movementRows } from '../flows/flow-panel-rows';
import type { FlowState } from '../flows/flow-state';
import type { Language, Translate } from '../i18n/translate';
import { formatHostPressure, highestPressureText } from '../map/flow-legend';
import { element } from './dom';

/** The figures' nodes for a summary of `state`'s records. */
export function flowFigures(
  summary: MovementSummary,
  state: FlowState,
  t: Translate,
  language: Language,
): HTMLElement[] {
  const rows = movementRows(summary, state.communes);
  const count = (value: number) => formatFigure({ value, format: 'count', language });
  const cell = (column: string, text: string) =>
    element('td', { text, attributes: { 'data-column': column } });
  const header = (...keys: Parameters<Translate>[0][]) =>
    element('thead', {}, [
      element(
        'tr',
        {},
        keys.map((key) => element('th', { text: t(key) })),
      ),
    ]);
  return [
    element('p', {
      text: t('flows.totals', {
        people: count(rows.people),
        records: count(rows.recordCount),
        abroad: count(rows.arrivalsFromAbroad),
      }),
    }),
    element('p', {
      className: 'flows-key-figure',
      text: highestPressureText(summary, state.communes, language),
      attributes: { 'data-flows-figure': 'highest-pressure' },
    }),
    element('table', { className: 'flows-table', attributes: { 'data-flows-table': 'communes' } }, [
      header(
        'flows.column.commune',
        'flows.column.arrivals',
        'flows.column.departures',
        'flows.column.hostPressure',
      ),
      element(
        'tbody',
        {},
        rows.communes.map((row) =>
          element('tr', { attributes: { 'data-commune': row.pcode } }, [
            cell('commune', row.name),
            cell('arrivals', count(row.arrivals)),
            cell('departures', count(row.departures)),
            cell(
              'hostPressure',
              Number.isFinite(row.hostPressure) ? formatHostPressure(language, row.hostPressure) : NO_VALUE,
            ),
          ]),
        ),
      ),
    ]),
    element('table', { className: 'flows-table', attributes: { 'data-flows-table': 'pairs' } }, [
      header('flows.column.origin', 'flows.column.destination', 'flows.column.people'),
      element(
        'tbody',
        {},
        rows.pairs.map((pair) =>
          element('tr', {}, [
            cell('origin', pair.origin ?? t('flows.abroad')),
            cell('destination', pair.destination ?? t('flows.unknownPlace')),
            cell('people', count(pair.count)),
          ]),
        ),
      ),
    ]),
  ];
}
