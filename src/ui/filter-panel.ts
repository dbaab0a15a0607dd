/**
 * The filter panel at the top of the left column: a collapsible section
 * (closed by default, so the layers stay in view) whose summary carries the
 * active-filter indicator, and a count bar — "N sites of M shown" and "Clear
 * filters" — that stays visible while the section is closed. The controls
 * are rebuilt when the language or the admin layer changes; a filter change
 * only sets their values, so a focused control keeps focus.
 */

import { formatFigure } from '../analyses/figure-format';
import { siteFilterSummary } from '../analyses/filter-summary';
import type { SourceFlags } from '../analysis/source-site-flags';
import type { AdminAreaCollection } from '../domain/types';
import { type Language, translator } from '../i18n/translate';
import { normaliseText } from '../io/field-names';
import type { AppState } from '../state/app-state';
import {
  activeConditionCount,
  EMPTY_SITE_FILTER,
  flagsPending,
  normaliseSiteFilter,
  type SiteFilter,
} from '../state/site-filter';
import type { Store } from '../state/store';
import { element } from './dom';
import {
  type AdminChoice,
  adminControls,
  fillCommunes,
  flagControls,
  individualsControls,
  needsControls,
  searchControl,
  siteTypeControls,
} from './filter-panel-controls';
import { type RoundFilterControls, roundFilterControls } from './filter-panel-rounds';

export interface FilterPanelOptions {
  /** Flags of the source sites (for flag filters), with their progress. */
  sourceFlags: SourceFlags;
}

function adminChoices(admin: AdminAreaCollection | undefined, language: Language) {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const choices = (level: 1 | 2): AdminChoice[] =>
    (admin?.features ?? [])
      .filter((feature) => feature.properties?.level === level && feature.properties.pcode)
      .map((feature) => ({
        pcode: String(feature.properties.pcode),
        name: String(feature.properties.name || feature.properties.pcode),
        parentPcode: feature.properties.parentPcode ?? null,
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
  return { departments: choices(1), communes: choices(2) };
}

export function mountFilterPanel(
  container: HTMLElement,
  store: Store<AppState>,
  options: FilterPanelOptions,
): () => void {
  const { sourceFlags } = options;
  const current = () => store.get().siteFilter;
  const update = (change: Partial<SiteFilter>) =>
    store.set((state) => ({ siteFilter: normaliseSiteFilter({ ...state.siteFilter, ...change }) }));

  const details = element('details', { className: 'filter-details' });
  const indicator = element('span', {
    className: 'filter-indicator',
    attributes: { 'data-filter-indicator': '' },
  });
  const summaryTitle = element('span', { className: 'filter-title' });
  const summary = element('summary', { className: 'filter-summary' }, [summaryTitle, indicator]);
  const body = element('div', { className: 'filter-body' });
  details.append(summary, body);
  const count = element('p', {
    className: 'filter-count',
    attributes: { 'data-filter-count': '', role: 'status', 'aria-live': 'polite' },
  });
  const clear = element('button', {
    className: 'filter-clear',
    attributes: { type: 'button', 'data-action': 'clear-filters' },
  });
  clear.addEventListener('click', () => store.set({ siteFilter: EMPTY_SITE_FILTER }));
  const bar = element('div', { className: 'filter-bar' }, [count, clear]);
  container.replaceChildren(details, bar);

  let admin: AdminAreaCollection | undefined;
  let communes: AdminChoice[] = [];
  let departmentSelect: HTMLSelectElement | null = null;
  let communeSelect: HTMLSelectElement | null = null;
  let communeListFor: string | null | undefined;
  let flagStatus: HTMLElement | null = null;
  let roundGroup: RoundFilterControls | null = null;

  const render = () => {
    const state = store.get();
    const t = translator(state.language);
    admin = (state.sourceDatasets ?? state.datasets)?.admin;
    const choices = adminChoices(admin, state.language);
    communes = choices.communes;
    summaryTitle.textContent = t('filter.title');
    clear.textContent = t('filter.clear');
    const adminGroup = adminControls(t, choices.departments, communes, current, update);
    departmentSelect = adminGroup.department;
    communeSelect = adminGroup.commune;
    communeListFor = undefined;
    const healthDistance = formatFigure({
      value: state.analysisParameters.healthDistanceMeters,
      format: 'metres',
      language: state.language,
    });
    const flags = flagControls(t, current, update, { healthDistance });
    flagStatus = flags.status;
    roundGroup = roundFilterControls(t, update);
    body.replaceChildren(
      searchControl(t, update),
      siteTypeControls(t, current, update),
      individualsControls(t, update),
      needsControls(t, current, update),
      adminGroup.group,
      roundGroup.group,
      flags.group,
    );
    sync();
  };

  /** Sets every control, the indicator and the count from the state. */
  const sync = () => {
    const state = store.get();
    const t = translator(state.language);
    const filter = state.siteFilter;
    for (const box of body.querySelectorAll<HTMLInputElement>('[data-filter-type]'))
      box.checked = filter.siteTypes.includes(box.dataset.filterType as never);
    for (const box of body.querySelectorAll<HTMLInputElement>('[data-filter-flag]'))
      box.checked = filter.flags.includes(box.dataset.filterFlag as never);
    for (const box of body.querySelectorAll<HTMLInputElement>('[data-filter-hazard]'))
      box.checked = filter.hazardTypes.includes(box.dataset.filterHazard as never);
    for (const radio of body.querySelectorAll<HTMLInputElement>('[data-filter-flag-mode]'))
      radio.checked = filter.flagMode === radio.dataset.filterFlagMode;
    for (const input of body.querySelectorAll<HTMLInputElement>('[data-filter-search]')) {
      // Leave the typed text alone while it means the same search.
      if (document.activeElement !== input && normaliseText(input.value) !== filter.search)
        input.value = filter.search;
    }
    for (const input of body.querySelectorAll<HTMLInputElement>('[data-filter-individuals]')) {
      const value = input.dataset.filterIndividuals === 'min' ? filter.individualsMin : filter.individualsMax;
      // Leave a half-typed value alone unless the state really differs from it.
      if (input.value !== (value === null ? '' : String(value)))
        input.value = value === null ? '' : String(value);
    }
    for (const select of body.querySelectorAll<HTMLSelectElement>('[data-filter-need]')) {
      const value = filter.minimumNeeds[select.dataset.filterNeed as keyof typeof filter.minimumNeeds];
      select.value = value === undefined ? '' : String(value);
    }
    if (departmentSelect && communeSelect) {
      departmentSelect.value = filter.department ?? '';
      if (communeListFor !== filter.department) {
        fillCommunes(communeSelect, t, communes, filter.department);
        communeListFor = filter.department;
      }
      communeSelect.value = filter.commune ?? '';
    }

    roundGroup?.sync(filter, state.roundChange?.sites ?? null);

    const active = activeConditionCount(filter);
    indicator.hidden = active === 0;
    indicator.textContent = String(active);
    indicator.setAttribute('aria-label', t('filter.activeCount', { count: active }));
    container.classList.toggle('filter-active', active > 0);
    const shown = state.datasets?.sites.features.length ?? 0;
    const total = state.sourceDatasets?.sites.features.length ?? shown;
    count.textContent = active > 0 ? t('filter.shown', { shown, total }) : t('filter.allShown', { total });
    // The whole filter in words, for a pointer hover and screen readers asking for it.
    count.title =
      active > 0
        ? siteFilterSummary(filter, {
            source: state.sourceDatasets,
            shown,
            language: state.language,
            parameters: state.analysisParameters,
          })
        : '';
    clear.hidden = active === 0;

    if (flagStatus) {
      const flagsState = sourceFlags.state.get();
      const pending = flagsPending(state.sourceDatasets, filter, flagsState.flags);
      flagStatus.textContent = flagsState.error
        ? t('filter.flagsError', { detail: flagsState.error })
        : pending
          ? t('filter.flagsComputing')
          : t('filter.flagsNote');
      flagStatus.classList.toggle('filter-flags-pending', pending || flagsState.error !== null);
    }
  };

  render();
  const unsubscribers = [
    store.subscribe((state) => state.language, render),
    store.subscribe((state) => state.analysisParameters.healthDistanceMeters, render),
    store.subscribe(
      (state) => (state.sourceDatasets ?? state.datasets)?.admin,
      (next) => {
        if (next !== admin) render();
      },
    ),
    store.subscribe((state) => state.siteFilter, sync),
    store.subscribe((state) => state.datasets, sync),
    store.subscribe((state) => state.sourceDatasets, sync),
    store.subscribe((state) => state.roundChange, sync),
    sourceFlags.state.subscribe((state) => state, sync),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    container.replaceChildren();
  };
}
