/**
 * Parts of the data manager's table that are about showing: the "shown"
 * checkbox of every dataset, and the rows of the datasets that are not
 * imports (the demo of each layer, a collection kept for this session only).
 */
import type { LayerDataset } from '../app/data-library';
import type { Language } from '../i18n/translate';
import { formatNumber, type Translate } from '../i18n/translate';
import { element } from './dom';

/** The name a dataset is shown under: the record's, or what the built-in one is. */
export function datasetLabel(t: Translate, dataset: LayerDataset): string {
  if (dataset.kind === 'demo') return t('dataManager.demoName');
  if (dataset.kind === 'unsaved') return t('dataManager.unsavedName');
  return dataset.name;
}

/** The dataset's visibility checkbox. */
function visibilityBox(
  t: Translate,
  dataset: LayerDataset,
  setShown: (id: string, shown: boolean) => void,
): HTMLInputElement {
  const box = element('input', {
    attributes: {
      type: 'checkbox',
      'aria-label': t('dataManager.showLabel', {
        name: `${datasetLabel(t, dataset)} — ${t(`layer.${dataset.role}`)}`,
      }),
      'data-action': 'toggle-dataset',
      'data-toggle-id': dataset.id,
    },
  });
  box.checked = dataset.shown;
  box.addEventListener('change', () => setShown(dataset.id, box.checked));
  return box;
}

/** A table cell with the dataset's visibility checkbox. */
export function visibilityCell(
  t: Translate,
  dataset: LayerDataset,
  setShown: (id: string, shown: boolean) => void,
): HTMLTableCellElement {
  return element('td', { className: 'dataset-shown' }, [visibilityBox(t, dataset, setShown)]);
}

/**
 * The datasets that are not imports (the demo of each layer, a collection
 * kept for this session only), each with its checkbox: shown or not, never
 * renamed or removed here. Apart from the imports' table, whose rows stay
 * one per stored dataset.
 */
export function builtInSection(
  t: Translate,
  language: Language,
  datasets: readonly LayerDataset[],
  setShown: (id: string, shown: boolean) => void,
): HTMLElement {
  const items = datasets.map((dataset) => {
    const box = visibilityBox(t, dataset, setShown);
    const text = `${t(`layer.${dataset.role}`)} — ${datasetLabel(t, dataset)} (${formatNumber(language, dataset.collection.features.length)})`;
    return element('li', { attributes: { 'data-layer-dataset': dataset.id } }, [
      element('label', {}, [box, element('span', { text })]),
    ]);
  });
  return element('fieldset', { className: 'data-manager-built-in' }, [
    element('legend', { text: t('dataManager.builtIn') }),
    element('ul', {}, items),
  ]);
}
