/**
 * The details panel of the clicked feature. Every value is set as text, so
 * hostile names from imported files stay inert.
 */
import { findFeature } from '../domain/feature-identity';
import { translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { describeFeature } from '../symbology/feature-description';
import { element } from './dom';

export function mountDetailsPanel(container: HTMLElement, store: Store<AppState>): () => void {
  const render = () => {
    const state = store.get();
    const t = translator(state.language);
    const selection = state.selection;
    const feature =
      selection && state.datasets
        ? findFeature(state.datasets, selection.layerId, selection.featureId)
        : undefined;
    container.hidden = !selection || !feature;
    if (!selection || !feature) {
      container.replaceChildren();
      return;
    }
    const description = describeFeature(selection.layerId, feature, state.language, t);
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
    );
  };
  render();
  const unsubscribers = [
    store.subscribe((state) => state.selection, render),
    store.subscribe((state) => state.language, render),
    store.subscribe((state) => state.datasets, render),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    container.replaceChildren();
  };
}
