/**
 * The round fields of the import review, for a sites dataset: its "as of"
 * date and its round label. Optional but always in view: left empty, the date
 * is read from the file's assessment-date column (its most common date) when
 * there is one; a file with neither gets no date, never an invented one.
 */
import type { Feature } from 'geojson';
import type { Translate } from '../i18n/translate';
import type { LayerRole } from '../io/field-candidates';
import type { FieldMapping } from '../io/field-mapping';
import { type RoundInfo, roundLabelFromFileName, roundOfImport } from '../rounds/round-info';
import { element } from './dom';

export interface RoundImportFields {
  element: HTMLElement;
  /** Shows the fields for a sites dataset only, and says where the date will come from. */
  update(role: LayerRole, mapping: FieldMapping): void;
  /** The round of the built sites (undefined for other roles, or when no date is known). */
  roundOf(role: LayerRole, features: readonly Feature[], datasetName: string): RoundInfo | undefined;
}

export function roundImportFields(t: Translate, fileName: string): RoundImportFields {
  const dateInput = element('input', {
    attributes: { type: 'date', id: 'import-round-date', 'data-import-round-date': '' },
  });
  const labelInput = element('input', {
    attributes: { type: 'text', id: 'import-round-label', 'data-import-round-label': '', maxlength: 200 },
  });
  labelInput.value = roundLabelFromFileName(fileName);
  const hint = element('p', { className: 'io-hint', attributes: { 'data-import-round-hint': '' } });
  const box = element('fieldset', { className: 'import-round', attributes: { 'data-import-round': '' } }, [
    element('legend', { text: t('rounds.importTitle') }),
    element('div', { className: 'import-role-row' }, [
      element('label', { text: t('rounds.importDate'), attributes: { for: 'import-round-date' } }),
      dateInput,
    ]),
    element('div', { className: 'import-role-row' }, [
      element('label', { text: t('rounds.importLabel'), attributes: { for: 'import-round-label' } }),
      labelInput,
    ]),
    hint,
  ]);
  return {
    element: box,
    update(role, mapping) {
      box.hidden = role !== 'sites';
      const column = mapping.fields.lastAssessment;
      hint.textContent =
        column === undefined ? t('rounds.importDateMissing') : t('rounds.importDateFromFile', { column });
    },
    roundOf(role, features, datasetName) {
      if (role !== 'sites') return undefined;
      return roundOfImport(
        { asOf: dateInput.value, label: labelInput.value },
        features.map((feature) => feature.properties?.lastAssessment),
        datasetName,
      );
    },
  };
}
