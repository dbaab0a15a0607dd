/**
 * The composer's series section: the level (departments or communes), which
 * areas (all ticked by default), the two outputs (one multi-page PDF, a zip
 * of PNGs), progress and cancel. The work itself is series.ts.
 */
import { translator } from '../i18n/translate';
import { defaultTexts } from '../map/snapshot-content';
import type { PdfFonts } from '../map/snapshot-render';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from '../ui/dom';
import type { ProductSource } from './product-export';
import { makeSeries, type SeriesArea, type SeriesLevel, seriesAreas } from './series';

export interface SeriesControlsOptions {
  store: Store<AppState>;
  /** The product as composed now (texts, options, camera): each area's page starts from it. */
  source: () => ProductSource;
  fonts: () => PdfFonts | null;
  /** File name for the series or one of its PNGs. */
  fileName: (shortName: string, extension: 'pdf' | 'png' | 'zip') => string;
  download: (blob: Blob, fileName: string) => void;
  status: (text: string) => void;
  /** The place the composer's default title names (the map centre's area). */
  place: () => string;
  /** Whether another export is running (the series waits for none). */
  busy: (running: boolean) => void;
  /** Resolves when the analyses have answered for the data of now. */
  answered: () => Promise<void>;
}

function parentName(state: AppState, area: SeriesArea): string | null {
  return (
    state.datasets?.admin.features.find((feature) => feature.properties.pcode === area.parentPcode)
      ?.properties.name ?? null
  );
}

/** Builds the section; the caller places it in the dialog. */
export function seriesControls(options: SeriesControlsOptions): HTMLElement {
  const { store } = options;
  const t = translator(store.get().language);
  let level: SeriesLevel = 1;
  let running: AbortController | null = null;
  const list = element('div', {
    className: 'snapshot-series-areas',
    attributes: { 'data-series-areas': '' },
  });
  const progress = element('progress', { attributes: { max: 1, value: 0, hidden: true } });
  const fillList = () => {
    const areas = seriesAreas(store.get().datasets, level, store.get().language);
    list.replaceChildren(
      ...areas.map((area) => {
        const box = element('input', { attributes: { type: 'checkbox', 'data-series-area': area.pcode } });
        box.checked = true;
        return element('label', { className: 'snapshot-check' }, [box, area.name]);
      }),
    );
  };
  const levelChoice = element('fieldset', { className: 'snapshot-choice' }, [
    element('legend', { text: t('snapshot.seriesLevel') }),
    ...([1, 2] as const).map((value) => {
      const input = element('input', {
        attributes: {
          type: 'radio',
          name: 'series-level',
          value: String(value),
          'data-series-level': String(value),
        },
      });
      input.checked = value === level;
      input.addEventListener('change', () => {
        if (!input.checked) return;
        level = value;
        fillList();
      });
      return element('label', {}, [
        input,
        t(value === 1 ? 'snapshot.seriesDepartments' : 'snapshot.seriesCommunes'),
      ]);
    }),
  ]);
  const cancel = element('button', {
    text: t('snapshot.seriesCancel'),
    attributes: { type: 'button', 'data-series-cancel': '', hidden: true },
  });
  cancel.addEventListener('click', () => running?.abort());
  const start = async (format: 'pdf' | 'png') => {
    if (running) return;
    const chosen = new Set(
      [...list.querySelectorAll<HTMLInputElement>('[data-series-area]')]
        .filter((box) => box.checked)
        .map((box) => box.dataset.seriesArea),
    );
    const areas = seriesAreas(store.get().datasets, level, store.get().language).filter((area) =>
      chosen.has(area.pcode),
    );
    if (areas.length === 0) {
      options.status(t('snapshot.seriesNone'));
      return;
    }
    running = new AbortController();
    cancel.hidden = false;
    progress.hidden = false;
    options.busy(true);
    const source = options.source();
    const started = performance.now();
    try {
      const blob = await makeSeries({
        store,
        source,
        areas,
        format,
        fonts: options.fonts(),
        signal: running.signal,
        answered: options.answered,
        progress: (done, total, name) => {
          progress.max = total;
          progress.value = done;
          if (name) options.status(t('snapshot.seriesProgress', { done: done + 1, total, name }));
        },
        pngName: (area: SeriesArea) => options.fileName(`${source.texts.shortName}-${area.name}`, 'png'),
        titleFor: (area: SeriesArea) => {
          // The default title names the place on screen: each page names its own area instead.
          const state = store.get();
          const here = defaultTexts(state, options.place()).title;
          const parent = area.level === 2 ? parentName(state, area) : null;
          return source.texts.title === here
            ? defaultTexts(state, parent ? `${area.name}, ${parent}` : area.name).title
            : t('snapshot.seriesTitle', { area: area.name, title: source.texts.title });
        },
      });
      const fileName = options.fileName(`${source.texts.shortName}-series`, format === 'pdf' ? 'pdf' : 'zip');
      options.download(blob, fileName);
      const section = list.closest('dialog');
      if (section) section.dataset.lastSeriesMilliseconds = String(Math.round(performance.now() - started));
      options.status(t('snapshot.done', { file: fileName }));
    } catch (error) {
      options.status(
        error instanceof DOMException && error.name === 'AbortError'
          ? t('snapshot.seriesCancelled')
          : t('snapshot.failed', { detail: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      running = null;
      cancel.hidden = true;
      progress.hidden = true;
      options.busy(false);
    }
  };
  const button = (format: 'pdf' | 'png') => {
    const node = element('button', {
      text: t(format === 'pdf' ? 'snapshot.seriesPdf' : 'snapshot.seriesPng'),
      attributes: { type: 'button', 'data-series-export': format },
    });
    node.addEventListener('click', () => void start(format));
    return node;
  };
  fillList();
  return element('details', { className: 'snapshot-series' }, [
    element('summary', { text: t('snapshot.series') }),
    levelChoice,
    element('p', { className: 'snapshot-series-heading', text: t('snapshot.seriesAreas') }),
    list,
    element('div', { className: 'snapshot-actions' }, [button('pdf'), button('png'), cancel]),
    progress,
  ]);
}
