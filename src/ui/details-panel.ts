/**
 * The details panel of the clicked feature: its fields and, for a site, what the
 * analyses say about it (asking for the per-site flags when they are not there).
 * Every value is set as text, so hostile names from imported files stay inert.
 */

import type { AnalysisController } from '../analysis/analysis-controller';
import { siteRowOfId } from '../analysis/site-table-row-index';
import { findFeature } from '../domain/feature-identity';
import { translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { describeFeature } from '../symbology/feature-description';
import { siteAnalysisSection } from './details-analysis';
import { element } from './dom';

export function mountDetailsPanel(
  container: HTMLElement,
  store: Store<AppState>,
  analysis: Pick<AnalysisController, 'results' | 'ensureFlags'>,
): () => void {
  const render = () => {
    const state = store.get();
    const t = translator(state.language);
    const selection = state.selection;
    const sites = state.datasets?.sites;
    // A site is found through the shared id index (a scan per render was slow at a million sites).
    const siteRow =
      selection?.layerId === 'sites' && sites ? siteRowOfId(sites.features, selection.featureId) : -1;
    const feature =
      selection?.layerId === 'sites'
        ? sites?.features[siteRow]
        : selection && state.datasets
          ? findFeature(state.datasets, selection.layerId, selection.featureId)
          : undefined;
    container.hidden = !selection || !feature;
    if (!selection || !feature) {
      container.replaceChildren();
      return;
    }
    const description = describeFeature(selection.layerId, feature, state.language, t);
    const results = analysis.results.get();
    // Flags are indexed on the sites they were computed for: only those of the shown sites apply.
    const siteIndex = results.sites === sites ? siteRow : -1;
    if (selection.layerId === 'sites') analysis.ensureFlags();
    const close = element('button', {
      className: 'icon-button',
      text: '×',
      attributes: { type: 'button', 'aria-label': t('details.close'), 'data-action': 'close-details' },
    });
    close.addEventListener('click', () => store.set({ selection: null }));
    container.replaceChildren(
      element('div', { className: 'details-header' }, [
        element('div', {}, [
          element('p', {
            className: 'details-kind',
            text: `${t(`layer.${selection.layerId}`)} · ${description.kind}`,
          }),
          element('h2', {
            className: 'details-title',
            text: description.title,
            attributes: { id: 'details-title' },
          }),
        ]),
        close,
      ]),
      ...(description.sensitive
        ? [element('p', { className: 'sensitive-badge', text: t('value.sensitive') })]
        : []),
      element(
        'dl',
        { className: 'details-fields' },
        description.fields.flatMap((field) => [
          element('dt', { text: field.label }),
          element('dd', { text: field.value }),
        ]),
      ),
      ...(selection.layerId === 'sites'
        ? [
            siteAnalysisSection(
              siteIndex >= 0 ? results.flags : null,
              siteIndex,
              { people: Number(feature.properties?.individuals), weights: state.priorityWeights },
              state.language,
              t,
            ),
          ]
        : []),
    );
  };
  render();
  const unsubscribers = [
    store.subscribe((state) => state.selection, render),
    store.subscribe((state) => state.language, render),
    store.subscribe((state) => state.datasets, render),
    store.subscribe((state) => state.priorityWeights, render),
    analysis.results.subscribe((results) => results.flags, render),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    container.replaceChildren();
  };
}
