/**
 * The virtualised body of the site table: only the rows in view (plus a few
 * either side) are in the DOM, between two spacer rows whose heights stand
 * for the rest, so 100,000 sites scroll as smoothly as 100. Rows have a fixed
 * height (ROW_HEIGHT, matched by the CSS). Keyboard: one row at a time is
 * tabbable (roving tabindex); arrows, Page Up/Down, Home/End move, Enter or
 * Space selects.
 */

import { cellText, UNKNOWN } from '../analysis/site-table-cells';
import {
  raisedFlags,
  SITE_TABLE_COLUMNS,
  type SiteTableColumnId,
  type SiteTableData,
} from '../analysis/site-table-columns';
import type { Language, Translate } from '../i18n/translate';
import { element } from './dom';

/**
 * Characters a cell shows; longer text ends with "…". A 5 MB site name laid
 * out whole took a 9 s main-thread task. The tooltip holds more
 * (TITLE_LIMIT), the details panel the whole value.
 */
export const CELL_TEXT_LIMIT = 120;
const TITLE_LIMIT = 2000;

/** Text cut to `limit` characters, with an ellipsis when something was cut. */
export function truncateForDisplay(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** Pixels; `.site-table tbody tr` has the same height in styles.css. */
export const ROW_HEIGHT = 30;
/** Rows rendered beyond each edge of the view, so a fast flick does not show blank space. */
const OVERSCAN = 8;

export interface SiteTableBodyView {
  order: Uint32Array;
  data: SiteTableData;
  language: Language;
  t: Translate;
  /** Site index of the selected site, −1 for none. */
  selectedIndex: number;
}

export interface SiteTableBody {
  /** The `<tbody>` to place in the table. */
  readonly element: HTMLTableSectionElement;
  /** Replaces the rows shown (new order, data or language) and redraws. */
  update(view: SiteTableBodyView): void;
  /** Redraws the rows in view (after a scroll or a resize). */
  render(): void;
  /** Scrolls so the row at `position` is in view (centred when it was out of view). */
  reveal(position: number): void;
  /** Position in the order of the row keyboard focus would go to. */
  setActive(position: number): void;
}

/**
 * `scroller` is the scrolling element around the table; `headerHeight` the
 * sticky header's height; `onChoose` runs with the site index of a clicked or
 * Enter-ed row.
 */
export function createSiteTableBody(
  scroller: HTMLElement,
  headerHeight: () => number,
  onChoose: (siteIndex: number) => void,
): SiteTableBody {
  const body = element('tbody');
  const topSpacer = spacerRow();
  const bottomSpacer = spacerRow();
  let view: SiteTableBodyView | null = null;
  let active = 0;
  let renderedRange = '';

  function spacerRow(): HTMLTableRowElement {
    return element('tr', { className: 'site-table-spacer', attributes: { 'aria-hidden': 'true' } }, [
      element('td', { attributes: { colspan: SITE_TABLE_COLUMNS.length } }),
    ]);
  }

  function visibleRange(count: number): { first: number; last: number } {
    // Row p starts at headerHeight + p × ROW_HEIGHT; the sticky header covers the top of the view.
    const top = Math.max(0, scroller.scrollTop);
    const height = Math.max(scroller.clientHeight - headerHeight(), ROW_HEIGHT);
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(count, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    return { first, last: Math.max(first, last) };
  }

  function cell(column: SiteTableColumnId, index: number, current: SiteTableBodyView): HTMLTableCellElement {
    const { data, language, t } = current;
    const definition = SITE_TABLE_COLUMNS.find((candidate) => candidate.id === column);
    const className = definition?.kind === 'number' && column !== 'flags' ? 'numeric' : undefined;
    if (column === 'flags') {
      if (!data.flags) return element('td', { text: UNKNOWN, className: 'muted' });
      const flags = raisedFlags(data.flags, index);
      return element(
        'td',
        {
          className: 'site-flags',
          attributes: { title: flags.map((flag) => t(flag.description)).join(' · ') },
        },
        flags.map((flag) =>
          element('span', { className: `site-flag site-flag-${flag.id}`, text: t(flag.label) }),
        ),
      );
    }
    const text = cellText(column, index, data, language, t);
    const cut = text.length > CELL_TEXT_LIMIT;
    const td = element('td', {
      className: text === UNKNOWN ? `${className ?? ''} muted`.trim() : className,
      text: truncateForDisplay(text, CELL_TEXT_LIMIT),
      attributes: column === 'name' || cut ? { title: truncateForDisplay(text, TITLE_LIMIT) } : undefined,
    });
    // A site known only by its admin area is not on the map: its name says so.
    if (column === 'name' && Number.isNaN(data.source.longitudes[index] ?? Number.NaN))
      td.append(element('span', { className: 'site-no-coordinates', text: t('siteTable.noCoordinates') }));
    return td;
  }

  function row(position: number, index: number, current: SiteTableBodyView): HTMLTableRowElement {
    const selected = index === current.selectedIndex;
    return element(
      'tr',
      {
        className: selected ? 'site-row is-selected' : 'site-row',
        attributes: {
          'data-index': index,
          'data-position': position,
          'aria-rowindex': position + 2,
          'aria-selected': selected ? 'true' : 'false',
          tabindex: position === active ? 0 : -1,
        },
      },
      SITE_TABLE_COLUMNS.map((column) => cell(column.id, index, current)),
    );
  }

  function render(force = false): void {
    if (!view) return;
    const count = view.order.length;
    if (active >= count) active = Math.max(0, count - 1);
    const { first, last } = visibleRange(count);
    const range = `${first}:${last}:${active}`;
    if (!force && range === renderedRange) return;
    renderedRange = range;
    const hadFocus = body.contains(document.activeElement);
    const rows: HTMLTableRowElement[] = [];
    for (let position = first; position < last; position += 1) {
      rows.push(row(position, view.order[position] ?? 0, view));
    }
    // Keep the table reachable with Tab when the active row is scrolled away.
    if (rows.length > 0 && (active < first || active >= last)) rows[0]?.setAttribute('tabindex', '0');
    topSpacer.style.height = `${first * ROW_HEIGHT}px`;
    bottomSpacer.style.height = `${(count - last) * ROW_HEIGHT}px`;
    body.replaceChildren(topSpacer, ...rows, bottomSpacer);
    if (hadFocus) activeRow()?.focus({ preventScroll: true });
  }

  function activeRow(): HTMLElement | null {
    return body.querySelector<HTMLElement>(`tr[data-position="${active}"]`);
  }

  function reveal(position: number): void {
    const top = position * ROW_HEIGHT;
    const viewTop = scroller.scrollTop;
    const viewHeight = scroller.clientHeight - headerHeight();
    if (top < viewTop) scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > viewTop + viewHeight) scroller.scrollTop = top + ROW_HEIGHT - viewHeight;
    else return;
    // Far away: centre it, so the rows around it are in view too.
    if (Math.abs(scroller.scrollTop - viewTop) > viewHeight) {
      scroller.scrollTop = Math.max(0, top - viewHeight / 2 + ROW_HEIGHT / 2);
    }
  }

  function positionOf(target: EventTarget | null): number {
    const rowElement = target instanceof Element ? target.closest<HTMLElement>('tr.site-row') : null;
    return rowElement ? Number(rowElement.dataset.position) : -1;
  }

  function moveTo(position: number): void {
    if (!view || view.order.length === 0) return;
    active = Math.min(Math.max(position, 0), view.order.length - 1);
    reveal(active);
    render(true);
    activeRow()?.focus({ preventScroll: true });
  }

  body.addEventListener('click', (event) => {
    const position = positionOf(event.target);
    const index = view?.order[position];
    if (position < 0 || index === undefined) return;
    active = position;
    onChoose(index);
  });
  body.addEventListener('focusin', (event) => {
    const position = positionOf(event.target);
    if (position >= 0 && position !== active) {
      active = position;
      for (const other of body.querySelectorAll<HTMLElement>('tr.site-row')) {
        other.tabIndex = other === event.target ? 0 : -1;
      }
    }
  });
  body.addEventListener('keydown', (event) => {
    const position = positionOf(event.target);
    if (position < 0 || !view) return;
    const page = Math.max(1, Math.floor((scroller.clientHeight - headerHeight()) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: position + 1,
      ArrowUp: position - 1,
      PageDown: position + page,
      PageUp: position - page,
      Home: 0,
      End: view.order.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const index = view.order[position];
      if (index !== undefined) onChoose(index);
    }
  });

  return {
    element: body,
    update(next) {
      view = next;
      render(true);
    },
    render: () => render(),
    reveal(position) {
      reveal(position);
      render();
    },
    setActive(position) {
      active = position;
    },
  };
}
