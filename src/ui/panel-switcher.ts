/**
 * The phone and tablet layouts' panel switcher. On a phone the map takes the
 * screen and every panel (layers, filters, analyses, the site table, a
 * feature's details) opens, one at a time, in a bottom sheet; on a tablet the
 * side panels collapse to an icon rail and open as a drawer beside it. On the
 * desktop the rail and the sheet are hidden and every panel stays in place.
 *
 * The panels' modules are untouched: the switcher lends their elements to the
 * sheet, opens and closes the site table through its own toolbar button and
 * close button, and follows the table and details panels' `hidden` attribute.
 */
import { translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { createBottomSheet } from './bottom-sheet';
import { element } from './dom';
import { type LayoutMode, watchLayoutMode } from './layout-mode';
import { mountColumnChooser } from './site-table-column-chooser';
import { mountToolbarMenu } from './toolbar-menu';

type PanelId = 'layers' | 'filters' | 'analysis' | 'table' | 'details';

interface Panel {
  id: PanelId;
  /** The elements lent to the sheet, in order. */
  nodes: HTMLElement[];
  /** Layouts in which the panel opens in the sheet (elsewhere it stays where it is). */
  sheetIn: readonly LayoutMode[];
}

/** Stroked 24×24 icons for the rail: layers, funnel, bar chart, grid. */
const ICONS: Partial<Record<PanelId, string>> = {
  layers: 'M12 3 2 8l10 5 10-5zM2 12.5l10 5 10-5M2 17l10 5 10-5',
  filters: 'M3 4h18l-7 8.5V19l-4 2v-8.5z',
  analysis: 'M4 20V11M10 20V4M16 20v-6M21 20H3',
  table: 'M3 4h18v16H3zM3 9.5h18M3 15h18M9 4v16',
};
const SVG = 'http://www.w3.org/2000/svg';

function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'panel-rail-icon');
  const shape = document.createElementNS(SVG, 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

function byId(id: string): HTMLElement | null {
  return document.getElementById(id);
}

/** Mounts the rail, the sheet and the toolbar menu into the page shell; returns the unmount. */
export function mountPanelSwitcher(store: Store<AppState>, host: Window = window): () => void {
  const layout = document.querySelector<HTMLElement>('.layout');
  const toolbar = byId('toolbar');
  const tablePanel = byId('table-panel');
  const details = byId('details');
  if (!layout || !toolbar || !tablePanel || !details) return () => undefined;
  const present = (nodes: (HTMLElement | null)[]) => nodes.filter((node): node is HTMLElement => !!node);
  const panels: Panel[] = [
    { id: 'layers', nodes: present([byId('layer-panel')]), sheetIn: ['phone', 'tablet'] },
    { id: 'filters', nodes: present([byId('search'), byId('filter-panel')]), sheetIn: ['phone', 'tablet'] },
    {
      id: 'analysis',
      // The rounds panel (round-comparison-panel.ts) mounts after the switcher: looked up on opening.
      get nodes() {
        return present([byId('analysis-panel'), byId('round-panel')]);
      },
      sheetIn: ['phone', 'tablet'],
    },
    { id: 'table', nodes: [tablePanel], sheetIn: ['phone'] },
    { id: 'details', nodes: [details], sheetIn: ['phone'] },
  ];
  const sheet = createBottomSheet('panel-sheet');
  sheet.element.tabIndex = -1;
  const menu = mountToolbarMenu(toolbar);
  const columnChooser = mountColumnChooser(tablePanel);
  const railButtons = new Map<PanelId, HTMLButtonElement>();
  const rail = element('nav', { className: 'panel-rail' });
  for (const id of ['layers', 'filters', 'analysis', 'table'] as const) {
    const label = element('span', { className: 'panel-rail-label' });
    const button = element('button', {
      className: 'panel-rail-button',
      attributes: { type: 'button', 'aria-expanded': 'false', 'data-panel': id },
    });
    button.append(icon(ICONS[id] ?? ''), label);
    button.addEventListener('click', () => choose(id));
    railButtons.set(id, button);
    rail.append(button);
  }
  // Escape on the rail closes the open panel too, as it would from inside the sheet.
  rail.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !sheet.isOpen()) return;
    event.preventDefault();
    sheet.close();
  });
  layout.prepend(rail);
  layout.append(sheet.element);

  let mode: LayoutMode = 'desktop';
  let shown: PanelId | null = null;
  let opener: HTMLElement | null = null;

  function refreshRail(): void {
    for (const [id, button] of railButtons) {
      const expanded = id === 'table' ? !tablePanel?.hidden : shown === id;
      button.setAttribute('aria-expanded', String(expanded));
    }
  }

  function label(id: PanelId): string {
    const t = translator(store.get().language);
    if (id === 'layers') return t('panel.layers');
    if (id === 'filters') return t('filter.title');
    if (id === 'analysis') return t('analysis.panelTitle');
    if (id === 'table') return t('siteTable.title');
    return t('layout.details');
  }

  /** Opens a panel in the sheet; the site table and details close through their own buttons. */
  function open(id: PanelId, from: HTMLElement | null): void {
    const panel = panels.find((candidate) => candidate.id === id);
    if (!panel?.sheetIn.includes(mode)) return;
    sheet.open(panel.nodes, label(id), () => {
      shown = null;
      refreshRail();
      if (id === 'table' && !tablePanel?.hidden) {
        tablePanel?.querySelector<HTMLElement>('[data-action="site-table-close"]')?.click();
      }
      if (id === 'details' && !details?.hidden) {
        details?.querySelector<HTMLElement>('[data-action="close-details"]')?.click();
      }
      const returnTo = opener;
      opener = null;
      if (returnTo && sheet.element.contains(document.activeElement)) returnTo.focus();
    });
    shown = id;
    opener = from;
    // The filters are the reason to open this sheet: unfold them.
    if (id === 'filters') for (const fold of sheet.element.querySelectorAll('details')) fold.open = true;
    refreshRail();
    if (from) sheet.element.focus();
  }

  function choose(id: PanelId): void {
    const button = railButtons.get(id) ?? null;
    if (id === 'table') {
      opener = button;
      toolbar?.querySelector<HTMLElement>('[data-action="site-table"]')?.click();
      return;
    }
    if (shown === id) sheet.close();
    else open(id, button);
  }

  // The site table and the details panel show themselves (a toolbar button, a click on the map):
  // on a phone they then take the sheet, and leave it when they hide.
  const follow = (id: 'table' | 'details', node: HTMLElement) =>
    new MutationObserver(() => {
      if (!node.hidden && shown !== id) open(id, id === 'table' ? opener : null);
      else if (node.hidden && shown === id) sheet.close();
      refreshRail();
    });
  const observers = [follow('table', tablePanel), follow('details', details)];
  observers[0]?.observe(tablePanel, { attributes: true, attributeFilter: ['hidden'] });
  observers[1]?.observe(details, { attributes: true, attributeFilter: ['hidden'] });

  const applyText = () => {
    const t = translator(store.get().language);
    rail.setAttribute('aria-label', t('layout.panels'));
    for (const [id, button] of railButtons) {
      const text = button.querySelector('.panel-rail-label');
      if (text) text.textContent = label(id);
    }
    menu.setLabel(t('layout.menu'));
    columnChooser.setLabel(t('layout.columns'));
    sheet.setText({
      expand: t('layout.sheetExpand'),
      shrink: t('layout.sheetShrink'),
      close: t('layout.sheetClose'),
    });
    if (shown) sheet.element.setAttribute('aria-label', label(shown));
  };
  applyText();
  const stopLanguage = store.subscribe((state) => state.language, applyText);

  const stopLayout = watchLayoutMode(host, document.documentElement, (next) => {
    mode = next;
    sheet.close();
    menu.setOpen(false);
    // A panel already showing when the phone layout starts moves into the sheet.
    if (mode === 'phone' && !details.hidden) open('details', null);
    else if (mode === 'phone' && !tablePanel.hidden) open('table', null);
  });

  return () => {
    stopLayout();
    stopLanguage();
    for (const observer of observers) observer.disconnect();
    sheet.close();
    sheet.element.remove();
    rail.remove();
    menu.button.remove();
    columnChooser.unmount();
    delete document.documentElement.dataset.layout;
  };
}
