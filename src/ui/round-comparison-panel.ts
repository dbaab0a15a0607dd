/**
 * The "Compare rounds" panel: pick a base and a later round (the two latest
 * by default), compare them in the analysis worker, and show the headline
 * ("+12 sites, −8 420 people since Round 23"), the key figures, the change by
 * commune and the legend of the map's marks. The pair is state
 * (`roundComparison`), so links and saved views carry it; the marks go to the
 * map through `roundChange`.
 */
import type { DatasetLibrary } from '../app/data-library';
import { formatDate, translator } from '../i18n/translate';
import {
  type ComparedRounds,
  compareStoredRounds,
  type RoundComparer,
} from '../rounds/compare-stored-rounds';
import { cssColour, ROUND_CHANGE_COLOURS } from '../rounds/round-change-colours';
import { communeRowTexts, headlineText, keyFigureTexts } from '../rounds/round-figures';
import { ROUND_CHANGE_KINDS } from '../rounds/round-marks';
import { type RoundEntry, roundPair, roundSeries } from '../rounds/round-series';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';

export interface RoundComparisonPanelOptions {
  store: Store<AppState>;
  library: DatasetLibrary;
  comparer: RoundComparer;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'computing' }
  | { kind: 'failed'; reason: string }
  | ComparedOutcome;
type ComparedOutcome = { kind: 'done'; compared: ComparedRounds };

/** Mounts the panel at the end of `container`; returns the unmount. */
export function mountRoundComparisonPanel(container: HTMLElement, options: RoundComparisonPanelOptions) {
  const { store, library, comparer } = options;
  const section = element('section', {
    className: 'side-panel round-panel',
    attributes: { id: 'round-panel', 'aria-labelledby': 'round-panel-title', 'data-round-panel': '' },
  });
  container.append(section);
  // The timeline (round-timeline.ts) keeps its own element across the panel's redraws; loaded with the first series.
  const timelineHost = element('div', { className: 'round-timeline-host' });
  const heading = element('h2', { attributes: { id: 'round-panel-title' } });
  const body = element('div');
  section.append(heading, timelineHost, body);
  let timeline: Promise<() => void> | undefined;
  let unmounted = false;
  const mountTimeline = () => {
    timeline ??= import('./round-timeline').then(({ mountRoundTimeline }) => {
      const unmount = mountRoundTimeline(timelineHost, { store, library });
      if (unmounted) unmount();
      return unmount;
    });
  };
  let outcome: Outcome = { kind: 'none' };
  let request = 0;
  /** What the selects hold, kept across redraws. */
  let chosen: { base: string; later: string } | null = null;
  /** What the outcome was computed from: its rounds (ids and labels) and their sites. */
  let computedFrom: readonly unknown[] = [];

  const series = () => roundSeries(library.records());
  const sitesOf = (entry: RoundEntry) =>
    library.layerDatasets().find((dataset) => dataset.id === entry.id)?.collection.features;

  /** Computes the comparison the state asks for (or clears it when the rounds are gone). */
  const follow = async () => {
    const asked = store.get().roundComparison;
    const entries = series();
    const base = entries.find((entry) => entry.id === asked?.base);
    const later = entries.find((entry) => entry.id === asked?.later);
    const baseSites = base && sitesOf(base);
    const laterSites = later && sitesOf(later);
    const inputs = [base?.id, base?.round.label, baseSites, later?.id, later?.round.label, laterSites];
    // Another library change (a dataset shown or hidden, a rename elsewhere) leaves this comparison as it is.
    const kept = outcome.kind === 'done' || outcome.kind === 'computing';
    if (kept && inputs.every((input, index) => input === computedFrom[index])) {
      render();
      return;
    }
    computedFrom = inputs;
    const current = ++request;
    if (!asked || !base || !later || !baseSites || !laterSites) {
      outcome = { kind: 'none' };
      if (store.get().roundChange) store.set({ roundChange: null });
      render();
      return;
    }
    outcome = { kind: 'computing' };
    render();
    try {
      const compared = await compareStoredRounds(
        comparer,
        { entry: base, features: baseSites },
        { entry: later, features: laterSites },
      );
      if (current !== request) return;
      outcome = { kind: 'done', compared };
      store.set({ roundChange: compared.map });
    } catch (error) {
      if (current !== request) return;
      outcome = { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
      store.set({ roundChange: null });
    }
    render();
  };

  const roundSelect = (id: string, entries: readonly RoundEntry[], value: string) => {
    const select = element(
      'select',
      { attributes: { id, [`data-${id}`]: '' } },
      entries.map((entry) =>
        element('option', {
          text: `${entry.round.label} — ${formatDate(store.get().language, entry.round.asOf)}`,
          attributes: { value: entry.id },
        }),
      ),
    );
    select.value = value;
    return select;
  };

  const results = (compared: ComparedRounds) => {
    const { language } = store.get();
    const t = translator(language);
    const { summary, base, later } = compared;
    const labels = { base: base.round.label, later: later.round.label };
    const unknown =
      summary.unknownBefore + summary.unknownAfter > 0
        ? element('p', {
            className: 'io-hint round-unknown',
            text: t('rounds.unknownPeople', {
              before: String(summary.unknownBefore),
              after: String(summary.unknownAfter),
              ...labels,
            }),
            attributes: { 'data-round-unknown': '' },
          })
        : null;
    const headers = [
      t('rounds.columnCommune'),
      t('rounds.columnPeopleChange'),
      t('rounds.columnPeopleIn', { label: labels.base }),
      t('rounds.columnPeopleIn', { label: labels.later }),
      t('rounds.columnSitesChange'),
      t('rounds.columnSitesIn', { label: labels.base }),
      t('rounds.columnSitesIn', { label: labels.later }),
    ];
    return [
      element('p', {
        className: 'round-period',
        text: t('rounds.period', {
          base: labels.base,
          baseDate: formatDate(language, base.round.asOf),
          later: labels.later,
          laterDate: formatDate(language, later.round.asOf),
        }),
      }),
      element('p', {
        className: 'round-headline',
        text: headlineText(t, language, summary, labels),
        attributes: { 'data-round-headline': '' },
      }),
      element(
        'dl',
        { className: 'round-figures' },
        keyFigureTexts(language, summary).flatMap(({ key, value }) => [
          element('dt', { text: t(`rounds.${key}`) }),
          element('dd', { text: value, attributes: { 'data-round-figure': key } }),
        ]),
      ),
      unknown,
      element('h3', { text: t('rounds.tableTitle') }),
      element('div', { className: 'io-table-scroll round-table-scroll' }, [
        element('table', { className: 'io-table round-table', attributes: { 'data-round-table': '' } }, [
          element('thead', {}, [
            element(
              'tr',
              {},
              headers.map((text) => element('th', { text, attributes: { scope: 'col' } })),
            ),
          ]),
          element(
            'tbody',
            {},
            summary.communes.map((row) =>
              element(
                'tr',
                { attributes: { 'data-commune': row.code } },
                communeRowTexts(t, language, row).map((text, column) =>
                  element('td', { text, className: column > 0 ? 'numeric' : '' }),
                ),
              ),
            ),
          ),
        ]),
      ]),
      element('h3', { text: t('rounds.legendTitle') }),
      element(
        'ul',
        { className: 'round-legend' },
        ROUND_CHANGE_KINDS.map((kind) => {
          const swatch = element('span', {
            className: `round-swatch${kind === 'closed' ? ' hollow' : ''}`,
            attributes: { 'aria-hidden': 'true' },
          });
          // Through the CSS object model: the page's policy refuses style attributes.
          swatch.style.setProperty('--round-colour', cssColour(ROUND_CHANGE_COLOURS[kind]));
          return element('li', { className: 'round-legend-item' }, [
            swatch,
            element('span', { text: t(`rounds.legend.${kind}`) }),
          ]);
        }),
      ),
    ];
  };

  function render() {
    const { language } = store.get();
    const t = translator(language);
    const entries = series();
    heading.textContent = t('rounds.panelTitle');
    const pair = roundPair(entries, chosen ?? store.get().roundComparison);
    if (!pair) {
      body.replaceChildren(element('p', { className: 'io-hint', text: t('rounds.needTwo') }));
      return;
    }
    const baseSelect = roundSelect('round-base', entries, pair.base);
    const laterSelect = roundSelect('round-later', entries, pair.later);
    const remember = () => {
      chosen = { base: baseSelect.value, later: laterSelect.value };
    };
    baseSelect.addEventListener('change', remember);
    laterSelect.addEventListener('change', remember);
    const compare = element('button', {
      className: 'io-button primary',
      text: t('rounds.compare'),
      attributes: { type: 'button', 'data-action': 'compare-rounds' },
    });
    compare.addEventListener('click', () => {
      const asked = roundPair(entries, { base: baseSelect.value, later: laterSelect.value });
      chosen = asked;
      store.set({ roundComparison: asked });
    });
    const clear = element('button', {
      className: 'io-button',
      text: t('rounds.clear'),
      attributes: { type: 'button', 'data-action': 'clear-rounds' },
    });
    clear.hidden = store.get().roundComparison === null;
    clear.addEventListener('click', () => store.set({ roundComparison: null }));
    const status =
      outcome.kind === 'computing'
        ? t('rounds.computing')
        : outcome.kind === 'failed'
          ? t('rounds.failed', { reason: outcome.reason })
          : '';
    mountTimeline();
    body.replaceChildren(
      element('div', { className: 'round-choice' }, [
        element('label', { text: t('rounds.base'), attributes: { for: 'round-base' } }),
        baseSelect,
        element('label', { text: t('rounds.later'), attributes: { for: 'round-later' } }),
        laterSelect,
      ]),
      element('div', { className: 'round-actions' }, [compare, clear]),
      element('p', { className: 'io-hint', text: status, attributes: { role: 'status' } }),
      ...(outcome.kind === 'done' ? results(outcome.compared).filter((node) => node !== null) : []),
    );
    section.dataset.roundState = outcome.kind;
  }

  render();
  void follow();
  const unsubscribers = [
    library.subscribe(() => void follow()),
    store.subscribe(
      (state) => state.roundComparison,
      () => void follow(),
    ),
    store.subscribe((state) => state.language, render),
  ];
  return () => {
    unmounted = true;
    void timeline?.then((unmount) => unmount());
    request++;
    for (const unsubscribe of unsubscribers) unsubscribe();
    section.remove();
    if (store.get().roundChange) store.set({ roundChange: null });
  };
}
