/**
 * Text-only DOM for the analysis panel: the key-figures list (every value
 * through `formatFigure`, the function the snapshot and the CSV use), the
 * summary blocks a descriptor returns, the legend of its map overlays, the
 * answer's provenance and the key-figures CSV download.
 */

import type { KeyFigure, SummaryBlock } from '../analyses/analysis-descriptor';
import { figureTexts } from '../analyses/figure-format';
import { siteFilterSummary } from '../analyses/filter-summary';
import { keyFiguresCsvRows } from '../analyses/key-figures';
import type { AnalysisLegend } from '../analyses/overlays';
import type { AnalysisId } from '../analyses/registry';
import type { AnalysisResults } from '../analysis/analysis-results';
import { type Language, type Translate, translator } from '../i18n/translate';
import { exportFileName } from '../io/export-file-name';
import { CSV_DIALECTS, csvDocument } from '../io/write-csv';
import type { AppState } from '../state/app-state';
import { storedCsvStyle } from '../state/preferences';
import { isSiteFilterActive } from '../state/site-filter';
import type { Store } from '../state/store';
import { legendSwatch } from '../symbology/legend-swatch';
import { element } from './dom';
import { downloadText } from './export-dialog';

/** "Filter active: Delmas — 55 of 400 sites" while a site filter applies (empty otherwise). */
export function filterNote(state: AppState): HTMLElement[] {
  if (!isSiteFilterActive(state.siteFilter)) return [];
  const summary = siteFilterSummary(state.siteFilter, {
    source: state.sourceDatasets,
    shown: state.datasets?.sites.features.length ?? 0,
    language: state.language,
    parameters: state.analysisParameters,
  });
  return [
    element('p', {
      className: 'analysis-filter',
      text: translator(state.language)('analysis.filterActive', { summary }),
      attributes: { 'data-analysis-filter': '' },
    }),
  ];
}

/** Where a summary's site buttons select a site: the store, with the site table's action. */
type SelectionStore = Pick<Store<AppState>, 'set'>;

/**
 * A row's first cell: its text, or a button selecting the site the row names. The selection is
 * the one a click in the site table makes: the details card opens and the map highlights the site
 * (and, when a panel covers it, brings it into view: selection-reveal.ts).
 */
function rowHeader(text: string, siteId: string | undefined, store: SelectionStore | null): HTMLElement {
  if (!siteId || !store) return element('th', { text, attributes: { scope: 'row' } });
  const button = element('button', {
    className: 'summary-site',
    text,
    attributes: { type: 'button', 'data-action': 'select-site', 'data-site-id': siteId },
  });
  button.addEventListener('click', () => store.set({ selection: { layerId: 'sites', featureId: siteId } }));
  return element('th', { attributes: { scope: 'row' } }, [button]);
}

/**
 * A small table: headers, then rows of cells (first column text, others numbers, right-aligned).
 * Rows naming a site (`rowSiteIds`) start with a button that selects it.
 */
export function summaryTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  caption: string | null = null,
  rowSiteIds: readonly string[] = [],
  store: SelectionStore | null = null,
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
      rows.map((row, rowIndex) =>
        element(
          'tr',
          {},
          row.map((cell, index) =>
            index === 0 ? rowHeader(cell, rowSiteIds[rowIndex], store) : element('td', { text: cell }),
          ),
        ),
      ),
    ),
  ]);
}

/** Value, label and (when there is one) context of each figure. */
export function keyFiguresList(figures: readonly KeyFigure[], language: Language): HTMLElement {
  return element(
    'dl',
    { className: 'key-figures' },
    figureTexts(figures, language).flatMap((figure) => [
      element('dd', { text: figure.value, attributes: { 'data-figure-format': figure.format } }),
      element('dt', { text: figure.label }),
      figure.context ? element('dd', { className: 'key-figure-context', text: figure.context }) : null,
    ]),
  );
}

/** One summary block of a descriptor as DOM. */
function summaryBlock(block: SummaryBlock, store: SelectionStore | null): HTMLElement {
  switch (block.kind) {
    case 'note':
      return element('p', { className: 'analysis-note', text: block.text });
    case 'heading':
      return element('h4', { text: block.text });
    case 'table':
      return summaryTable(block.headers, block.rows, block.caption, block.rowSiteIds, store);
    case 'verdict':
      return element('p', { className: `verdict verdict-${block.verdict}`, text: block.text });
    case 'fields':
      return element(
        'dl',
        { className: 'details-fields' },
        block.entries.flatMap(([label, value]) => [
          element('dt', { text: label }),
          element('dd', { text: value }),
        ]),
      );
    case 'list':
      return element(
        'ul',
        { className: block.className },
        block.items.map((item) => element('li', { className: item.className, text: item.text })),
      );
    case 'download': {
      const button = element('button', {
        className: 'io-button',
        text: block.label,
        attributes: { type: 'button', 'data-action': 'download-summary', 'data-file-name': block.fileName },
      });
      button.addEventListener('click', () => downloadText(block.fileName, block.text, block.mediaType));
      return button;
    }
  }
}

/** The analysis-specific part of the panel, or null when there is nothing to show. */
export function summaryBlocks(
  blocks: readonly SummaryBlock[],
  analysis: string,
  store: SelectionStore | null = null,
): HTMLElement | null {
  if (blocks.length === 0) return null;
  return element(
    'div',
    { className: 'analysis-summary', attributes: { 'data-summary': analysis } },
    blocks.map((block) => summaryBlock(block, store)),
  );
}

/** The legend of an analysis's overlays: swatch and label per entry. */
export function overlayLegendList(legend: AnalysisLegend, label: string): HTMLElement {
  return element(
    'ul',
    { className: 'legend analysis-legend', attributes: { 'aria-label': label } },
    legend.entries.map((entry) =>
      element('li', { attributes: { 'data-legend-key': entry.key } }, [
        legendSwatch(entry.symbol),
        entry.label,
      ]),
    ),
  );
}

/** Saves the key figures of the active analysis as CSV (their text made by the same function as on screen). */
export function downloadFigures(state: AppState, active: AnalysisId): void {
  const rows = keyFiguresCsvRows(active, state.keyFigures, state.language);
  const dialect = CSV_DIALECTS[storedCsvStyle(globalThis.localStorage, state.language)];
  const fileName = exportFileName(`key-figures-${active}`, 'csv', new Date());
  downloadText(fileName, csvDocument(rows, dialect), 'text/csv;charset=utf-8');
}

/** Says whether the answer was computed now or reused from an earlier run on the same data. */
export function provenance(results: AnalysisResults, active: AnalysisId, t: Translate): HTMLElement | null {
  const run = results.lastRuns[active];
  if (!run) return null;
  const milliseconds = Math.max(1, Math.round(run.milliseconds));
  return element('p', {
    className: 'analysis-note analysis-provenance',
    text: t(run.fromCache ? 'analysis.fromCache' : 'analysis.computed', { milliseconds }),
    attributes: { 'data-from-cache': run.fromCache ? 'true' : 'false' },
  });
}
