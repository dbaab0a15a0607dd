/**
 * The search box above the layer panel: a combobox over sites, communes and
 * departments (ranking: search-index.ts). The list follows the ARIA combobox
 * pattern — focus stays in the input, arrows move `aria-activedescendant`,
 * Enter chooses, Escape closes (and a second Escape clears). Choosing a site
 * flies to it and opens its details; choosing an area fits the map to it and
 * selects it. It searches the sites shown, so a filter narrows it too.
 */
import { bbox } from '@turf/turf';
import { findFeature } from '../domain/feature-identity';
import type { Datasets } from '../domain/types';
import { translator } from '../i18n/translate';
import { attachedColumns } from '../io/columnar-sites';
import type { MapView } from '../map/map-view';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';
import {
  buildAreaSearchIndex,
  buildSearchIndex,
  compareMatches,
  type SearchEntry,
  type SearchResult,
  search,
  siteEntryOf,
} from './search-index';
import { createSiteSearch } from './search-sites';

/** Zoom a chosen site flies to (MapView.flyTo never zooms out). */
const SITE_ZOOM = 14;
const MAX_RESULTS = 10;
/**
 * From this many sites, sites that came with their columnar form are searched
 * in a worker: indexing a million names here froze the page for seconds.
 */
const WORKER_SEARCH_THRESHOLD = 20_000;

export function mountSearchBox(container: HTMLElement, store: Store<AppState>, view: MapView): () => void {
  const t = () => translator(store.get().language);
  const input = element('input', {
    className: 'search-input',
    attributes: {
      id: 'search-input',
      type: 'search',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'search-results',
    },
  });
  const label = element('label', { className: 'visually-hidden', attributes: { for: input.id } });
  const list = element('ul', {
    className: 'search-results',
    attributes: { id: 'search-results', role: 'listbox' },
  });
  const status = element('p', {
    className: 'visually-hidden',
    attributes: { role: 'status', 'aria-live': 'polite', 'data-search-status': '' },
  });
  list.hidden = true;
  container.replaceChildren(label, input, list, status);

  let index: { sites: Datasets['sites']; admin: Datasets['admin']; entries: SearchEntry[] } | null = null;
  let results: SearchResult[] = [];
  let active = -1;

  const siteSearch = createSiteSearch();
  /** The query whose answer is awaited from the worker; older answers are dropped. */
  let searchRequest = 0;

  /** The sites' columns when they are searched in the worker, else undefined. */
  const workerColumns = () => {
    const sites = store.get().datasets?.sites;
    return sites && sites.features.length >= WORKER_SEARCH_THRESHOLD
      ? attachedColumns(sites.features)
      : undefined;
  };

  /** The entries searched here: every site and area, or only the areas when the worker searches the sites. */
  const entries = (): SearchEntry[] => {
    const datasets = store.get().datasets;
    if (!datasets) return [];
    if (index?.sites !== datasets.sites || index.admin !== datasets.admin)
      index = {
        sites: datasets.sites,
        admin: datasets.admin,
        entries: workerColumns() ? buildAreaSearchIndex(datasets) : buildSearchIndex(datasets),
      };
    return index.entries;
  };

  const applyLanguage = () => {
    const translate = t();
    label.textContent = translate('search.label');
    input.placeholder = translate('search.placeholder');
    list.setAttribute('aria-label', translate('search.results'));
    if (!list.hidden) renderList();
  };

  const close = () => {
    // An answer still on its way must not open the list again.
    searchRequest += 1;
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const setActive = (next: number) => {
    active = next;
    for (const [position, option] of [...list.children].entries()) {
      option.setAttribute('aria-selected', String(position === active));
    }
    const option = list.children[active];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  function renderList(): void {
    const translate = t();
    if (results.length === 0) {
      list.replaceChildren(
        element('li', {
          className: 'search-empty',
          text: translate('search.noResults'),
          attributes: { role: 'presentation' },
        }),
      );
    } else {
      list.replaceChildren(
        ...results.map(({ entry }, position) => {
          const option = element(
            'li',
            {
              className: 'search-option',
              attributes: {
                id: `search-option-${position}`,
                role: 'option',
                'aria-selected': String(position === active),
                'data-kind': entry.kind,
                'data-id': entry.id,
              },
            },
            [
              element('span', { className: 'search-option-name', text: entry.name }),
              element('span', {
                className: `search-kind search-kind-${entry.kind}`,
                text: translate(`search.kind.${entry.kind}`),
              }),
              element('span', {
                className: 'search-option-context',
                text: [entry.id, entry.context].filter(Boolean).join(' · '),
              }),
            ],
          );
          // mousedown would blur the input (and close the list) before the click lands.
          option.addEventListener('mousedown', (event) => event.preventDefault());
          option.addEventListener('click', () => choose(entry));
          return option;
        }),
      );
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent =
      results.length === 0
        ? translate('search.noResults')
        : translate('search.count', { count: results.length });
  }

  const update = () => {
    const query = input.value;
    if (query.trim().length < 2) {
      results = [];
      close();
      status.textContent = '';
      return;
    }
    const request = ++searchRequest;
    const columns = workerColumns();
    const here = search(entries(), query, MAX_RESULTS);
    const show = (found: SearchResult[]) => {
      results = found;
      active = results.length > 0 ? 0 : -1;
      renderList();
      setActive(active);
    };
    if (!columns) {
      show(here);
      return;
    }
    void siteSearch.search(columns, query, MAX_RESULTS).then(
      (matches) => {
        if (request !== searchRequest) return;
        const sites = matches.map(({ index, score }) => ({ entry: siteEntryOf(columns, index), score }));
        show([...here, ...sites].sort(compareMatches).slice(0, MAX_RESULTS));
      },
      // A worker that cannot start: the areas still answer.
      () => {
        if (request === searchRequest) show(here);
      },
    );
  };

  function choose(entry: SearchEntry): void {
    const datasets = store.get().datasets;
    if (!datasets) return;
    input.value = entry.name;
    close();
    if (entry.kind === 'site') {
      const feature = findFeature(datasets, 'sites', entry.id);
      const [longitude, latitude] = feature?.geometry?.type === 'Point' ? feature.geometry.coordinates : [];
      if (
        longitude !== undefined &&
        latitude !== undefined &&
        Number.isFinite(longitude) &&
        Number.isFinite(latitude)
      )
        view.flyTo(longitude, latitude, SITE_ZOOM);
      store.set({ selection: { layerId: 'sites', featureId: entry.id } });
      return;
    }
    const feature = findFeature(datasets, 'admin', entry.id);
    if (feature) {
      const [west, south, east, north] = bbox(feature);
      // Leave room for the details panel on the right when the map is wide enough.
      const right = view.containerSize().width > 900 ? 380 : 40;
      view.fitBounds(
        { west, south, east, north },
        { padding: { top: 40, bottom: 40, left: 40, right }, maxZoom: 13 },
      );
    }
    store.set({ selection: { layerId: 'admin', featureId: entry.id } });
  }

  input.addEventListener('input', update);
  input.addEventListener('focus', () => {
    if (input.value.trim().length >= 2) update();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && results.length > 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (list.hidden) update();
        if (results.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive(open ? (active + step + results.length) % results.length : 0);
        break;
      }
      case 'Home':
      case 'End':
        if (!open) return;
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : results.length - 1);
        break;
      case 'Enter': {
        if (!open) return;
        event.preventDefault();
        const chosen = results[Math.max(active, 0)];
        if (chosen) choose(chosen.entry);
        break;
      }
      case 'Escape':
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value !== '') {
          event.preventDefault();
          input.value = '';
          status.textContent = '';
        }
        break;
    }
  });

  applyLanguage();
  const unsubscribers = [
    store.subscribe((state) => state.language, applyLanguage),
    store.subscribe(
      (state) => state.datasets,
      () => {
        if (!list.hidden) update();
      },
    ),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    siteSearch.dispose();
    container.replaceChildren();
  };
}
