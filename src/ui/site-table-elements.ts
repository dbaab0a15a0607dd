/**
 * The site table's elements, made once per mount: the toolbar toggle, the
 * bar (title, counts, progress, search, export, close), the flag chips and
 * the column headers with their sort buttons. Texts and listeners are the
 * table's (site-table.ts); only structure and attributes are set here.
 */
import { SITE_TABLE_COLUMNS, SITE_TABLE_FLAGS } from '../analysis/site-table-columns';
import { element } from './dom';

/** Every element of the table but its body; `controls` is the id of the panel the toggle shows. */
export function siteTableElements(controls: string) {
  const toggle = element('button', {
    attributes: {
      type: 'button',
      'aria-pressed': 'false',
      'aria-controls': controls,
      'data-action': 'site-table',
    },
  });
  const title = element('h2', { className: 'site-table-title', attributes: { id: 'site-table-title' } });
  const count = element('span', { className: 'site-table-count', attributes: { role: 'status' } });
  const computing = element('span', {
    className: 'site-table-computing',
    attributes: { 'aria-live': 'polite' },
  });
  const preparing = element('span', {
    className: 'site-table-preparing',
    attributes: { 'aria-live': 'polite', 'data-site-table-preparing': '' },
  });
  const searchLabel = element('label', {
    className: 'site-table-visually-hidden',
    attributes: { for: 'site-table-search' },
  });
  const search = element('input', {
    className: 'site-table-search',
    attributes: { id: 'site-table-search', type: 'search', autocomplete: 'off', spellcheck: 'false' },
  });
  const exportButton = element('button', {
    className: 'site-table-export',
    attributes: { type: 'button', 'data-action': 'site-table-export' },
  });
  const close = element('button', {
    className: 'icon-button',
    text: '×',
    attributes: { type: 'button', 'data-action': 'site-table-close' },
  });
  const sensitive = element('span', { className: 'sensitive-badge site-table-sensitive' });
  const filterLegend = element('legend');
  const flagInputs = SITE_TABLE_FLAGS.map((flag) => {
    const input = element('input', { attributes: { type: 'checkbox', 'data-flag-filter': flag.id } });
    const badge = element('span', { className: `site-flag site-flag-${flag.id}` });
    return { flag, input, badge, label: element('label', { className: 'site-flag-filter' }, [input, badge]) };
  });
  const filters = element('fieldset', { className: 'site-table-filters' }, [
    filterLegend,
    ...flagInputs.map(({ label }) => label),
    sensitive,
  ]);
  const headerButtons = SITE_TABLE_COLUMNS.map((column) => {
    const button = element('button', {
      className: 'site-table-sort',
      attributes: { type: 'button', 'data-sort': column.id },
    });
    const heading = element(
      'th',
      {
        className:
          column.kind === 'number' && column.id !== 'flags'
            ? `numeric column-${column.id}`
            : `column-${column.id}`,
        attributes: { scope: 'col' },
      },
      [button],
    );
    return { column, button, heading };
  });
  const headerRow = element(
    'tr',
    { attributes: { 'aria-rowindex': 1 } },
    headerButtons.map(({ heading }) => heading),
  );
  const head = element('thead', {}, [headerRow]);
  const scroller = element('div', { className: 'site-table-scroller' });
  return {
    toggle,
    title,
    count,
    computing,
    preparing,
    searchLabel,
    search,
    exportButton,
    close,
    sensitive,
    filterLegend,
    flagInputs,
    filters,
    headerButtons,
    head,
    scroller,
  };
}
