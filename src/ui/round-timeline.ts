/**
 * The timeline over the rounds (issue 17), in the "Compare rounds" panel: a
 * slider over the dated rounds and a Play button stepping through them, the
 * key figures of the round shown and a trend chart of people and sites per
 * round, for the country and for the selected site or admin area (else the
 * filter's area). Loaded with the panel's first series, not in the main chunk.
 *
 * One truth for what is shown: moving the slider asks for a round
 * (`shownRound`, which links and saved views carry) and this module turns the
 * request into the data library's visibility choices, which the map, the
 * analyses and every figure already follow; a change made in the data
 * manager is read back the other way. Nothing else reads `shownRound`.
 */
import type { DatasetLibrary } from '../app/data-library';
import { formatDate, type Translate, translator } from '../i18n/translate';
import { roundSeries } from '../rounds/round-series';
import {
  localScope,
  newerRoundArrived,
  nextStep,
  type RoundTotals,
  roundTotals,
  shownStepIndex,
  stepOfRound,
  type TimelineStep,
  type TrendScope,
  timelineSteps,
  visibilityForStep,
} from '../rounds/round-timeline';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';
import { totalText, trendBlock } from './round-trend-chart';

/** How long Play stays on each round: time to see the map redraw and read the figures. */
const STEP_MILLISECONDS = 1500;

export interface RoundTimelineOptions {
  store: Store<AppState>;
  library: DatasetLibrary;
}

/** Mounts the timeline into `host`; returns the unmount. */
export function mountRoundTimeline(host: HTMLElement, options: RoundTimelineOptions): () => void {
  const { store, library } = options;
  const title = element('h3', { attributes: { id: 'round-timeline-title' } });
  // The heading says it: the label only names the slider for screen readers.
  const sliderLabel = element('label', {
    className: 'visually-hidden',
    attributes: { for: 'round-timeline-slider' },
  });
  const slider = element('input', {
    attributes: { id: 'round-timeline-slider', type: 'range', min: 0, step: 1, 'data-round-timeline': '' },
  });
  const output = element('output', {
    className: 'round-timeline-step',
    attributes: { for: 'round-timeline-slider', 'data-round-timeline-step': '' },
  });
  const ends = element('div', { className: 'round-timeline-ends', attributes: { 'aria-hidden': 'true' } });
  const play = element('button', {
    className: 'io-button',
    attributes: { type: 'button', 'data-action': 'play-rounds' },
  });
  const figures = element('dl', { className: 'round-figures round-timeline-figures' });
  const note = element('p', { className: 'io-hint' });
  const trendTitle = element('h3');
  const trends = element('div', { className: 'round-trends', attributes: { 'data-round-trends': '' } });
  host.replaceChildren(
    element('section', { className: 'round-timeline', attributes: { 'aria-labelledby': title.id } }, [
      title,
      sliderLabel,
      element('div', { className: 'round-timeline-controls' }, [slider, play]),
      ends,
      output,
      note,
      figures,
      trendTitle,
      trends,
    ]),
  );

  /** The shown round last turned into visibility choices (or read back from the library). */
  let applied: string | null = null;
  let applying = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const steps = () => timelineSteps(roundSeries(library.records()));
  const shownIndex = (all: readonly TimelineStep[]) => shownStepIndex(all, library.shownIds());
  const askedIndex = (all: readonly TimelineStep[], asked: string | null) =>
    asked === null ? all.length - 1 : stepOfRound(all, asked);

  /** Shows the round asked for; false when it is not in the series. */
  const applyAsked = (): boolean => {
    const all = steps();
    const asked = store.get().shownRound;
    const index = askedIndex(all, asked);
    if (index < 0) return false;
    applied = asked;
    applying = true;
    try {
      for (const [id, shown] of visibilityForStep(all, index, library.shownIds()))
        library.setShown(id, shown);
    } finally {
      applying = false;
    }
    return true;
  };

  /** The request follows the library when the data manager (or another tab) changed what is shown. */
  const followLibrary = () => {
    const all = steps();
    const index = shownIndex(all);
    const asked = store.get().shownRound;
    if (askedIndex(all, asked) === index) return;
    // The latest round is the default: a link then names none.
    const derived = index < 0 || index === all.length - 1 ? null : (all[index]?.ids[0] ?? null);
    applied = derived;
    if (derived !== asked) store.set({ shownRound: derived });
  };

  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const select = (index: number) => {
    const id = steps()[index]?.ids[0];
    if (id !== undefined) store.set({ shownRound: id });
  };
  const advance = () => {
    const all = steps();
    const next = nextStep(shownIndex(all), all.length);
    if (next !== null) select(next);
    if (next === null || nextStep(next, all.length) === null) {
      stop();
      render();
    } else timer = setTimeout(advance, STEP_MILLISECONDS);
  };

  slider.addEventListener('input', () => {
    const all = steps();
    const step = all[Number(slider.value)];
    if (step) output.textContent = stepText(translator(store.get().language), step);
  });
  slider.addEventListener('change', () => {
    stop();
    select(Number(slider.value));
    render();
  });
  play.addEventListener('click', () => {
    if (timer !== undefined) {
      stop();
      render();
      return;
    }
    const all = steps();
    const index = shownIndex(all);
    // From the last round, Play starts again from the first.
    if (index < 0 || index === all.length - 1) {
      select(0);
      timer = setTimeout(advance, STEP_MILLISECONDS);
    } else advance();
    render();
  });

  const stepText = (t: Translate, step: TimelineStep) =>
    t('timeline.step', { label: step.label, date: formatDate(store.get().language, step.asOf) });

  function render() {
    const { language, selection, siteFilter } = store.get();
    const t = translator(language);
    const all = steps();
    const index = shownIndex(all);
    const datasets = new Map(library.layerDatasets().map((dataset) => [dataset.id, dataset]));
    const roundsOf = (step: TimelineStep) =>
      step.ids.map((id) => datasets.get(id)?.collection.features ?? []);
    title.textContent = t('timeline.title');
    sliderLabel.textContent = t('timeline.slider');
    slider.max = String(Math.max(0, all.length - 1));
    slider.value = String(Math.max(0, index));
    const shown = all[index];
    slider.setAttribute('aria-valuetext', shown ? stepText(t, shown) : t('timeline.noneShown'));
    output.textContent = shown ? stepText(t, shown) : '';
    ends.replaceChildren(
      element('span', { text: all[0]?.label ?? '' }),
      element('span', { text: all.at(-1)?.label ?? '' }),
    );
    play.textContent = timer === undefined ? t('timeline.play') : t('timeline.pause');
    play.setAttribute('aria-pressed', String(timer !== undefined));
    note.textContent = shown ? '' : t('timeline.noneShown');
    note.hidden = shown !== undefined;
    const country: TrendScope = { kind: 'country' };
    const totals = all.map((step) => roundTotals(roundsOf(step), country));
    const current = totals[index];
    figures.replaceChildren(
      ...(current
        ? (['sites', 'people', 'households'] as const).flatMap((key) => [
            element('dt', { text: t(`timeline.${key}`) }),
            element('dd', {
              text: totalText(t, language, current, key),
              attributes: { 'data-timeline-figure': key },
            }),
          ])
        : []),
    );
    trendTitle.textContent = t('timeline.trendTitle');
    // Named from the round shown first, else from any round (a site the shown round does not have).
    const named = [...(shown ? [shown] : []), ...all].flatMap(roundsOf);
    const local = localScope(named, {
      site: selection?.layerId === 'sites' ? selection.featureId : null,
      area: selection?.layerId === 'admin' ? selection.featureId : null,
      filterArea: siteFilter.commune ?? siteFilter.department,
    });
    const scopes: [TrendScope, RoundTotals[]][] = [[country, totals]];
    if (local) scopes.push([local, all.map((step) => roundTotals(roundsOf(step), local))]);
    trends.replaceChildren(
      ...scopes.map(([scope, values]) => trendBlock(t, language, all, index, scope, values)),
    );
  }

  /** The series and the step shown at the last look, to see a newer round arrive. */
  let seen: { steps: readonly TimelineStep[]; shown: number } = { steps: [], shown: -1 };
  const onLibrary = () => {
    if (applying) return;
    const all = steps();
    if (newerRoundArrived(seen.steps, all, seen.shown)) {
      applied = null;
      if (store.get().shownRound !== null) store.set({ shownRound: null });
      applyAsked();
    } else if (store.get().shownRound === applied || !applyAsked()) followLibrary();
    seen = { steps: all, shown: shownIndex(all) };
    render();
  };
  onLibrary();
  const unsubscribers = [
    library.subscribe(onLibrary),
    store.subscribe(
      (state) => state.shownRound,
      (asked) => {
        if (asked !== applied && !applyAsked()) followLibrary();
        render();
      },
    ),
    store.subscribe((state) => state.language, render),
    store.subscribe((state) => state.selection, render),
    store.subscribe((state) => state.siteFilter, render),
  ];
  return () => {
    stop();
    for (const unsubscribe of unsubscribers) unsubscribe();
    host.replaceChildren();
  };
}
