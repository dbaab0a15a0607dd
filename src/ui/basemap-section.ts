/**
 * The "street basemap" section of the side column: pick a `.pmtiles` file,
 * see what is stored (size, extent, zooms, attribution), switch between the
 * light and print styles, remove it. The controls are built once per language;
 * state changes only update texts and visibility, so focus stays where it is.
 */
import type { OfflineBasemap, OfflineBasemapState } from '../app/offline-basemap';
import { formatBytes, formatNumber, translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';

function row(label: string, field: string): [HTMLElement, HTMLElement] {
  return [element('dt', { text: label }), element('dd', { attributes: { 'data-basemap-field': field } })];
}

export function mountBasemapSection(
  container: HTMLElement,
  store: Store<AppState>,
  basemap: OfflineBasemap,
): () => void {
  let update: (state: OfflineBasemapState) => void = () => undefined;

  const build = () => {
    const language = store.get().language;
    const t = translator(language);
    // The native file input shows the browser's own language ("Choose File"), so it stays hidden
    // and a button in the interface language opens it (as the import toolbar does).
    const input = element('input', {
      className: 'visually-hidden',
      attributes: {
        type: 'file',
        id: 'basemap-file',
        tabindex: -1,
        'aria-label': t('basemap.pick'),
        accept: '.pmtiles,application/vnd.pmtiles',
      },
    });
    const pick = element('button', {
      className: 'basemap-pick',
      text: t('basemap.pick'),
      attributes: { type: 'button' },
    });
    pick.addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) void basemap.pick(file);
    });
    const flavour = element('select', { attributes: { id: 'basemap-flavour' } }, [
      element('option', { text: t('basemap.flavour.light'), attributes: { value: 'light' } }),
      element('option', { text: t('basemap.flavour.print'), attributes: { value: 'print' } }),
    ]);
    flavour.addEventListener('change', () =>
      basemap.setFlavour(flavour.value === 'print' ? 'print' : 'light'),
    );
    const remove = element('button', {
      className: 'basemap-remove',
      text: t('basemap.remove'),
      attributes: { type: 'button' },
    });
    remove.addEventListener('click', () => void basemap.remove());
    const status = element('p', { className: 'basemap-status', attributes: { role: 'status' } });
    const notice = element('p', { className: 'basemap-notice' });
    const details = element('div', { className: 'basemap-details' }, [
      element('dl', { className: 'basemap-summary' }, [
        ...row(t('basemap.size'), 'size'),
        ...row(t('basemap.bounds'), 'bounds'),
        ...row(t('basemap.zooms'), 'zooms'),
        ...row(t('basemap.attribution'), 'attribution'),
      ]),
      element('div', { className: 'basemap-flavour' }, [
        element('label', { text: t('basemap.flavour'), attributes: { for: flavour.id } }),
        flavour,
      ]),
      remove,
    ]);
    const address = element('input', {
      className: 'basemap-address',
      attributes: { type: 'url', id: 'basemap-address', placeholder: 'https://…', autocomplete: 'off' },
    });
    const useAddress = element('button', { text: t('basemap.onlineUse'), attributes: { type: 'submit' } });
    // No browser validation: the app's own message says what a usable address is, in the interface language.
    const onlineForm = element(
      'form',
      { className: 'basemap-online-form', attributes: { novalidate: true } },
      [
        element('label', { text: t('basemap.onlineAddress'), attributes: { for: address.id } }),
        address,
        useAddress,
        element('p', { className: 'legend-note', text: t('panel.basemapOnlineWarning') }),
        element('p', { className: 'legend-note', text: t('basemap.onlineNote') }),
      ],
    );
    onlineForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void basemap.useOnline(address.value);
    });
    const online = element('details', { className: 'basemap-online' }, [
      element('summary', { text: t('basemap.online') }),
      onlineForm,
    ]);
    const field = (name: string) => details.querySelector<HTMLElement>(`[data-basemap-field="${name}"]`);
    container.replaceChildren(
      element('h2', { text: t('basemap.title'), attributes: { id: 'basemap-panel-title' } }),
      element('p', { className: 'legend-note', text: t('basemap.intro') }),
      pick,
      input,
      status,
      notice,
      details,
      online,
    );

    update = (state) => {
      const loaded = state.basemap;
      container.dataset.basemapStatus = state.busy ? 'busy' : loaded ? 'ready' : 'none';
      input.disabled = state.busy !== null;
      pick.disabled = state.busy !== null;
      useAddress.disabled = state.busy !== null;
      status.textContent =
        state.busy === 'reading'
          ? t('basemap.reading')
          : state.busy === 'copying'
            ? t('basemap.copying')
            : loaded
              ? t('basemap.loaded', { name: loaded.summary.fileName })
              : t('basemap.none');
      notice.hidden = state.notice === null;
      if (state.notice) {
        const sizes = Object.fromEntries(
          Object.entries(state.notice.sizes ?? {}).map(([name, bytes]) => [
            name,
            formatBytes(language, bytes),
          ]),
        );
        notice.textContent = t(state.notice.key, { ...state.notice.parameters, ...sizes });
        notice.dataset.tone = state.notice.tone;
        notice.setAttribute('role', state.notice.tone === 'info' ? 'status' : 'alert');
      }
      details.hidden = loaded === null;
      flavour.value = state.flavour;
      if (!loaded) return;
      const { summary } = loaded;
      const degrees = (value: number) => `${formatNumber(language, value, 3)}°`;
      const set = (name: string, text: string) => {
        const node = field(name);
        if (node) node.textContent = text;
      };
      set(
        'size',
        summary.sizeBytes === null ? t('basemap.onlineSize') : formatBytes(language, summary.sizeBytes),
      );
      set(
        'bounds',
        t('basemap.boundsValue', {
          west: degrees(summary.bounds.west),
          east: degrees(summary.bounds.east),
          south: degrees(summary.bounds.south),
          north: degrees(summary.bounds.north),
        }),
      );
      set('zooms', t('basemap.zoomsValue', { min: summary.minZoom, max: summary.maxZoom }));
      set('attribution', summary.attribution ?? t('basemap.attributionFallback'));
    };
    update(basemap.state.get());
  };

  build();
  const unsubscribers = [
    store.subscribe((state) => state.language, build),
    basemap.state.subscribe(
      (state) => state,
      (state) => update(state),
    ),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    container.replaceChildren();
  };
}
