/**
 * The controls of the filter panel, built from the current filter: each
 * reports a change through `update(change)`. Built once per language (and
 * admin layer); filter-panel.ts then only sets their values.
 */
import { HAZARD_TYPES, NEED_SECTORS, type NeedSeverity, SITE_TYPES } from '../domain/types';
import type { Translate } from '../i18n/translate';
import { SITE_COLORS } from '../map/palette';
import { FILTER_FLAGS, FLAG_MODES, type SiteFilter } from '../state/site-filter';
import { legendSwatch } from '../symbology/legend-swatch';
import { element } from './dom';

export type FilterChange = (change: Partial<SiteFilter>) => void;

export interface AdminChoice {
  pcode: string;
  name: string;
  parentPcode: string | null;
}

export function siteTypeControls(t: Translate, current: () => SiteFilter, update: FilterChange): HTMLElement {
  return element('fieldset', { className: 'filter-group' }, [
    element('legend', { text: t('filter.siteType') }),
    ...SITE_TYPES.map((type) => {
      const box = element('input', {
        attributes: { type: 'checkbox', id: `filter-type-${type}`, 'data-filter-type': type },
      });
      box.addEventListener('change', () => {
        const chosen = current().siteTypes.filter((candidate) => candidate !== type);
        update({ siteTypes: box.checked ? [...chosen, type] : chosen });
      });
      return element('div', { className: 'filter-check' }, [
        box,
        legendSwatch({ kind: 'circle', color: SITE_COLORS[type] }),
        element('label', { text: t(`siteType.${type}`), attributes: { for: box.id } }),
      ]);
    }),
  ]);
}

export function individualsControls(t: Translate, update: FilterChange): HTMLElement {
  const field = (bound: 'min' | 'max') => {
    const input = element('input', {
      className: 'filter-number',
      attributes: {
        type: 'number',
        min: 0,
        step: 1,
        inputmode: 'numeric',
        id: `filter-individuals-${bound}`,
        'data-filter-individuals': bound,
      },
    });
    // On change (blur, Enter, spinner), not on every keystroke: each change re-filters and re-analyses.
    input.addEventListener('change', () => {
      const value = input.value.trim() === '' ? null : Number(input.value);
      const usable = value !== null && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
      update(bound === 'min' ? { individualsMin: usable } : { individualsMax: usable });
    });
    return element('div', { className: 'filter-range-field' }, [
      element('label', {
        text: t(bound === 'min' ? 'filter.minimum' : 'filter.maximum'),
        attributes: { for: input.id },
      }),
      input,
    ]);
  };
  return element('fieldset', { className: 'filter-group' }, [
    element('legend', { text: t('filter.individuals') }),
    element('div', { className: 'filter-range' }, [field('min'), field('max')]),
  ]);
}

export function needsControls(t: Translate, current: () => SiteFilter, update: FilterChange): HTMLElement {
  const severities: NeedSeverity[] = [2, 3, 4, 5];
  return element('fieldset', { className: 'filter-group' }, [
    element('legend', { text: t('filter.needs') }),
    element(
      'div',
      { className: 'filter-grid' },
      NEED_SECTORS.flatMap((sector) => {
        const select = element(
          'select',
          { attributes: { id: `filter-need-${sector}`, 'data-filter-need': sector } },
          [
            element('option', { text: t('filter.anySeverity'), attributes: { value: '' } }),
            ...severities.map((severity) =>
              element('option', {
                text: t('filter.atLeast', { value: t(`needSeverity.${severity}`) }),
                attributes: { value: severity },
              }),
            ),
          ],
        );
        select.addEventListener('change', () => {
          const minimumNeeds = { ...current().minimumNeeds };
          if (select.value === '') delete minimumNeeds[sector];
          else minimumNeeds[sector] = Number(select.value) as NeedSeverity;
          update({ minimumNeeds });
        });
        return [
          element('label', { text: t(`filter.need.${sector}`), attributes: { for: select.id } }),
          select,
        ];
      }),
    ),
  ]);
}

export function adminControls(
  t: Translate,
  departments: readonly AdminChoice[],
  communes: readonly AdminChoice[],
  current: () => SiteFilter,
  update: FilterChange,
): { group: HTMLElement; department: HTMLSelectElement; commune: HTMLSelectElement } {
  const department = element(
    'select',
    { attributes: { id: 'filter-department', 'data-filter-admin': 'department' } },
    [
      element('option', { text: t('filter.allDepartments'), attributes: { value: '' } }),
      ...departments.map((area) => element('option', { text: area.name, attributes: { value: area.pcode } })),
    ],
  );
  const commune = element('select', { attributes: { id: 'filter-commune', 'data-filter-admin': 'commune' } });
  department.addEventListener('change', () => {
    const chosen = department.value || null;
    // A commune of another department would make the filter empty: drop it.
    const kept = current().commune;
    const parent = communes.find((area) => area.pcode === kept)?.parentPcode;
    update({ department: chosen, commune: chosen === null || parent === chosen ? kept : null });
  });
  commune.addEventListener('change', () => update({ commune: commune.value || null }));
  const group = element('fieldset', { className: 'filter-group' }, [
    element('legend', { text: t('filter.admin') }),
    element('div', { className: 'filter-grid filter-grid-stacked' }, [
      element('label', { text: t('filter.department'), attributes: { for: department.id } }),
      department,
      element('label', { text: t('filter.commune'), attributes: { for: commune.id } }),
      commune,
    ]),
  ]);
  return { group, department, commune };
}

/** Fills the commune list: the chosen department's communes, or all. */
export function fillCommunes(
  select: HTMLSelectElement,
  t: Translate,
  communes: readonly AdminChoice[],
  department: string | null,
): void {
  const shown = department ? communes.filter((area) => area.parentPcode === department) : communes;
  select.replaceChildren(
    element('option', { text: t('filter.allCommunes'), attributes: { value: '' } }),
    ...shown.map((area) => element('option', { text: area.name, attributes: { value: area.pcode } })),
  );
}

/** Options of the analysis-conditions group that depend on the parameters. */
export interface FlagControlOptions {
  /** The health reach in use, as text ("5 km"). */
  healthDistance: string;
}

function checkbox(
  id: string,
  data: Record<string, string>,
  label: string,
  onChange: (checked: boolean) => void,
) {
  const box = element('input', { attributes: { type: 'checkbox', id, ...data } });
  box.addEventListener('change', () => onChange(box.checked));
  return element('div', { className: 'filter-check' }, [
    box,
    element('label', { text: label, attributes: { for: id } }),
  ]);
}

/**
 * The analysis conditions: flags and "exposed to <hazard type>", with the
 * any/all switch that combines them (one group, so "no water OR no health
 * care" can be asked).
 */
export function flagControls(
  t: Translate,
  current: () => SiteFilter,
  update: FilterChange,
  options: FlagControlOptions,
): { group: HTMLElement; status: HTMLElement } {
  const status = element('p', {
    className: 'filter-flags-status',
    attributes: { 'data-filter-flags-status': '' },
  });
  const modes = element(
    'div',
    { className: 'filter-mode', attributes: { role: 'radiogroup', 'aria-label': t('filter.flagMode') } },
    FLAG_MODES.map((mode) => {
      const radio = element('input', {
        attributes: {
          type: 'radio',
          name: 'filter-flag-mode',
          id: `filter-flag-mode-${mode}`,
          value: mode,
          'data-filter-flag-mode': mode,
        },
      });
      radio.addEventListener('change', () => {
        if (radio.checked) update({ flagMode: mode });
      });
      return element('span', { className: 'filter-mode-choice' }, [
        radio,
        element('label', { text: t(`filter.flagMode.${mode}`), attributes: { for: radio.id } }),
      ]);
    }),
  );
  const group = element('fieldset', { className: 'filter-group' }, [
    element('legend', { text: t('filter.flags') }),
    modes,
    ...FILTER_FLAGS.map((flag) =>
      checkbox(
        `filter-flag-${flag}`,
        { 'data-filter-flag': flag },
        t(`filter.flag.${flag}`, { distance: options.healthDistance }),
        (checked) => {
          const chosen = current().flags.filter((candidate) => candidate !== flag);
          update({ flags: checked ? [...chosen, flag] : chosen });
        },
      ),
    ),
    ...HAZARD_TYPES.map((type) =>
      checkbox(
        `filter-hazard-${type}`,
        { 'data-filter-hazard': type },
        t('filter.exposedTo', { hazard: t(`hazardType.${type}`) }),
        (checked) => {
          const chosen = current().hazardTypes.filter((candidate) => candidate !== type);
          update({ hazardTypes: checked ? [...chosen, type] : chosen });
        },
      ),
    ),
    status,
  ]);
  return { group, status };
}

/** The search words (name, ID, commune), applied on input after a short pause. */
export function searchControl(t: Translate, update: FilterChange): HTMLElement {
  const input = element('input', {
    className: 'filter-search',
    attributes: {
      type: 'search',
      id: 'filter-search',
      autocomplete: 'off',
      spellcheck: 'false',
      'data-filter-search': '',
    },
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Each change re-filters and re-analyses: wait until typing pauses.
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => update({ search: input.value }), 250);
  });
  return element('div', { className: 'filter-group filter-search-group' }, [
    element('label', { text: t('filter.search'), attributes: { for: input.id } }),
    input,
  ]);
}
