/**
 * The snapshot composer: a modal dialog that previews the current map as a
 * finished map product and exports it as PNG or PDF (see map/snapshot-*.ts).
 * Title, subtitle, short name and producer are prefilled and editable; the
 * product can start from a saved view.
 */
import { viewIsSensitive } from '../analyses/sensitivity';
import { applyUrlView } from '../app/url-sync';
import { translator } from '../i18n/translate';
import type { SavedView } from '../io/saved-view-store';
import type { Camera } from '../map/camera';
import type { MapView } from '../map/map-view';
import { defaultTexts, placeName, type SnapshotTexts, snapshotContent } from '../map/snapshot-content';
import {
  exportZoom,
  ORIENTATIONS,
  type Orientation,
  PAPERS,
  type PageSettings,
  type Paper,
  PIXEL_RATIOS,
  pixelSize,
  type Size,
  snapshotFileName,
} from '../map/snapshot-layout';
import { composeProduct, type Product } from '../map/snapshot-product';
import { canvasMeasure, renderToCanvas, renderToPdf } from '../map/snapshot-render';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { decodeUrlState } from '../state/url-state';
import { element } from './dom';

const PRODUCER_KEY = 'katsit.snapshot.producer';

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
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = element('a', { attributes: { href: url, download: fileName, hidden: true } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function mountSnapshotDialog(options: SnapshotDialogOptions): SnapshotDialog {
  const { store, view } = options;
  const t = () => translator(store.get().language);
  const dialog = element('dialog', {
    className: 'snapshot-dialog',
    attributes: { 'aria-labelledby': 'snapshot-dialog-title', 'data-dialog': 'snapshot' },
  });
  document.body.append(dialog);

  let texts: SnapshotTexts | null = null;
  let settings: PageSettings & { pixelRatio: number } = {
    paper: 'A4',
    orientation: 'landscape',
    pixelRatio: 2,
  };
  let camera: Camera = { longitude: 0, latitude: 0, zoom: 0, bearing: 0, pitch: 0 };
  let screenMap: Size = { width: 800, height: 600 };
  let savedViews: SavedView[] = [];
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let previewRequest = 0;
  const previewCache = new Map<string, HTMLCanvasElement>();

  const readCamera = () => {
    screenMap = view.containerSize();
    camera = view.getCamera();
    previewCache.clear();
  };

  const product = (): Product => {
    const state = store.get();
    const content = snapshotContent(
      state,
      texts ?? defaultTexts(state, ''),
      new Date(),
      view.basemapAttribution(),
    );
    // The frame size depends on the layout only; compose once for it, then for the scale.
    const measure = canvasMeasure();
    const draft = composeProduct(
      content,
      settings,
      screenMap,
      { latitude: camera.latitude, zoom: camera.zoom },
      measure,
    );
    const zoom = exportZoom(camera.zoom, screenMap, draft.layout.map);
    return composeProduct(content, settings, screenMap, { latitude: camera.latitude, zoom }, measure);
  };

  const capture = (composed: Product, pixelRatio: number) => {
    const frame = { width: composed.layout.map.width, height: composed.layout.map.height };
    const zoom = exportZoom(camera.zoom, screenMap, frame);
    return view.capture(frame, pixelRatio, { ...camera, zoom });
  };

  const status = (text: string) => {
    const node = dialog.querySelector<HTMLElement>('.snapshot-status');
    if (node) node.textContent = text;
  };

  const refreshPreview = async () => {
    const request = ++previewRequest;
    const composed = product();
    const key = `${settings.paper}|${settings.orientation}|${composed.layout.map.width}x${composed.layout.map.height}`;
    let mapImage = previewCache.get(key);
    if (!mapImage) {
      mapImage = await capture(composed, 1);
      previewCache.set(key, mapImage);
    }
    if (request !== previewRequest || !dialog.open) return;
    const canvas = renderToCanvas(composed, mapImage, 1);
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
    );
  };
  const schedulePreview = () => {
    if (previewTimer !== undefined) clearTimeout(previewTimer);
    previewTimer = setTimeout(() => {
      previewTimer = undefined;
      refreshPreview().catch((error: unknown) => status(t()('snapshot.failed', { detail: String(error) })));
    }, 250);
  };

  const exportAs = async (format: 'png' | 'pdf') => {
    const translate = t();
    const buttons = [...dialog.querySelectorAll<HTMLButtonElement>('[data-export]')];
    for (const button of buttons) button.disabled = true;
    status(translate('snapshot.working'));
    const started = performance.now();
    try {
      const composed = product();
      const mapImage = await capture(
        composed,
        format === 'png' ? settings.pixelRatio : Math.max(2, settings.pixelRatio),
      );
      const blob =
        format === 'png'
          ? await new Promise<Blob>((resolve, reject) =>
              renderToCanvas(composed, mapImage, settings.pixelRatio).toBlob(
                (result) => (result ? resolve(result) : reject(new Error('PNG encoding failed'))),
                'image/png',
              ),
            )
          : await renderToPdf(composed, mapImage, settings);
      const fileName = snapshotFileName(texts?.shortName ?? 'map', settings.paper, new Date(), format);
      download(blob, fileName);
      const milliseconds = Math.round(performance.now() - started);
      dialog.dataset.lastExportMilliseconds = String(milliseconds);
      status(translate('snapshot.done', { file: fileName }));
    } catch (error) {
      status(
        translate('snapshot.failed', { detail: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      for (const button of buttons) button.disabled = false;
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

  const textField = (key: keyof SnapshotTexts & string, label: string) => {
    const input = element('input', {
      attributes: { type: 'text', 'data-snapshot-field': key, maxlength: 200 },
    });
    input.value = String(texts?.[key] ?? '');
    input.addEventListener('input', () => {
      if (!texts) return;
      texts = { ...texts, [key]: input.value };
      if (key === 'producer') {
        try {
          globalThis.localStorage?.setItem(PRODUCER_KEY, input.value);
        } catch {
          // Not remembering the producer is harmless.
        }
      }
      schedulePreview();
    });
    return element('label', { className: 'snapshot-field' }, [element('span', { text: label }), input]);
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
    startFrom.addEventListener('change', () => {
      const saved = savedViews.find((candidate) => candidate.id === startFrom.value);
      if (saved) void startFromView(saved);
    });
    const keyFigures = element('input', {
      attributes: { type: 'checkbox', 'data-snapshot-field': 'includeKeyFigures' },
    });
    keyFigures.checked = texts?.includeKeyFigures ?? false;
    keyFigures.disabled = state.keyFigures.length === 0;
    keyFigures.addEventListener('change', () => {
      if (texts) texts = { ...texts, includeKeyFigures: keyFigures.checked };
      schedulePreview();
    });
    const close = element('button', {
      text: translate('snapshot.close'),
      attributes: { type: 'button', 'data-action': 'close-snapshot' },
    });
    close.addEventListener('click', () => dialog.close());
    const exportButton = (format: 'png' | 'pdf') => {
      const button = element('button', {
        className: 'primary',
        text: translate(format === 'png' ? 'snapshot.exportPng' : 'snapshot.exportPdf'),
        attributes: { type: 'button', 'data-export': format },
      });
      button.addEventListener('click', () => void exportAs(format));
      return button;
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
          textField('shortName', translate('snapshot.shortName')),
          choice('paper', translate('snapshot.paper'), PAPERS, settings.paper, paperText, (paper) => {
            settings = { ...settings, paper };
            schedulePreview();
          }),
          choice(
            'orientation',
            translate('snapshot.orientation'),
            ORIENTATIONS,
            settings.orientation,
            orientationText,
            (orientation) => {
              settings = { ...settings, orientation };
              schedulePreview();
            },
          ),
          choice(
            'ratio',
            translate('snapshot.pixelRatio'),
            PIXEL_RATIOS,
            settings.pixelRatio as 1 | 2 | 3,
            (ratio) => `${ratio}×`,
            (pixelRatio) => {
              settings = { ...settings, pixelRatio };
              schedulePreview();
            },
          ),
          element('label', { className: 'snapshot-check' }, [
            keyFigures,
            translate('snapshot.includeKeyFigures'),
          ]),
        ]),
        element('figure', { className: 'snapshot-preview' }),
      ]),
      element('p', { className: 'snapshot-status', attributes: { role: 'status' } }),
      element('div', { className: 'snapshot-actions' }, [exportButton('png'), exportButton('pdf'), close]),
    );
  };

  const resetTexts = () => {
    const state = store.get();
    const place = placeName(
      state.datasets,
      { lng: camera.longitude, lat: camera.latitude },
      camera.zoom,
      state.language,
    );
    let producer: string | null = null;
    try {
      producer = globalThis.localStorage?.getItem(PRODUCER_KEY) ?? null;
    } catch {
      producer = null;
    }
    const defaults = defaultTexts(state, place);
    texts = { ...defaults, producer: producer?.trim() ? producer : defaults.producer };
  };

  const startFromView = async (saved: SavedView) => {
    applyUrlView(store, view, decodeUrlState(saved.hash));
    await view.whenIdle();
    readCamera();
    resetTexts();
    // The view's name is the natural short name of its file (e.g. HTI_delmas-floods_A4_…).
    if (texts) texts = { ...texts, shortName: saved.name };
    render();
    const select = dialog.querySelector<HTMLSelectElement>('[data-snapshot-field="startFrom"]');
    if (select) select.value = saved.id;
    schedulePreview();
  };

  dialog.addEventListener('close', () => {
    previewRequest++;
    if (previewTimer !== undefined) clearTimeout(previewTimer);
  });

  return {
    async open(startFrom) {
      savedViews = await options.listSavedViews().catch(() => []);
      readCamera();
      resetTexts();
      render();
      if (!dialog.open) dialog.showModal();
      if (startFrom) await startFromView(startFrom);
      else schedulePreview();
    },
    unmount() {
      dialog.remove();
    },
  };
}
