/**
 * The data manager's warnings about what is shown together: ids that
 * several shown datasets of one layer share (counted twice), and the
 * fictional gang-control demo shown beside real data.
 */
import type { LayerDataset, SharedIds } from '../app/data-library';
import type { Translate } from '../i18n/translate';
import { element } from './dom';

/** How many shared ids a warning names. */
const EXAMPLES = 5;

/** True when the fictional gang-control demo is shown while some layer holds real data. */
export function fictionalControlBesideReal(datasets: readonly LayerDataset[]): boolean {
  const demoControl = datasets.some(
    (dataset) => dataset.kind === 'demo' && dataset.role === 'control' && dataset.shown,
  );
  return demoControl && datasets.some((dataset) => dataset.kind !== 'demo' && dataset.shown);
}

/** One warning paragraph per layer with shared ids, and the fictional-layer warning; none when all is well. */
export function dataManagerNotices(
  t: Translate,
  shared: readonly SharedIds[],
  datasets: readonly LayerDataset[],
): HTMLElement[] {
  const notices = shared.map((report) =>
    element('p', {
      className: 'data-manager-warning shared-ids',
      text: t('dataManager.sharedIds', {
        layer: t(`layer.${report.role}`),
        count: report.ids.length,
        examples: report.ids.slice(0, EXAMPLES).join(', ') + (report.ids.length > EXAMPLES ? ', …' : ''),
      }),
      attributes: { role: 'status', 'data-shared-role': report.role },
    }),
  );
  if (fictionalControlBesideReal(datasets))
    notices.push(
      element('p', {
        className: 'data-manager-warning fictional-beside-real',
        text: t('dataManager.fictionalBesideReal'),
        attributes: { role: 'status' },
      }),
    );
  return notices;
}
