/**
 * Bring-your-own-data, wired into the page: the toolbar's Import, Data and
 * Export buttons, the hidden multi-file input, dropping files on the map, the
 * queue that takes dropped files through the import dialog one by one, and
 * loading the stored imports at startup (a store failure keeps the demo and
 * says why).
 */

import { createDatasetLibrary, type DatasetLibrary, type LoadProblem } from '../app/data-library';
import { createImportEngine, type ImportEngine } from '../app/import-engine';
import type { Datasets } from '../domain/types';
import { translator } from '../i18n/translate';
import type { DatasetRecord } from '../io/dataset-store';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { mountDataManager } from './data-manager';
import { element } from './dom';
import { mountExportDialog } from './export-dialog';
import { runImportDialog } from './import-dialog';
import { storeErrorMessage } from './import-messages';

export interface ImportFeatureOptions {
  toolbar: HTMLElement;
  /** The element around the map: files dropped on it are imported, notices appear in it. */
  mapArea: HTMLElement;
  store: Store<AppState>;
  /** The demo collections, kept so "reset to the demo" works. */
  demo: Datasets;
  /** Fits the map to what was just imported (the page wires it to the map view's `fitBounds`). */
  fitToImport?: (bounds: { west: number; south: number; east: number; north: number }) => void;
  /** Offered each new file first: true when it took it (a movements table goes to the flows layer). */
  takeFile?: (file: File, engine: ImportEngine) => Promise<boolean>;
}

export interface ImportFeature {
  library: DatasetLibrary;
  /** Resolves once stored imports are loaded (or failed to load). */
  ready: Promise<void>;
  unmount(): void;
}

export function mountImportFeature(options: ImportFeatureOptions): ImportFeature {
  const { toolbar, mapArea, store, demo } = options;
  const t = () => translator(store.get().language);
  const library = createDatasetLibrary(store, demo, {
    onVersionChange: () => showNotice(t()('dataManager.versionChange'), 'error'),
  });
  const engine = createImportEngine();

  const dialog = (className: string) => {
    const node = element('dialog', { className: `io-dialog ${className}` });
    document.body.append(node);
    return node;
  };
  const importDialog = dialog('import-dialog');
  const dataDialog = dialog('data-manager-dialog');
  const exportDialog = dialog('export-dialog');

  // Notices: successes are polite status lines, failures alerts; both can be dismissed.
  const noticeText = element('span', { className: 'io-notice-text' });
  const dismiss = element('button', {
    className: 'icon-button',
    text: '×',
    attributes: { type: 'button', 'data-action': 'dismiss-notice' },
  });
  const notice = element('div', { className: 'io-notice', attributes: { 'data-import-notice': '' } }, [
    noticeText,
    dismiss,
  ]);
  notice.hidden = true;
  dismiss.addEventListener('click', () => {
    notice.hidden = true;
  });
  mapArea.append(notice);
  function showNotice(message: string, kind: 'info' | 'error') {
    notice.hidden = false;
    notice.classList.toggle('error', kind === 'error');
    notice.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    dismiss.setAttribute('aria-label', t()('import.dismiss'));
    noticeText.textContent = message;
  }

  // The file queue: one dialog at a time, in the order the files came.
  const queue: Array<{ file: File; replaceTarget?: DatasetRecord }> = [];
  let running = false;
  let batchTotal = 0;
  let batchIndex = 0;
  const enqueue = (files: readonly File[], replaceTarget?: DatasetRecord) => {
    if (files.length === 0) return;
    if (!running) {
      batchTotal = 0;
      batchIndex = 0;
    }
    batchTotal += files.length;
    for (const file of files) queue.push(replaceTarget ? { file, replaceTarget } : { file });
    void drain();
  };
  const drain = async () => {
    if (running) return;
    running = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        batchIndex++;
        if (!next.replaceTarget && (await options.takeFile?.(next.file, engine))) continue;
        await runImportDialog({
          dialog: importDialog,
          file: next.file,
          store,
          engine,
          library,
          ...(next.replaceTarget ? { replaceTarget: next.replaceTarget } : {}),
          queue: { index: batchIndex, total: batchTotal },
          notify: (message) => showNotice(message, 'info'),
          ...(options.fitToImport ? { onImported: options.fitToImport } : {}),
        });
      }
    } finally {
      running = false;
    }
  };

  // The hidden input behind the Import button; `replaceTarget` is set while replacing an entry.
  let replaceTarget: DatasetRecord | undefined;
  const input = element('input', {
    className: 'visually-hidden',
    attributes: {
      type: 'file',
      multiple: true,
      id: 'import-file-input',
      tabindex: -1,
      accept: '.csv,.tsv,.txt,.xlsx,.xls,.geojson,.json,.topojson,.kml,.kmz,.zip',
    },
  });
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    const target = replaceTarget;
    replaceTarget = undefined;
    input.value = '';
    enqueue(target ? files.slice(0, 1) : files, target);
  });
  input.addEventListener('cancel', () => {
    replaceTarget = undefined;
  });

  const dataManager = mountDataManager({
    dialog: dataDialog,
    store,
    library,
    replace: (record) => {
      replaceTarget = record;
      input.multiple = false;
      input.click();
      input.multiple = true;
    },
  });
  const exporter = mountExportDialog(exportDialog, store);

  const toolbarButton = (action: string) =>
    element('button', {
      className: 'io-toolbar-button',
      attributes: { type: 'button', 'data-action': action },
    });
  const importButton = toolbarButton('open-import');
  const dataButton = toolbarButton('open-data-manager');
  const exportButton = toolbarButton('open-export');
  importButton.addEventListener('click', () => {
    replaceTarget = undefined;
    input.click();
  });
  dataButton.addEventListener('click', () => dataManager.open());
  exportButton.addEventListener('click', () => exporter.open());
  const labelButtons = () => {
    const translate = t();
    importButton.textContent = translate('import.button');
    importButton.title = translate('import.buttonTitle');
    dataButton.textContent = translate('dataManager.button');
    exportButton.textContent = translate('export.button');
    input.setAttribute('aria-label', translate('import.fileInputLabel'));
    dropHint.textContent = translate('import.dropHint');
  };
  toolbar.append(importButton, dataButton, exportButton, input);

  // Dropping files anywhere on the map.
  const dropHint = element('div', { className: 'io-drop-hint', attributes: { 'aria-hidden': 'true' } });
  dropHint.hidden = true;
  mapArea.append(dropHint);
  const carriesFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    dropHint.hidden = false;
  };
  const onDragLeave = (event: DragEvent) => {
    if (!mapArea.contains(event.relatedTarget as Node | null)) dropHint.hidden = true;
  };
  const onDrop = (event: DragEvent) => {
    dropHint.hidden = true;
    if (!carriesFiles(event)) return;
    event.preventDefault();
    enqueue([...(event.dataTransfer?.files ?? [])]);
  };
  mapArea.addEventListener('dragover', onDragOver);
  mapArea.addEventListener('dragleave', onDragLeave);
  mapArea.addEventListener('drop', onDrop);

  labelButtons();
  const unsubscribeLanguage = store.subscribe((state) => state.language, labelButtons);

  const describeLoadProblems = (problems: LoadProblem[]) => {
    const translate = t();
    return problems
      .map((problem) =>
        problem.kind === 'store'
          ? translate('dataManager.loadFailed', { reason: storeErrorMessage(problem.code, translate) })
          : translate('dataManager.recordSkipped', { name: problem.name }),
      )
      .join(' ');
  };
  const ready = library.load().then(
    (problems) => {
      if (problems.length > 0) showNotice(describeLoadProblems(problems), 'error');
      document.body.dataset.importsReady = 'true';
    },
    () => {
      showNotice(describeLoadProblems([{ kind: 'store', code: 'storage-failed' }]), 'error');
      document.body.dataset.importsReady = 'true';
    },
  );

  return {
    library,
    ready,
    unmount() {
      unsubscribeLanguage();
      library.dispose();
      dataManager.unmount();
      engine.dispose();
      mapArea.removeEventListener('dragover', onDragOver);
      mapArea.removeEventListener('dragleave', onDragLeave);
      mapArea.removeEventListener('drop', onDrop);
      for (const node of [
        importButton,
        dataButton,
        exportButton,
        input,
        notice,
        dropHint,
        importDialog,
        dataDialog,
        exportDialog,
      ])
        node.remove();
    },
  };
}
