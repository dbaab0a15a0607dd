/**
 * The filter panel's round conditions (issue 17): "people grew / declined by
 * at least X %" and "status: opened / continuing" between the two rounds
 * compared. Without a comparison the group is disabled and says why; a
 * condition already set (from a link) is kept and waits for one.
 */
import type { Translate } from '../i18n/translate';
import type { RoundSiteChanges } from '../rounds/round-site-changes';
import { roundsPending, type SiteFilter } from '../state/site-filter';
import {
  CHANGE_DIRECTIONS,
  type ChangeDirection,
  ROUND_STATUS_CONDITIONS,
  type RoundStatusCondition,
} from '../state/site-filter-rounds';
import { element } from './dom';
import type { FilterChange } from './filter-panel-controls';

/** The percent offered before the person types one: the "grew by more than 20 %". */
const DEFAULT_PERCENT = 20;

export interface RoundFilterControls {
  group: HTMLFieldSetElement;
  /** Sets the controls from the filter, and enables them while a comparison is active. */
  sync(filter: SiteFilter, rounds: RoundSiteChanges | null): void;
}

export function roundFilterControls(t: Translate, update: FilterChange): RoundFilterControls {
  const direction = element(
    'select',
    // The number inputs' look: one style for the fields of the group.
    {
      className: 'filter-number',
      attributes: { id: 'filter-change-direction', 'data-filter-change-direction': '' },
    },
    [
      element('option', { text: t('roundTable.filter.anyChange'), attributes: { value: '' } }),
      ...CHANGE_DIRECTIONS.map((value) =>
        element('option', { text: t(`roundTable.filter.${value}`), attributes: { value } }),
      ),
    ],
  );
  const percent = element('input', {
    className: 'filter-number',
    attributes: {
      type: 'number',
      min: 0,
      step: 1,
      inputmode: 'numeric',
      value: DEFAULT_PERCENT,
      id: 'filter-change-percent',
      'data-filter-change-percent': '',
      'aria-label': t('roundTable.filter.percent'),
    },
  });
  const status = element(
    'select',
    { className: 'filter-number', attributes: { id: 'filter-round-status', 'data-filter-round-status': '' } },
    [
      element('option', { text: t('roundTable.filter.anyStatus'), attributes: { value: '' } }),
      ...ROUND_STATUS_CONDITIONS.map((value) =>
        element('option', { text: t(`roundTable.filter.${value}`), attributes: { value } }),
      ),
    ],
  );
  const note = element('p', {
    className: 'filter-flags-status',
    attributes: { 'data-filter-rounds-note': '' },
  });

  const changeCondition = () => {
    const value = Number(percent.value);
    if (direction.value === '' || percent.value.trim() === '' || !Number.isFinite(value) || value < 0)
      return null;
    return { direction: direction.value as ChangeDirection, percent: Math.round(value) };
  };
  // On change (not on every keystroke), as the people range does: each change re-filters.
  direction.addEventListener('change', () => update({ peopleChange: changeCondition() }));
  percent.addEventListener('change', () => {
    if (direction.value !== '') update({ peopleChange: changeCondition() });
  });
  status.addEventListener('change', () =>
    update({ roundStatus: status.value === '' ? null : (status.value as RoundStatusCondition) }),
  );

  const group = element('fieldset', { className: 'filter-group', attributes: { 'data-filter-rounds': '' } }, [
    element('legend', { text: t('roundTable.filter.title') }),
    element('div', { className: 'filter-range' }, [
      element('div', { className: 'filter-range-field' }, [
        element('label', { text: t('roundTable.filter.change'), attributes: { for: direction.id } }),
        direction,
      ]),
      element('div', { className: 'filter-range-field' }, [
        element('label', { text: '%', attributes: { for: percent.id } }),
        percent,
      ]),
    ]),
    element('div', { className: 'filter-range-field' }, [
      element('label', { text: t('roundTable.filter.status'), attributes: { for: status.id } }),
      status,
    ]),
    note,
  ]);

  return {
    group,
    sync(filter, rounds) {
      group.disabled = rounds === null;
      note.textContent = rounds
        ? t('roundTable.filter.between', { base: rounds.base.label, later: rounds.later.label })
        : t('roundTable.filter.noComparison');
      // A condition set (from a link) with nothing to apply it to: said as the pending flags are.
      note.classList.toggle('filter-flags-pending', roundsPending(filter, rounds));
      direction.value = filter.peopleChange?.direction ?? '';
      // Leave a half-typed percent alone unless the state holds another one.
      if (filter.peopleChange && percent.value !== String(filter.peopleChange.percent))
        percent.value = String(filter.peopleChange.percent);
      status.value = filter.roundStatus ?? '';
    },
  };
}
