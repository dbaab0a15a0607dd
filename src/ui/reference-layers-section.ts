/**
 * The "reference layers" section of the side column: add a `.pmtiles` file
 * (or an address), then one row per layer — its colour (the key the map and
 * map products use), a "shown" switch named after it, its size, zooms and
 * source, and a remove button. Rows are rebuilt from the controller's state;
 * names and sources are set as text, never as HTML.
 */
import type { ReferenceLayer, ReferenceLayers, ReferenceLayersState } from '../app/reference-layers';
import { formatBytes, type Language, translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';

function layerRow(layer: ReferenceLayer, language: Language, references: ReferenceLayers): HTMLElement {
  const t = translator(language);
  const { summary } = layer;
  const shown = element('input', { attributes: { type: 'checkbox', 'data-reference-shown': layer.key } });
  shown.checked = layer.shown;
  shown.addEventListener('change', () => references.setShown(layer.key, shown.checked));
  const swatch = element('span', { className: 'reference-swatch', attributes: { 'aria-hidden': 'true' } });
  swatch.style.setProperty('--reference-colour', layer.colour);
  const remove = element('button', {
    className: 'reference-remove',
    text: t('reference.remove'),
    attributes: { type: 'button', 'aria-label': t('reference.removeNamed', { name: layer.name }) },
  });
  remove.addEventListener('click', () => void references.remove(layer.key));
  const size =
    summary.sizeBytes === null ? t('reference.onlineSize') : formatBytes(language, summary.sizeBytes);
  return element('li', { className: 'reference-row', attributes: { 'data-reference-key': layer.key } }, [
    element('label', { className: 'reference-name' }, [shown, swatch, element('span', { text: layer.name })]),
    element('p', {
      className: 'reference-details',
      text: t('reference.details', { size, min: summary.minZoom, max: summary.maxZoom }),
    }),
    element('p', {
      className: 'reference-details',
      text: summary.attribution
        ? t('reference.source', { attribution: summary.attribution })
        : t('reference.sourceNone'),
    }),
    remove,
  ]);
}

export function mountReferenceLayersSection(
  container: HTMLElement,
  store: Store<AppState>,
  references: ReferenceLayers,
): () => void {
  let update: (state: ReferenceLayersState) => void = () => undefined;

  const build = () => {
    let shownSignature: string | null = null;
    const language = store.get().language;
    const t = translator(language);
    // The native file input shows the browser's language, so a button in the interface's opens it.
    const input = element('input', {
      className: 'visually-hidden',
      attributes: {
        type: 'file',
        id: 'reference-file',
        tabindex: -1,
        'aria-label': t('reference.pick'),
        accept: '.pmtiles,application/vnd.pmtiles',
      },
    });
    const pick = element('button', {
      className: 'basemap-pick',
      text: t('reference.pick'),
      attributes: { type: 'button' },
    });
    pick.addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) void references.pick(file);
    });
    const status = element('p', { className: 'basemap-status', attributes: { role: 'status' } });
    const notice = element('p', { className: 'basemap-notice' });
    const list = element('ul', {
      className: 'reference-list',
      attributes: { 'aria-label': t('reference.legendHeading') },
    });
    const address = element('input', {
      className: 'basemap-address',
      attributes: { type: 'url', id: 'reference-address', placeholder: 'https://…', autocomplete: 'off' },
    });
    const useAddress = element('button', { text: t('reference.onlineUse'), attributes: { type: 'submit' } });
    // No browser validation: the app's own message says what a usable address is, in the interface language.
    const form = element('form', { className: 'basemap-online-form', attributes: { novalidate: true } }, [
      element('label', { text: t('reference.onlineAddress'), attributes: { for: address.id } }),
      address,
      useAddress,
      element('p', { className: 'legend-note', text: t('panel.basemapOnlineWarning') }),
      element('p', { className: 'legend-note', text: t('basemap.onlineNote') }),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void references.addOnline(address.value);
    });
    container.replaceChildren(
      element('h2', { text: t('reference.title'), attributes: { id: 'reference-panel-title' } }),
      element('p', { className: 'legend-note', text: t('reference.intro') }),
      pick,
      input,
      status,
      notice,
      list,
      element('details', { className: 'basemap-online' }, [
        element('summary', { text: t('reference.online') }),
        form,
      ]),
    );

    update = (state) => {
      const busy = state.busy !== null;
      container.dataset.referenceStatus = busy ? 'busy' : state.layers.length > 0 ? 'ready' : 'none';
      input.disabled = busy;
      pick.disabled = busy;
      useAddress.disabled = busy;
      status.textContent =
        state.busy === 'reading'
          ? t('reference.reading')
          : state.busy === 'copying'
            ? t('reference.copying')
            : state.layers.length > 0
              ? t('reference.count', { count: state.layers.length })
              : t('reference.none');
      notice.hidden = state.notice === null;
      if (state.notice) {
        const sizes = Object.fromEntries(
          Object.entries(state.notice.sizes ?? {}).map(([name, bytes]) => [
            name,
            formatBytes(language, bytes),
          ]),
        );
        notice.textContent = t(state.notice.key, sizes);
        notice.dataset.tone = state.notice.tone;
        notice.setAttribute('role', 'alert');
      }
      list.hidden = state.layers.length === 0;
      // Rows are rebuilt only when the layers change, so a switch keeps its focus when toggled.
      const signature = state.layers.map((layer) => `${layer.key}\u0000${layer.colour}`).join('\u0001');
      if (signature !== shownSignature) {
        shownSignature = signature;
        list.replaceChildren(...state.layers.map((layer) => layerRow(layer, language, references)));
      }
      for (const layer of state.layers) {
        const box = [...list.querySelectorAll<HTMLInputElement>('input[data-reference-shown]')].find(
          (candidate) => candidate.dataset.referenceShown === layer.key,
        );
        if (box) box.checked = layer.shown;
      }
    };
    update(references.state.get());
  };

  build();
  const unsubscribers = [
    store.subscribe((state) => state.language, build),
    references.state.subscribe(
      (state) => state,
      (state) => update(state),
    ),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    container.replaceChildren();
  };
}
