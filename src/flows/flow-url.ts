/**
 * The movements part of a link and a saved view (issue 17): whether they are
 * shown, the categories, the period and the host-pressure colouring.
 *
 * Format (the value of `flows=` in the hash; written only while movements are shown):
 *   on[;cat:<category>,<category>…][;from:<YYYY-MM-DD>][;to:<YYYY-MM-DD>][;pressure]
 * `cat:` is left out when every category is shown. Decoding never throws: an
 * unknown category is dropped (all of them dropped: every category), a date
 * that is not a real ISO day is ignored.
 */
import { FLOW_CATEGORIES, type FlowCategory } from './flow-categories';
import type { FlowState } from './flow-state';

/** What a link says about the movements. */
export interface FlowUrlView {
  categories: readonly FlowCategory[];
  fromDate: string | null;
  toDate: string | null;
  pressureShown: boolean;
}

const isCategory = (value: string): value is FlowCategory =>
  (FLOW_CATEGORIES as readonly string[]).includes(value);

/** A real ISO day (2026-02-30 is not), else null. */
function isoDay(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text ? text : null;
}

/** The value of `flows=` for a state, or null when movements are hidden (the link leaves them out). */
export function encodeFlowView(flows: Pick<FlowState, 'shown' | 'filter' | 'pressureShown'>): string | null {
  if (!flows.shown) return null;
  const parts = ['on'];
  const categories = FLOW_CATEGORIES.filter((category) => flows.filter.categories.has(category));
  if (categories.length < FLOW_CATEGORIES.length) parts.push(`cat:${categories.join(',')}`);
  if (flows.filter.fromDate) parts.push(`from:${flows.filter.fromDate}`);
  if (flows.filter.toDate) parts.push(`to:${flows.filter.toDate}`);
  if (flows.pressureShown) parts.push('pressure');
  return parts.join(';');
}

/** Reads the value of `flows=`; undefined when there is none (or it is not ours). */
export function decodeFlowView(text: string | null): FlowUrlView | undefined {
  if (text === null || text.length > 300) return undefined;
  const [head, ...parts] = text.split(';');
  if (head !== 'on') return undefined;
  let categories: FlowCategory[] = [];
  const view: FlowUrlView = { categories, fromDate: null, toDate: null, pressureShown: false };
  for (const part of parts) {
    const colon = part.indexOf(':');
    const [key, value] = colon < 0 ? [part, ''] : [part.slice(0, colon), part.slice(colon + 1)];
    if (key === 'cat') categories = value.split(',').filter(isCategory);
    else if (key === 'from') view.fromDate = isoDay(value);
    else if (key === 'to') view.toDate = isoDay(value);
    else if (key === 'pressure') view.pressureShown = true;
  }
  return { ...view, categories: categories.length > 0 ? categories : FLOW_CATEGORIES };
}

/** The flows state a link restores: a link without `flows=` hides the movements (back/forward return to it). */
export function flowStatePatch(view: FlowUrlView | undefined): Partial<FlowState> {
  if (!view) return { shown: false, pressureShown: false };
  return {
    shown: true,
    pressureShown: view.pressureShown,
    filter: { categories: new Set(view.categories), fromDate: view.fromDate, toDate: view.toDate },
  };
}
