/**
 * Text-only DOM for the analysis panel: the key-figures list (every value
 * through `formatFigure`, the function the snapshot and the CSV use), the
 * summary blocks a descriptor returns, and the legend of its map overlays.
 */
import type { KeyFigure, SummaryBlock } from '../analyses/analysis-descriptor';
import { figureTexts } from '../analyses/figure-format';
import type { AnalysisLegend } from '../analyses/overlays';
import type { Language } from '../i18n/translate';
import { element } from './dom';
import { legendSwatch } from './legend-swatch';

/** A small table: headers, then rows of cells (first column text, others numbers, right-aligned). */
export function summaryTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  caption: string | null = null,
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
      rows.map((row) =>
        element(
          'tr',
          {},
          row.map((cell, index) =>
            element(index === 0 ? 'th' : 'td', {
              text: cell,
              attributes: index === 0 ? { scope: 'row' } : {},
            }),
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
function summaryBlock(block: SummaryBlock): HTMLElement {
  switch (block.kind) {
    case 'note':
      return element('p', { className: 'analysis-note', text: block.text });
    case 'heading':
      return element('h4', { text: block.text });
    case 'table':
      return summaryTable(block.headers, block.rows, block.caption);
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
  }
}

/** The analysis-specific part of the panel, or null when there is nothing to show. */
export function summaryBlocks(blocks: readonly SummaryBlock[], analysis: string): HTMLElement | null {
  if (blocks.length === 0) return null;
  return element(
    'div',
    { className: 'analysis-summary', attributes: { 'data-summary': analysis } },
    blocks.map(summaryBlock),
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
