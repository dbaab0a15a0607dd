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

/** A cell with the dataset's visibility checkbox. */
export function visibilityCell(
  t: Translate,
  dataset: LayerDataset,
  setShown: (id: string, shown: boolean) => void,
): HTMLTableCellElement {
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
  return element('td', { className: 'dataset-shown' }, [box]);
}

/** A row for the demo of a layer or a session-only collection: shown or not, never renamed or removed here. */
export function builtInRow(
  t: Translate,
  language: Language,
  dataset: LayerDataset,
  setShown: (id: string, shown: boolean) => void,
): HTMLTableRowElement {
  return element('tr', { className: 'built-in', attributes: { 'data-layer-dataset': dataset.id } }, [
    visibilityCell(t, dataset, setShown),
    element('td', {}, [element('span', { className: 'dataset-name', text: datasetLabel(t, dataset) })]),
    element('td', { text: t(`layer.${dataset.role}`) }),
    element('td', { className: 'numeric', text: formatNumber(language, dataset.collection.features.length) }),
    element('td', { text: '' }),
    element('td', { className: 'dataset-source', text: '' }),
    element('td', { text: '' }),
  ]);
}
