/**
 * The import dialog for one file: progress and cancel while the worker
 * reads it, then the review — layer role (guessed, confirmed by the user),
 * field mapping, offered repairs and the located validation report — and
 * finally "import the valid part" or cancel. Nothing on the map changes until
 * the user confirms. A modal <dialog> (showModal): the browser traps focus,
 * Escape cancels, the heading labels it.
 */

import type { DatasetLibrary } from '../app/data-library';
import {
  type ImportEngine,
  type ImportHandle,
  isImportCancelled,
  isImportStopped,
} from '../app/import-engine';
import { translator } from '../i18n/translate';
import type { DatasetRecord } from '../io/dataset-store';
import { type LayerRole, requiredFieldsOf } from '../io/field-candidates';
import { mapFields } from '../io/field-mapping';
import { collectionBounds } from '../io/haiti-extent';
import type { ImportChoice, ReadSummary, ReviewSummary } from '../io/import-pipeline';
import type { RepairKind } from '../io/problem';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';
import {
  classValueLabel,
  defaultsChooserChildren,
  fieldLabel,
  mappingGridChildren,
} from './import-mapping-grid';
import {
  blockedMessage,
  defaultsSummary,
  encodingLabel,
  failureHeading,
  problemLine,
  repairLabel,
  storeErrorMessage,
} from './import-messages';
import { importReport } from './import-report';
import { watchStep } from './import-watchdog';
import { roundImportFields } from './round-import-fields';

const ROLES: readonly LayerRole[] = ['sites', 'hazards', 'control', 'services', 'admin'];

export interface ImportDialogOptions {
  dialog: HTMLDialogElement;
  file: File;
  store: Store<AppState>;
  engine: ImportEngine;
  library: DatasetLibrary;
  /** Re-import into this stored dataset (role fixed). */
  replaceTarget?: DatasetRecord;
  queue?: { index: number; total: number };
  /** Tells the page what happened (a short status line). */
  notify: (message: string) => void;
  /** Called with the extent of what was just imported, so the map can fit to it. */
  onImported?: (bounds: { west: number; south: number; east: number; north: number }) => void;
}

/** Runs the dialog for one file; resolves when it closes (imported, cancelled or failed). */
export function runImportDialog(options: ImportDialogOptions): Promise<void> {
  const { dialog, file, store, engine, library, replaceTarget } = options;
  const t = translator(store.get().language);
  const heading = element('h2', {
    text: t('import.dialogTitle', { file: file.name }),
    attributes: { id: 'import-dialog-title' },
  });
  const body = element('div', { className: 'io-dialog-body' });
  const actions = element('div', { className: 'io-dialog-actions' });
  dialog.replaceChildren(
    element('header', { className: 'io-dialog-header' }, [
      heading,
      options.queue && options.queue.total > 1
        ? element('p', { className: 'io-dialog-subtitle', text: t('import.queue', options.queue) })
        : null,
    ]),
    body,
    actions,
  );
  dialog.setAttribute('aria-labelledby', 'import-dialog-title');

  let handle: ImportHandle | undefined;
  /** Stops a save in progress when the dialog closes (Cancel, Escape): nothing is then stored. */
  const saving = new AbortController();
  /** Calls to the engine still running: closing the dialog cancels them (the worker is ended). */
  let inFlight = 1;
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    inFlight += 1;
    return work.finally(() => {
      inFlight -= 1;
    });
  };
  const button = (text: string, className: string, onClick: () => void, action: string) => {
    const node = element('button', {
      className,
      text,
      attributes: { type: 'button', 'data-action': action },
    });
    node.addEventListener('click', onClick);
    return node;
  };

  return new Promise<void>((resolve) => {
    const finish = () => {
      if (dialog.open) dialog.close();
    };
    const onCancel = () => {
      if (inFlight > 0) engine.cancel();
    };
    const onClose = () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onClose);
      if (inFlight > 0) engine.cancel();
      saving.abort();
      handle?.release();
      dialog.replaceChildren();
      resolve();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onClose);

    // Stage 1: read and parse, with progress and cancel.
    const progress = element('progress', { className: 'import-progress', attributes: { max: 1 } });
    const status = element('p', { className: 'import-status', text: t('import.reading') });
    body.replaceChildren(status, progress);
    const cancelButton = button(t('import.cancel'), 'io-button', finish, 'cancel-import');
    actions.replaceChildren(cancelButton);
    if (!dialog.open) dialog.showModal();
    cancelButton.focus();
    const readWatch = watchStep(status, t, false);

    engine
      .open(file, (fraction) => {
        if (fraction === null) {
          progress.removeAttribute('value');
          status.textContent = t('import.parsing');
        } else {
          progress.value = fraction;
        }
      })
      .then(
        (opened) => {
          readWatch.stop();
          handle = opened;
          inFlight -= 1;
          if (!dialog.open) return;
          if (!opened.summary.ok) showFailure(opened.summary);
          else showReview(opened, opened.summary);
        },
        (error: unknown) => {
          readWatch.stop();
          inFlight -= 1;
          if (isImportCancelled(error) || !dialog.open) return;
          showFailure(failureOf(error));
        },
      );

    /** A stopped worker says so ("the import stopped unexpectedly"); anything else is a failed read. */
    function failureOf(error: unknown): Extract<ReadSummary, { ok: false }> {
      const code = isImportStopped(error) ? 'import-stopped' : 'read-failed';
      return { ok: false, fileName: file.name, problems: [{ severity: 'error', code, fileName: file.name }] };
    }

    function showFailure(summary: Extract<ReadSummary, { ok: false }>) {
      body.replaceChildren(
        element('p', { className: 'import-failed', text: failureHeading(summary.problems, t) }),
        importReport({ summary: [], problems: summary.problems, problemCount: summary.problems.length }, t),
      );
      const close = button(t('import.close'), 'io-button primary', finish, 'close-import');
      actions.replaceChildren(close);
      close.focus();
    }

    function showReview(opened: ImportHandle, summary: Extract<ReadSummary, { ok: true }>) {
      let role: LayerRole = replaceTarget?.role ?? summary.guessedRole;
      let mapping = mapFields(role, summary.columns);
      const repairs = new Set<RepairKind>();
      let defaults: Record<string, string | number> = {};
      let reviewRequest = 0;
      let latestReview: ReviewSummary | undefined;

      const roleSelect = element(
        'select',
        { attributes: { id: 'import-role', 'data-import-role': '', disabled: replaceTarget !== undefined } },
        ROLES.map((candidate) =>
          element('option', { text: t(`layer.${candidate}`), attributes: { value: candidate } }),
        ),
      );
      roleSelect.value = role;
      const replaceNote = element('p', { className: 'io-hint' });
      const mappingGrid = element('div', { className: 'import-mapping-grid' });
      const missingNote = element('p', { className: 'io-hint import-missing' });
      const repairsBox = element('div', { className: 'import-repairs' });
      const defaultsBox = element('div', { className: 'import-defaults' });
      const chooserBox = element('div', { className: 'import-defaults-chooser' });
      const blockedNote = element('p', {
        className: 'io-error import-blocked',
        attributes: { 'data-import-blocked': '', role: 'status' },
      });
      blockedNote.hidden = true;
      const roundFields = roundImportFields(t, file.name);
      const reportBox = element('section', {
        className: 'import-report-section',
        attributes: { 'aria-labelledby': 'import-report-title' },
      });
      const reviewStatus = element('p', {
        className: 'import-status',
        attributes: { 'aria-live': 'polite' },
      });
      const confirm = button('', 'io-button primary', () => void save(), 'confirm-import');
      const cancel = button(t('import.cancel'), 'io-button', finish, 'cancel-import');

      const renderReplaceNote = () => {
        replaceNote.textContent = replaceTarget
          ? t('import.replacesEntry', { name: replaceTarget.name })
          : t('import.replaces', { layer: t(`layer.${role}`) });
      };

      const renderMapping = () => {
        roundFields.update(role, mapping);
        const required = new Set(requiredFieldsOf(role));
        mappingGrid.replaceChildren(
          ...mappingGridChildren({
            role,
            columns: summary.columns,
            mapping,
            required,
            t,
            onChange: (field, column) => {
              const fields = { ...mapping.fields };
              if (column === undefined) delete fields[field];
              else fields[field] = column;
              mapping = { ...mapping, fields };
              renderMapping();
              void review();
            },
          }),
        );
        const missing = [...required].filter(
          (field) => mapping.fields[field] === undefined && mapping.constants[field] === undefined,
        );
        missingNote.hidden = missing.length === 0;
        missingNote.textContent = t('import.missingRequired', {
          fields: missing.map((field) => fieldLabel(field, t)).join(', '),
        });
      };

      const renderRepairs = (offers: ReviewSummary['repairOffers']) => {
        repairsBox.hidden = offers.length === 0;
        repairsBox.replaceChildren(
          element('fieldset', { className: 'io-fieldset' }, [
            element('legend', { text: t('import.repairs') }),
            ...offers.map((offer) => {
              const id = `import-repair-${offer.kind}`;
              const box = element('input', {
                attributes: { type: 'checkbox', id, 'data-repair': offer.kind },
              });
              box.checked = repairs.has(offer.kind);
              box.addEventListener('change', () => {
                if (box.checked) repairs.add(offer.kind);
                else repairs.delete(offer.kind);
                void review();
              });
              return element('div', { className: 'io-check' }, [
                box,
                element('label', { text: repairLabel(offer.kind, offer.count, t), attributes: { for: id } }),
              ]);
            }),
          ]),
        );
      };

      const renderDefaults = (defaulted: ReviewSummary['defaulted']) => {
        defaultsBox.hidden = defaulted.length === 0;
        defaultsBox.replaceChildren(
          element('h3', { text: t('import.defaulted') }),
          element(
            'ul',
            {},
            defaulted.map((entry) =>
              element('li', {
                text: t('import.defaultedItem', {
                  count: entry.count,
                  field: fieldLabel(entry.field, t),
                  value: classValueLabel(entry.field, entry.value, t),
                }),
              }),
            ),
          ),
        );
      };

      const renderChooser = (result: ReviewSummary) => {
        const shown = result.unresolved.length + result.defaulted.length > 0;
        chooserBox.hidden = !shown;
        chooserBox.replaceChildren(
          ...(shown
            ? [
                element('h3', { text: t('import.unresolvedTitle') }),
                ...defaultsChooserChildren({
                  role,
                  unresolved: result.unresolved,
                  defaulted: result.defaulted,
                  t,
                  onChange: (field, value) => {
                    const next = { ...defaults };
                    if (value === undefined) delete next[field];
                    else next[field] = value;
                    defaults = next;
                    void review();
                  },
                }),
              ]
            : []),
        );
      };

      /** Why the import cannot go on yet, naming the fields and where to fix them. */
      const renderBlocked = (result: ReviewSummary): boolean => {
        const message = blockedMessage(result, t);
        blockedNote.hidden = message === '';
        blockedNote.textContent = message;
        return message !== '';
      };

      const choice = (): ImportChoice => ({ role, mapping, repairs: [...repairs], defaults });

      const review = async () => {
        const request = ++reviewRequest;
        confirm.disabled = true;
        reviewStatus.textContent = t('import.parsing');
        const watch = watchStep(reviewStatus, t, true);
        try {
          const result = await tracked(opened.review(choice())).finally(() => watch.stop());
          if (request !== reviewRequest || !dialog.open) return;
          latestReview = result;
          reviewStatus.textContent = '';
          renderRepairs(result.repairOffers);
          renderDefaults(result.defaulted);
          renderChooser(result);
          const blocked = renderBlocked(result);
          const summaryLines = [
            t('import.summary', {
              count: result.validCount,
              total: result.featureCount + result.skippedCount,
            }),
          ];
          if (result.withoutCoordinates > 0)
            summaryLines.push(t('import.withoutCoordinates', { count: result.withoutCoordinates }));
          if (result.problemCount > 0)
            summaryLines.push(
              t('import.summaryProblems', { errors: result.errorCount, warnings: result.warningCount }),
            );
          if (result.validCount === 0) summaryLines.push(t('import.nothingValid'));
          reportBox.replaceChildren(
            element('h3', { text: t('import.reportTitle'), attributes: { id: 'import-report-title' } }),
            importReport(
              { summary: summaryLines, problems: result.problems, problemCount: result.problemCount },
              t,
            ),
          );
          confirm.textContent = t('import.confirm', { count: result.validCount });
          confirm.disabled = result.validCount === 0 || blocked;
        } catch (error) {
          if (request !== reviewRequest || isImportCancelled(error) || !dialog.open) return;
          if (isImportStopped(error)) showFailure(failureOf(error));
          else reviewStatus.textContent = t('import.failed');
        }
      };

      const save = async () => {
        if (
          !latestReview ||
          latestReview.validCount === 0 ||
          latestReview.missing.length > 0 ||
          latestReview.unresolved.length > 0
        )
          return;
        confirm.disabled = true;
        roleSelect.disabled = true;
        reviewStatus.textContent = t('import.building');
        let built: Awaited<ReturnType<ImportHandle['build']>>;
        const watch = watchStep(reviewStatus, t, true);
        try {
          built = await tracked(
            opened.build(choice(), (fraction) => {
              reviewStatus.textContent = t('import.buildingProgress', {
                percent: Math.floor(fraction * 100),
              });
            }),
          ).finally(() => watch.stop());
        } catch (error) {
          if (isImportCancelled(error) || !dialog.open) return;
          if (isImportStopped(error)) showFailure(failureOf(error));
          else reviewStatus.textContent = t('import.failed');
          return;
        }
        reviewStatus.textContent = t('import.saving');
        const name = replaceTarget?.name ?? file.name.replace(/\.[^.]+$/, '');
        const round = roundFields.roundOf(role, built.collection.features, name);
        const saved = await library.save(
          {
            ...{ name, role, fieldMapping: mapping, sourceFileName: file.name, collection: built.collection },
            ...(round ? { round } : {}),
          },
          replaceTarget?.id,
          {
            signal: saving.signal,
            onProgress: (fraction) => {
              reviewStatus.textContent = t('import.savingProgress', { percent: Math.floor(fraction * 100) });
            },
          },
        );
        if (saving.signal.aborted) return;
        const fitMapToImport = () => {
          const bounds = collectionBounds(built.collection.features);
          if (bounds) options.onImported?.(bounds);
        };
        if (saved.ok) {
          fitMapToImport();
          options.notify(
            [
              t('import.done', {
                name: saved.value.name,
                count: saved.value.featureCount,
                layer: t(`layer.${role}`),
              }),
              defaultsSummary(built.defaulted, t),
              latestReview.withoutCoordinates > 0
                ? t('import.withoutCoordinates', { count: latestReview.withoutCoordinates })
                : '',
            ]
              .filter((line) => line !== '')
              .join(' '),
          );
          finish();
          return;
        }
        // Saving failed (quota, another tab…): say why; the user may retry or show it for this session only.
        reviewStatus.textContent = '';
        const reason = storeErrorMessage(saved.error.code, t);
        const showUnsaved = button(
          t('import.showUnsaved'),
          'io-button',
          () => {
            library.showUnsaved(role, built.collection);
            fitMapToImport();
            options.notify(t('import.doneUnsaved', { name }));
            finish();
          },
          'show-unsaved',
        );
        body.prepend(
          element('p', {
            className: 'io-error',
            text: t('import.saveFailed', { reason }),
            attributes: { role: 'alert' },
          }),
        );
        confirm.disabled = false;
        actions.replaceChildren(cancel, showUnsaved, confirm);
      };

      roleSelect.addEventListener('change', () => {
        role = roleSelect.value as LayerRole;
        mapping = mapFields(role, summary.columns);
        repairs.clear();
        defaults = {};
        renderReplaceNote();
        renderMapping();
        void review();
      });

      const sheetRow = () => {
        const sheets = summary.sheets ?? [];
        if (sheets.length < 2) return '';
        const sheetSelect = element(
          'select',
          { attributes: { id: 'import-sheet', 'data-import-sheet': '' } },
          sheets.map((sheet) => element('option', { text: sheet, attributes: { value: sheet } })),
        );
        sheetSelect.value = summary.sheet ?? sheets[0] ?? '';
        sheetSelect.addEventListener('change', () => {
          reviewRequest++;
          sheetSelect.disabled = true;
          confirm.disabled = true;
          reviewStatus.textContent = t('import.parsing');
          tracked(opened.readSheet(sheetSelect.value)).then(
            (next) => {
              if (!dialog.open) return;
              if (next.ok) {
                showReview(opened, next);
                return;
              }
              // That sheet holds no importable table: the session keeps the sheet read before, so the
              // review is of that one again; the refusal says why and where.
              sheetSelect.disabled = false;
              sheetSelect.value = summary.sheet ?? '';
              const refusal = [
                failureHeading(next.problems, t),
                ...next.problems.slice(0, 3).map((problem) => problemLine(problem, t)),
              ].join(' ');
              void review().then(() => {
                reviewStatus.textContent = refusal;
              });
            },
            (error: unknown) => {
              if (isImportCancelled(error) || !dialog.open) return;
              showFailure(failureOf(error));
            },
          );
        });
        return element('div', { className: 'import-role-row' }, [
          element('label', { text: t('import.sheet'), attributes: { for: 'import-sheet' } }),
          sheetSelect,
        ]);
      };

      renderReplaceNote();
      renderMapping();
      body.replaceChildren(
        sheetRow(),
        element('div', { className: 'import-role-row' }, [
          element('label', { text: t('import.role'), attributes: { for: 'import-role' } }),
          roleSelect,
        ]),
        summary.encoding
          ? element('p', {
              className: 'io-hint',
              text: t('import.encoding', { encoding: encodingLabel(summary.encoding) }),
              attributes: { 'data-import-encoding': summary.encoding },
            })
          : '',
        element('p', { className: 'io-hint', text: t('import.roleGuessed') }),
        replaceNote,
        roundFields.element,
        summary.sensitive
          ? element('p', {
              className: 'sensitive-badge import-sensitive',
              text: t('import.sensitiveSource'),
              attributes: { 'data-import-sensitive': '' },
            })
          : '',
        reviewStatus,
        blockedNote,
        chooserBox,
        reportBox,
        repairsBox,
        defaultsBox,
        element('details', { className: 'import-mapping', attributes: { open: true } }, [
          element('summary', { text: t('import.mapping') }),
          element('p', { className: 'io-hint', text: t('import.mappingHelp') }),
          mappingGrid,
          missingNote,
        ]),
      );
      repairsBox.hidden = true;
      defaultsBox.hidden = true;
      chooserBox.hidden = true;
      confirm.textContent = t('import.confirm', { count: 0 });
      actions.replaceChildren(cancel, confirm);
      roleSelect.focus();
      void review();
    }
  });
}
