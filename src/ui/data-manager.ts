/**
 * The data manager dialog: every dataset a layer may show (imports, the demo
 * of each layer, a session-only collection) with its own "shown" checkbox —
 * a layer combines the shown ones — and for imports name, layer, feature
 * count, date, source file and rename,
 * replace (re-import into the same entry), remove and "reset to the demo";
 * damaged records, named and removable; the storage used and "clear the
 * analysis cache". Removing asks first; every store failure is said in plain
 * words. Changes made in another tab show up here as they happen.
 */

import { DEFAULT_PRIORITY_WEIGHTS } from '../analyses/priority-score';
import type { DatasetLibrary, StorageUsage } from '../app/data-library';
import { formatNumber, localeFor, translator } from '../i18n/translate';
import type { DamagedDataset, DatasetRecord, StoreResult } from '../io/dataset-store';
import type { AppState } from '../state/app-state';
import { EMPTY_SITE_FILTER } from '../state/site-filter';
import type { Store } from '../state/store';
import { dataManagerNotices } from './data-manager-notices';
import { builtInSection, visibilityCell } from './data-manager-rows';
import { storageSection } from './data-manager-storage';
import { element } from './dom';
import { storeErrorMessage } from './import-messages';
import { roundSeriesSection } from './round-series-section';

export interface DataManagerOptions {
  dialog: HTMLDialogElement;
  store: Store<AppState>;
  library: DatasetLibrary;
  /** Opens the file picker to re-import into `record`. */
  replace: (record: DatasetRecord) => void;
}

/** Mounts the dialog's behaviour; returns `open` and `unmount`. */
export function mountDataManager(options: DataManagerOptions): { open(): void; unmount(): void } {
  const { dialog, store, library } = options;
  dialog.setAttribute('aria-labelledby', 'data-manager-title');
  let renaming: string | undefined;
  /** What is typed in the rename box, kept when another tab's change redraws the list. */
  let renameDraft: string | undefined;
  let confirming:
    | { kind: 'remove'; record: DatasetRecord }
    | { kind: 'remove-damaged'; entry: DamagedDataset }
    | { kind: 'reset' }
    | undefined;
  let error = '';
  let status = '';
  let usage: StorageUsage | undefined;

  /** Measures storage again, then shows it (the dialog may have closed meanwhile). */
  const measure = async () => {
    usage = await library.storageUsage();
    render();
  };

  const run = async (work: Promise<StoreResult<unknown>>, success = '') => {
    const result = await work;
    const t = translator(store.get().language);
    error = result.ok
      ? ''
      : t('dataManager.actionFailed', { reason: storeErrorMessage(result.error.code, t) });
    status = result.ok ? success : '';
    confirming = undefined;
    renaming = undefined;
    render();
    void measure();
  };

  const button = (text: string, className: string, action: string, onClick: () => void) => {
    const node = element('button', {
      className,
      text,
      attributes: { type: 'button', 'data-action': action },
    });
    node.addEventListener('click', onClick);
    return node;
  };

  const render = () => {
    if (!dialog.open) return;
    const { language } = store.get();
    const t = translator(language);
    const records = library.records();
    const datasets = library.layerDatasets();
    const setShown = (id: string, shown: boolean) => library.setShown(id, shown);
    const dateFormat = new Intl.DateTimeFormat(localeFor(language), {
      dateStyle: 'medium',
      timeStyle: 'short',
    });

    const row = (record: DatasetRecord) => {
      const dataset = datasets.find((each) => each.id === record.id);
      const nameCell =
        renaming === record.id
          ? renameForm(record)
          : element('td', {}, [
              element('span', { className: 'dataset-name', text: record.name }),
              dataset?.shown
                ? element('span', { className: 'shown-badge', text: t('dataManager.shown') })
                : null,
            ]);
      return element('tr', { attributes: { 'data-dataset-id': record.id } }, [
        dataset ? visibilityCell(t, dataset, setShown) : element('td', {}),
        nameCell,
        element('td', { text: t(`layer.${record.role}`) }),
        element('td', { className: 'numeric', text: formatNumber(language, record.featureCount) }),
        element('td', { text: dateFormat.format(new Date(record.importedAt)) }),
        element('td', { className: 'dataset-source', text: record.sourceFileName }),
        element('td', { className: 'dataset-actions' }, [
          button(t('dataManager.rename'), 'io-button small', 'rename-dataset', () => {
            renaming = record.id;
            renameDraft = undefined;
            render();
          }),
          button(t('dataManager.replace'), 'io-button small', 'replace-dataset', () => {
            dialog.close();
            options.replace(record);
          }),
          button(t('dataManager.remove'), 'io-button small danger', 'remove-dataset', () => {
            confirming = { kind: 'remove', record };
            render();
          }),
        ]),
      ]);
    };

    const damagedRow = (entry: DamagedDataset) =>
      element('tr', { className: 'damaged', attributes: { 'data-damaged-id': entry.id } }, [
        element('td', {}),
        element('td', {}, [
          element('span', { className: 'dataset-name', text: entry.name ?? entry.id }),
          element('span', { className: 'damaged-badge', text: t('dataManager.damaged') }),
        ]),
        element('td', { attributes: { colspan: 4 }, text: t(`dataManager.damage.${entry.damage}` as const) }),
        element('td', { className: 'dataset-actions' }, [
          button(t('dataManager.remove'), 'io-button small danger', 'remove-damaged', () => {
            confirming = { kind: 'remove-damaged', entry };
            render();
          }),
        ]),
      ]);

    const renameForm = (record: DatasetRecord) => {
      const input = element('input', {
        attributes: {
          type: 'text',
          'aria-label': t('dataManager.renameLabel', { name: record.name }),
          'data-rename-input': '',
        },
      });
      input.value = renameDraft ?? record.name;
      input.addEventListener('input', () => {
        renameDraft = input.value;
      });
      const form = element('form', { className: 'rename-form' }, [
        input,
        element('button', {
          className: 'io-button small primary',
          text: t('dataManager.save'),
          attributes: { type: 'submit' },
        }),
      ]);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const name = input.value.trim();
        if (name !== '') void run(library.rename(record.id, name));
      });
      queueMicrotask(() => input.focus());
      return element('td', {}, [form]);
    };

    const damaged = library.damaged();
    const builtIn = datasets.filter((dataset) => dataset.kind !== 'import');
    const empty =
      records.length === 0 && damaged.length === 0
        ? element('p', { className: 'io-hint data-manager-empty', text: t('dataManager.empty') })
        : null;
    const table = element('div', { className: 'io-table-scroll' }, [
      element('table', { className: 'io-table data-manager-table' }, [
        element('thead', {}, [
          element(
            'tr',
            {},
            (
              [
                'dataManager.columnShown',
                'dataManager.columnName',
                'dataManager.columnRole',
                'dataManager.columnCount',
                'dataManager.columnDate',
                'dataManager.columnSource',
                'dataManager.columnActions',
              ] as const
            ).map((key) => element('th', { text: t(key), attributes: { scope: 'col' } })),
          ),
        ]),
        element('tbody', {}, [...damaged.map(damagedRow), ...[...records].reverse().map(row)]),
      ]),
    ]);
    const damagedHint =
      damaged.length > 0 ? element('p', { className: 'io-hint', text: t('dataManager.damagedHint') }) : null;

    const confirmBox = confirming
      ? element(
          'div',
          {
            className: 'io-confirm',
            attributes: { role: 'alertdialog', 'aria-labelledby': 'data-manager-confirm' },
          },
          [
            element('p', {
              text:
                confirming.kind === 'reset'
                  ? t('dataManager.confirmReset')
                  : confirming.kind === 'remove-damaged'
                    ? t('dataManager.confirmRemoveDamaged', {
                        name: confirming.entry.name ?? confirming.entry.id,
                      })
                    : t('dataManager.confirmRemove', { name: confirming.record.name }),
              attributes: { id: 'data-manager-confirm' },
            }),
            element('div', { className: 'io-confirm-actions' }, [
              button(t('dataManager.no'), 'io-button', 'confirm-no', () => {
                confirming = undefined;
                render();
              }),
              button(t('dataManager.yes'), 'io-button danger', 'confirm-yes', () => {
                const current = confirming;
                if (current?.kind === 'reset') {
                  // Back to the demo as first opened: no site filter, default priority weights.
                  store.set({
                    siteFilter: EMPTY_SITE_FILTER,
                    priorityWeights: DEFAULT_PRIORITY_WEIGHTS,
                  });
                  void run(library.reset());
                } else if (current?.kind === 'remove-damaged')
                  void run(library.removeDamaged(current.entry.key));
                else if (current) void run(library.remove(current.record.id));
              }),
            ]),
          ],
        )
      : null;

    const reset = button(t('dataManager.reset'), 'io-button', 'reset-demo', () => {
      confirming = { kind: 'reset' };
      render();
    });
    // Never disabled: reset is the way back from any state of local storage.

    dialog.replaceChildren(
      element('header', { className: 'io-dialog-header' }, [
        element('h2', { text: t('dataManager.title'), attributes: { id: 'data-manager-title' } }),
        element('p', { className: 'io-dialog-subtitle', text: t('dataManager.intro') }),
      ]),
      element('div', { className: 'io-dialog-body' }, [
        error ? element('p', { className: 'io-error', text: error, attributes: { role: 'alert' } }) : null,
        status ? element('p', { className: 'io-hint', text: status, attributes: { role: 'status' } }) : null,
        empty,
        ...dataManagerNotices(t, library.sharedIds(), datasets),
        records.length > 0 || damaged.length > 0 ? table : null,
        damagedHint,
        roundSeriesSection(t, language, records),
        builtInSection(t, language, builtIn, setShown),
        confirmBox,
        storageSection({
          language,
          t,
          usage,
          clearCache: () => void run(library.clearAnalysisCache(), t('dataManager.cacheCleared')),
        }),
      ]),
      element('div', { className: 'io-dialog-actions' }, [
        reset,
        element('span', { className: 'io-spacer' }),
        button(t('dataManager.close'), 'io-button primary', 'close-data-manager', () => dialog.close()),
      ]),
    );
    const focusTarget = dialog.querySelector<HTMLElement>('[data-action="confirm-no"]');
    focusTarget?.focus();
  };

  // Also called when another tab changed the data or cleared the cache.
  const unsubscribe = library.subscribe(() => {
    render();
    if (dialog.open) void measure();
  });
  const unsubscribeLanguage = store.subscribe((state) => state.language, render);
  return {
    open() {
      error = '';
      status = '';
      renaming = undefined;
      confirming = undefined;
      if (!dialog.open) dialog.showModal();
      render();
      void measure();
    },
    unmount() {
      unsubscribe();
      unsubscribeLanguage();
    },
  };
}
