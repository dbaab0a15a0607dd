/**
 * The export dialog: any layer as the map shows it, as GeoJSON, CSV with an
 * HXL tag row, or KML, under an OCHA-style file name. The gang-control layer
 * carries its sensitivity label (the writers add it) and the dialog warns.
 * Downloads go through a Blob URL and an <a download> click: nothing leaves
 * the machine.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerId } from '../domain/types';
import { type Language, message, type Translate, translator } from '../i18n/translate';
import { exportFileName } from '../io/export-file-name';
import { isSensitiveCollection } from '../io/sensitivity';
import { CSV_DIALECTS, type CsvDialect, STANDARD_CSV, writeCsv } from '../io/write-csv';
import { writeGeoJson } from '../io/write-geojson';
import { writeKml } from '../io/write-kml';
import type { AppState } from '../state/app-state';
import { storeCsvStyle, storedCsvStyle } from '../state/preferences';
import type { Store } from '../state/store';
import { element } from './dom';

export const EXPORT_FORMATS = ['geojson', 'csv', 'kml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const LAYERS: readonly LayerId[] = ['sites', 'services', 'control', 'hazards', 'admin'];

/** Short names for OCHA-style file names (English, like the P-codes and HXL). */
const SHORT_NAMES: Record<LayerId, string> = {
  sites: 'sites',
  hazards: 'hazard-zones',
  control: 'control-areas-sensitive',
  services: 'service-points',
  admin: 'admin-areas',
};

const MEDIA_TYPES: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv;charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml',
};

/**
 * The text and file name of one export, the sensitivity label in `language`.
 * Pure apart from the date.
 */
export function exportContent(
  collection: FeatureCollection,
  layerId: LayerId,
  format: ExportFormat,
  date: Date,
  language: Language,
  csvDialect: CsvDialect = STANDARD_CSV,
): { fileName: string; text: string; mediaType: string } {
  const sensitivityLabel = message(language, 'export.sensitivityLabel');
  const text =
    format === 'geojson'
      ? writeGeoJson(collection, layerId, sensitivityLabel)
      : format === 'csv'
        ? writeCsv(collection, layerId, sensitivityLabel, csvDialect)
        : writeKml(collection, { role: layerId, documentName: SHORT_NAMES[layerId], sensitivityLabel });
  return {
    fileName: exportFileName(SHORT_NAMES[layerId], format, date),
    text,
    mediaType: MEDIA_TYPES[format],
  };
}

/** Saves text as a file through a Blob URL. */
export function downloadText(fileName: string, text: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const link = element('a', { attributes: { href: url, download: fileName } });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the URL after this task ends.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** KML has no place for a feature without coordinates: how many the file leaves out, or nothing. */
function kmlSkippedNote(collection: FeatureCollection, t: Translate): HTMLElement | null {
  const skipped = collection.features.filter((feature) => !feature.geometry).length;
  return skipped === 0
    ? null
    : element('p', {
        className: 'io-hint export-kml-skipped',
        text: t('export.kmlSkipped', { count: skipped }),
      });
}

/** The "for French spreadsheets" checkbox; the choice is kept for every later export. */
function csvStyleChoice(t: Translate, language: Language): HTMLElement {
  const box = element('input', {
    attributes: { type: 'checkbox', id: 'export-csv-spreadsheet', 'data-csv-style': '' },
  });
  box.checked = storedCsvStyle(globalThis.localStorage, language) === 'spreadsheet';
  box.addEventListener('change', () => {
    storeCsvStyle(globalThis.localStorage, box.checked ? 'spreadsheet' : 'standard');
  });
  return element('div', { className: 'io-check' }, [
    box,
    element('label', { text: t('export.csvSpreadsheet'), attributes: { for: box.id } }),
  ]);
}

export function mountExportDialog(dialog: HTMLDialogElement, store: Store<AppState>): { open(): void } {
  dialog.setAttribute('aria-labelledby', 'export-dialog-title');
  let layerId: LayerId = 'sites';
  let format: ExportFormat = 'csv';

  const render = () => {
    const state = store.get();
    const t = translator(state.language);
    const collection = state.datasets?.[layerId];
    const preview = collection ? exportFileName(SHORT_NAMES[layerId], format, new Date()) : '';
    const layerSelect = element(
      'select',
      { attributes: { id: 'export-layer', 'data-export-layer': '' } },
      LAYERS.map((id) => element('option', { text: t(`layer.${id}`), attributes: { value: id } })),
    );
    layerSelect.value = layerId;
    layerSelect.addEventListener('change', () => {
      layerId = layerSelect.value as LayerId;
      render();
      dialog.querySelector<HTMLElement>('#export-layer')?.focus();
    });
    const labels: Record<ExportFormat, string> = {
      geojson: t('export.formatGeojson'),
      csv: t('export.formatCsv'),
      kml: t('export.formatKml'),
    };
    const formats = element('fieldset', { className: 'io-fieldset export-formats' }, [
      element('legend', { text: t('export.format') }),
      ...EXPORT_FORMATS.map((candidate) => {
        const input = element('input', {
          attributes: {
            type: 'radio',
            name: 'export-format',
            id: `export-format-${candidate}`,
            value: candidate,
          },
        });
        input.checked = candidate === format;
        input.addEventListener('change', () => {
          if (!input.checked) return;
          format = candidate;
          render();
          dialog.querySelector<HTMLElement>(`#export-format-${candidate}`)?.focus();
        });
        return element('div', { className: 'io-check' }, [
          input,
          element('label', { text: labels[candidate], attributes: { for: input.id } }),
        ]);
      }),
    ]);
    const csvStyle = format === 'csv' ? csvStyleChoice(t, state.language) : null;
    const download = element('button', {
      className: 'io-button primary',
      text: t('export.download'),
      attributes: { type: 'button', 'data-action': 'download-export', disabled: !collection },
    });
    download.addEventListener('click', () => {
      const current = store.get().datasets?.[layerId];
      if (!current) return;
      const language = store.get().language;
      const dialect = CSV_DIALECTS[storedCsvStyle(globalThis.localStorage, language)];
      const content = exportContent(current, layerId, format, new Date(), language, dialect);
      downloadText(content.fileName, content.text, content.mediaType);
    });
    const close = element('button', {
      className: 'io-button',
      text: t('export.close'),
      attributes: { type: 'button', 'data-action': 'close-export' },
    });
    close.addEventListener('click', () => dialog.close());
    dialog.replaceChildren(
      element('header', { className: 'io-dialog-header' }, [
        element('h2', { text: t('export.title'), attributes: { id: 'export-dialog-title' } }),
      ]),
      element('div', { className: 'io-dialog-body' }, [
        element('div', { className: 'import-role-row' }, [
          element('label', { text: t('export.layer'), attributes: { for: 'export-layer' } }),
          layerSelect,
        ]),
        formats,
        csvStyle,
        collection
          ? element('p', {
              className: 'io-hint export-file-name',
              text: t('export.fileName', { name: preview, count: collection.features.length }),
            })
          : null,
        collection && format === 'kml' ? kmlSkippedNote(collection, t) : null,
        (collection ? isSensitiveCollection(collection, layerId) : layerId === 'control')
          ? element('p', { className: 'sensitive-badge export-sensitive', text: t('export.sensitive') })
          : null,
      ]),
      element('div', { className: 'io-dialog-actions' }, [
        close,
        element('span', { className: 'io-spacer' }),
        download,
      ]),
    );
  };

  return {
    open() {
      if (!dialog.open) dialog.showModal();
      render();
      dialog.querySelector<HTMLElement>('#export-layer')?.focus();
    },
  };
}
