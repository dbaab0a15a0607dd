/**
 * The snapshot composer: a modal dialog that previews the current map as a
 * finished map product and exports it as PNG or PDF (see map/snapshot-*.ts
 * and products/). Title, subtitle, producer, contact, short name and options
 * are prefilled, editable and remembered per saved view; the logo is given
 * once and kept; the preview says what the layout had to leave out; a series
 * makes one product per department or commune.
 */
import { viewIsSensitive } from '../analyses/sensitivity';
import { applyUrlView } from '../app/url-sync';
import type { MessageKey } from '../i18n/fr';
import { translator } from '../i18n/translate';
import type { SavedView } from '../io/saved-view-store';
import type { Camera } from '../map/camera';
import type { MapView } from '../map/map-view';
import type { LocatorCountry, ProductMovements } from '../map/snapshot-content';
import { defaultTexts, placeName, type SnapshotTexts } from '../map/snapshot-content';
import {
  ORIENTATIONS,
  type Orientation,
  PAPERS,
  type Paper,
  PIXEL_RATIOS,
  pixelSize,
  type Size,
  snapshotFileName,
} from '../map/snapshot-layout';
import type { Omission } from '../map/snapshot-product';
import { type PdfFonts, renderToCanvas } from '../map/snapshot-render';
import { CURRENT_VIEW, recallComposer, rememberComposer } from '../products/composer-memory';
import { locatorCountries } from '../products/locator-outline';
import { removeLogo, storedLogo, storeLogo } from '../products/logo-store';
import {
  captureFor,
  composeFrom,
  type ProductSettings,
  type ProductSource,
  productPdfPage,
  productPng,
} from '../products/product-export';
import { productFonts } from '../products/product-fonts';
import { drawableMap, pdfInWorker } from '../products/product-worker';
import { seriesControls } from '../products/series-controls';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { decodeUrlState } from '../state/url-state';
import { element } from './dom';

export interface SnapshotDialog {
  /** Opens the composer; with a saved view, starts from it. */
  open(startFrom?: SavedView): Promise<void>;
  unmount(): void;
}

export interface SnapshotDialogOptions {
  store: Store<AppState>;
  view: MapView;
  /** Saved views offered as starting points (empty when storage is unavailable). */
  listSavedViews: () => Promise<SavedView[]>;
  /** The movements shown now, as the product prints them (issue 17). */
  movements?: () => ProductMovements | null;
  /** Resolves when the analyses have answered for the data of now (a series page waits for it). */
  analysisAnswered: () => Promise<void>;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = element('a', { attributes: { href: url, download: fileName, hidden: true } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const OMISSION_KEYS: Record<Exclude<Omission['kind'], 'block'>, MessageKey> = {
  contexts: 'snapshot.omitted.contexts',
  notes: 'snapshot.omitted.notes',
  'smaller-legend': 'snapshot.omitted.smaller',
  'title-cut': 'snapshot.omitted.title',
  'subtitle-cut': 'snapshot.omitted.subtitle',
  'sources-cut': 'snapshot.omitted.sources',
  locator: 'snapshot.omitted.locator',
};

export function mountSnapshotDialog(options: SnapshotDialogOptions): SnapshotDialog {
  const { store, view } = options;
  const t = () => translator(store.get().language);
  const dialog = element('dialog', {
    className: 'snapshot-dialog',
    attributes: { 'aria-labelledby': 'snapshot-dialog-title', 'data-dialog': 'snapshot' },
  });
  document.body.append(dialog);

  let texts: SnapshotTexts | null = null;
  let settings: ProductSettings = { paper: 'A4', orientation: 'landscape', pixelRatio: 2 };
  let camera: Camera = { longitude: 0, latitude: 0, zoom: 0, bearing: 0, pitch: 0 };
  let screenMap: Size = { width: 800, height: 600 };
  let savedViews: SavedView[] = [];
  let memoryKey = CURRENT_VIEW;
  let fonts: PdfFonts | null = null;
  let locator: LocatorCountry[] = [];
  let logo: ImageBitmap | null = null;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let previewRequest = 0;
  /** Abandons the preview capture in flight: on close, it must not restore an old camera later. */
  let previewCapture = new AbortController();
  const previewCache = new Map<string, HTMLCanvasElement | ImageBitmap>();

  const readCamera = () => {
    screenMap = view.containerSize();
    camera = view.getCamera();
    previewCache.clear();
  };

  const source = (): ProductSource => ({
    view,
    texts: texts ?? defaultTexts(store.get(), ''),
    settings,
    camera,
    screenMap,
    locator,
    logo,
    movements: options.movements?.() ?? null,
  });

  const remember = () => {
    if (texts) rememberComposer(memoryKey, { texts, ...settings });
  };

  const status = (text: string) => {
    const node = dialog.querySelector<HTMLElement>('.snapshot-status');
    if (node) node.textContent = text;
  };

  const omissionText = (omitted: readonly Omission[]) => {
    const translate = t();
    const items = [
      ...new Set(
        omitted.map((omission) =>
          omission.kind === 'block'
            ? translate('snapshot.omitted.block', { name: omission.name })
            : translate(OMISSION_KEYS[omission.kind]),
        ),
      ),
    ];
    return items.length > 0 ? translate('snapshot.omitted', { items: items.join(', ') }) : '';
  };

  const refreshPreview = async () => {
    const request = ++previewRequest;
    const composed = composeFrom(store.get(), source());
    const key = `${settings.paper}|${settings.orientation}|${composed.layout.map.width}x${composed.layout.map.height}`;
    let mapImage = previewCache.get(key);
    if (!mapImage) {
      mapImage = await drawableMap(await captureFor(composed, source(), 1, previewCapture.signal));
      previewCache.set(key, mapImage);
    }
    if (request !== previewRequest || !dialog.open) return;
    const canvas = renderToCanvas(composed, { map: mapImage, ...(logo ? { logo } : {}) }, 1);
    canvas.className = 'snapshot-preview-image';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', t()('snapshot.preview'));
    const size = pixelSize(composed.layout.page, settings.pixelRatio);
    dialog.querySelector('.snapshot-preview')?.replaceChildren(
      canvas,
      element('figcaption', {
        text: `${size.width} × ${size.height} px`,
        attributes: { 'data-output-size': '' },
      }),
      element('p', {
        className: 'snapshot-omitted',
        text: omissionText(composed.omitted),
        attributes: { 'data-snapshot-omitted': '' },
      }),
    );
  };
  const schedulePreview = () => {
    remember();
    if (previewTimer !== undefined) clearTimeout(previewTimer);
    previewTimer = setTimeout(() => {
      previewTimer = undefined;
      refreshPreview().catch((error: unknown) => {
        // Closing the composer abandons its preview: nothing failed.
        if (!previewCapture.signal.aborted) status(t()('snapshot.failed', { detail: String(error) }));
      });
    }, 250);
  };

  const fileName = (shortName: string, extension: 'png' | 'pdf' | 'zip') => {
    const state = store.get();
    const label = viewIsSensitive(state) ? translator(state.language)('value.sensitive') : undefined;
    return snapshotFileName(shortName, settings.paper, new Date(), extension, label);
  };

  const setBusy = (busy: boolean) => {
    for (const button of dialog.querySelectorAll<HTMLButtonElement>('[data-export], [data-series-export]'))
      button.disabled = busy;
  };

  const exportAs = async (format: 'png' | 'pdf') => {
    const translate = t();
    setBusy(true);
    status(translate('snapshot.working'));
    const started = performance.now();
    try {
      // An analysis still running (chosen just before the composer opened) would print half its figures.
      await options.analysisAnswered();
      const state = store.get();
      const blob =
        format === 'png'
          ? await productPng(state, source())
          : await pdfInWorker([await productPdfPage(state, source())], fonts);
      const name = fileName(texts?.shortName ?? 'map', format);
      download(blob, name);
      dialog.dataset.lastExportMilliseconds = String(Math.round(performance.now() - started));
      status(translate('snapshot.done', { file: name }));
    } catch (error) {
      status(
        translate('snapshot.failed', { detail: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const choice = <Value extends string | number>(
    name: string,
    label: string,
    values: readonly Value[],
    current: Value,
    text: (value: Value) => string,
    change: (value: Value) => void,
  ) =>
    element('fieldset', { className: 'snapshot-choice' }, [
      element('legend', { text: label }),
      ...values.map((value) => {
        const input = element('input', {
          attributes: {
            type: 'radio',
            name,
            value: String(value),
            'data-snapshot-option': `${name}-${value}`,
          },
        });
        input.checked = value === current;
        input.addEventListener('change', () => {
          if (input.checked) change(value);
        });
        return element('label', {}, [input, text(value)]);
      }),
    ]);

  const textField = (key: 'title' | 'subtitle' | 'producer' | 'contact' | 'shortName', label: string) => {
    const input = element('input', {
      attributes: { type: 'text', 'data-snapshot-field': key, maxlength: 200 },
    });
    input.value = String(texts?.[key] ?? '');
    if (key === 'contact') input.placeholder = t()('snapshot.contactPlaceholder');
    input.addEventListener('input', () => {
      if (!texts) return;
      texts = { ...texts, [key]: input.value };
      schedulePreview();
    });
    return element('label', { className: 'snapshot-field' }, [element('span', { text: label }), input]);
  };

  const check = (key: 'includeKeyFigures' | 'includeLocator', label: string, disabled: boolean) => {
    const input = element('input', { attributes: { type: 'checkbox', 'data-snapshot-field': key } });
    input.checked = texts?.[key] !== false;
    input.disabled = disabled;
    input.addEventListener('change', () => {
      if (texts) texts = { ...texts, [key]: input.checked };
      schedulePreview();
    });
    return element('label', { className: 'snapshot-check' }, [input, label]);
  };

  const logoField = () => {
    const translate = t();
    const input = element('input', {
      attributes: {
        type: 'file',
        id: 'snapshot-logo',
        accept: 'image/png,image/jpeg,image/webp',
        'data-snapshot-field': 'logo',
      },
    });
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      if (!file) return;
      const stored = await storeLogo(file);
      if (stored.ok) logo = stored.logo;
      else
        status(
          translate(stored.code === 'unreadable' ? 'snapshot.logoUnreadable' : 'snapshot.logoNotStored'),
        );
      render();
      schedulePreview();
    });
    const remove = element('button', {
      text: translate('snapshot.logoRemove'),
      attributes: { type: 'button', 'data-action': 'remove-logo', hidden: !logo },
    });
    remove.addEventListener('click', () => {
      removeLogo();
      logo = null;
      render();
      schedulePreview();
    });
    return element('div', { className: 'snapshot-field' }, [
      element('label', { text: translate('snapshot.logo'), attributes: { for: input.id } }),
      input,
      remove,
    ]);
  };

  const render = () => {
    const translate = t();
    const state = store.get();
    const paperText = (paper: Paper) => (paper === 'screen' ? translate('snapshot.paperScreen') : paper);
    const orientationText = (orientation: Orientation) => translate(`snapshot.${orientation}`);
    const startFrom = element('select', { attributes: { 'data-snapshot-field': 'startFrom' } }, [
      element('option', { text: translate('snapshot.currentView'), attributes: { value: '' } }),
      ...savedViews.map((saved) => element('option', { text: saved.name, attributes: { value: saved.id } })),
    ]);
    startFrom.value = memoryKey === CURRENT_VIEW ? '' : memoryKey;
    startFrom.addEventListener('change', () => {
      const saved = savedViews.find((candidate) => candidate.id === startFrom.value);
      if (saved) void startFromView(saved);
    });
    const close = element('button', {
      text: translate('snapshot.close'),
      attributes: { type: 'button', 'data-action': 'close-snapshot' },
    });
    close.addEventListener('click', () => dialog.close());
    const reset = element('button', {
      text: translate('snapshot.resetTexts'),
      attributes: { type: 'button', 'data-action': 'reset-snapshot-texts' },
    });
    reset.addEventListener('click', () => {
      resetTexts();
      render();
      schedulePreview();
    });
    const exportButton = (format: 'png' | 'pdf') => {
      const button = element('button', {
        className: 'primary',
        text: translate(format === 'png' ? 'snapshot.exportPng' : 'snapshot.exportPdf'),
        attributes: { type: 'button', 'data-export': format },
      });
      button.addEventListener('click', () => void exportAs(format));
      return button;
    };
    const option =
      <Key extends keyof ProductSettings>(key: Key) =>
      (value: ProductSettings[Key]) => {
        settings = { ...settings, [key]: value };
        schedulePreview();
      };
    dialog.replaceChildren(
      element('h2', { text: translate('snapshot.dialogTitle'), attributes: { id: 'snapshot-dialog-title' } }),
      ...(viewIsSensitive(state)
        ? [
            element('p', {
              className: 'snapshot-sensitive',
              text: translate(
                state.layers.control.visible
                  ? 'snapshot.sensitiveWarning'
                  : 'snapshot.sensitiveDerivedWarning',
              ),
            }),
          ]
        : []),
      element('div', { className: 'snapshot-body' }, [
        element('div', { className: 'snapshot-controls' }, [
          element('label', { className: 'snapshot-field' }, [
            element('span', { text: translate('snapshot.startFrom') }),
            startFrom,
          ]),
          textField('title', translate('snapshot.mapTitle')),
          textField('subtitle', translate('snapshot.mapSubtitle')),
          textField('producer', translate('snapshot.producer')),
          textField('contact', translate('snapshot.contact')),
          textField('shortName', translate('snapshot.shortName')),
          reset,
          logoField(),
          choice('paper', translate('snapshot.paper'), PAPERS, settings.paper, paperText, option('paper')),
          choice(
            'orientation',
            translate('snapshot.orientation'),
            ORIENTATIONS,
            settings.orientation,
            orientationText,
            option('orientation'),
          ),
          choice(
            'ratio',
            translate('snapshot.pixelRatio'),
            PIXEL_RATIOS,
            settings.pixelRatio as 1 | 2 | 3,
            (ratio) => `${ratio}×`,
            option('pixelRatio'),
          ),
          check('includeKeyFigures', translate('snapshot.includeKeyFigures'), state.keyFigures.length === 0),
          check('includeLocator', translate('snapshot.includeLocator'), locator.length === 0),
          seriesControls({
            store,
            source,
            fonts: () => fonts,
            fileName,
            download,
            status,
            place: currentPlace,
            busy: setBusy,
            answered: options.analysisAnswered,
          }),
        ]),
        element('figure', { className: 'snapshot-preview' }),
      ]),
      element('p', { className: 'snapshot-status', attributes: { role: 'status' } }),
      element('div', { className: 'snapshot-actions' }, [exportButton('png'), exportButton('pdf'), close]),
    );
  };

  /** The place the map is centred on, which the default title names. */
  const currentPlace = () => {
    const state = store.get();
    const center = { lng: camera.longitude, lat: camera.latitude };
    return placeName(state.datasets, center, camera.zoom, state.language);
  };

  /** The defaults for the view on screen, with the producer last typed. */
  const resetTexts = () => {
    const defaults = defaultTexts(store.get(), currentPlace());
    texts = { ...defaults, producer: texts?.producer?.trim() ? texts.producer : defaults.producer };
  };

  /** What was typed last time for this view, else the defaults. */
  const recallTexts = (savedName?: string) => {
    const memory = recallComposer(memoryKey);
    if (memory) {
      texts = {
        ...memory.texts,
        includeKeyFigures: memory.texts.includeKeyFigures && store.get().keyFigures.length > 0,
      };
      settings = { paper: memory.paper, orientation: memory.orientation, pixelRatio: memory.pixelRatio };
      return;
    }
    const producer = texts?.producer ?? recallComposer(CURRENT_VIEW)?.texts.producer;
    const defaults = defaultTexts(store.get(), currentPlace());
    texts = {
      ...defaults,
      producer: producer?.trim() ? producer : defaults.producer,
      // The view's name is the natural short name of its file (e.g. HTI_delmas-floods_A4_…).
      shortName: savedName ?? defaults.shortName,
    };
  };

  const startFromView = async (saved: SavedView) => {
    applyUrlView(store, view, decodeUrlState(saved.hash));
    await view.whenIdle();
    readCamera();
    memoryKey = saved.id;
    recallTexts(saved.name);
    render();
    schedulePreview();
  };

  dialog.addEventListener('close', () => {
    previewRequest++;
    if (previewTimer !== undefined) clearTimeout(previewTimer);
    previewCapture.abort();
  });

  return {
    async open(startFrom) {
      // The fonts come first: the layout is measured with them.
      [savedViews, fonts, locator, logo] = await Promise.all([
        options.listSavedViews().catch(() => []),
        productFonts(),
        locatorCountries(),
        storedLogo(),
      ]);
      readCamera();
      memoryKey = CURRENT_VIEW;
      recallTexts();
      render();
      if (previewCapture.signal.aborted) previewCapture = new AbortController();
      if (!dialog.open) dialog.showModal();
      if (startFrom) await startFromView(startFrom);
      else schedulePreview();
    },
    unmount() {
      dialog.remove();
    },
  };
}
