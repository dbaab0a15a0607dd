/**
 * The priority score's weights in the analysis panel: the formula in words
 * and one 0–5 input per gap, so the ranking can be explained and adjusted in
 * a meeting. The weights live in the app state (and so in links and saved
 * views); the site table re-sorts when they change.
 */
import {
  DEFAULT_PRIORITY_WEIGHTS,
  normalisePriorityWeights,
  PRIORITY_GAPS,
  PRIORITY_WEIGHT_MAXIMUM,
  PRIORITY_WEIGHT_MINIMUM,
} from '../analyses/priority-score';
import { translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';

/** A collapsible "Priority score" section, built from the current state. */
export function priorityWeightsControls(store: Store<AppState>, open: boolean): HTMLElement {
  const state = store.get();
  const t = translator(state.language);
  const inputs = PRIORITY_GAPS.map((gap) => {
    const input = element('input', {
      attributes: {
        type: 'number',
        id: `priority-weight-${gap}`,
        min: PRIORITY_WEIGHT_MINIMUM,
        max: PRIORITY_WEIGHT_MAXIMUM,
        step: 1,
        inputmode: 'numeric',
        'data-priority-weight': gap,
      },
    });
    input.value = String(state.priorityWeights[gap]);
    input.addEventListener('change', () => {
      // Out-of-range or fractional values are brought within the limits, and the field shows what applies.
      const weights = normalisePriorityWeights({
        ...store.get().priorityWeights,
        [gap]: Number(input.value),
      });
      input.value = String(weights[gap]);
      store.set({ priorityWeights: weights });
    });
    return element('div', { className: 'analysis-option' }, [
      element('label', { text: t(`priority.weight.${gap}`), attributes: { for: input.id } }),
      input,
    ]);
  });
  const reset = element('button', {
    className: 'text-button',
    text: t('priority.reset'),
    attributes: { type: 'button', 'data-action': 'priority-reset' },
  });
  reset.addEventListener('click', () => store.set({ priorityWeights: DEFAULT_PRIORITY_WEIGHTS }));
  const details = element('details', { className: 'priority-weights', attributes: { 'data-priority': '' } }, [
    element('summary', { text: t('priority.title') }),
    element('p', { className: 'analysis-note', text: t('priority.formula') }),
    ...inputs,
    reset,
  ]);
  details.open = open;
  return details;
}
