/**
 * The field-mapping grid of the import review: one select per model field.
 * A select lists "no column", the mapped column, then the first columns of
 * the file, never more than MAPPING_COLUMNS_SHOWN: a 3,000-column file would
 * otherwise put 3,000 options under each of a dozen selects (a 7 s task).
 * The rest are on demand: "Other column…" adds a filter field beside the
 * select, and typing lists the (at most 30) columns whose name holds the text.
 * Below it, the chooser of values for rows lacking a display class.
 */

import type { MessageKey } from '../i18n/fr';
import { isMessageKey, type Translate } from '../i18n/translate';
import { FIELD_CANDIDATES, type LayerRole } from '../io/field-candidates';
import type { FieldMapping } from '../io/field-mapping';
import {
  classValues,
  type DefaultedField,
  NUMBERED,
  type UnresolvedField,
} from '../io/import-display-defaults';
import type { SourceColumn } from '../io/problem';
import { element } from './dom';

/** Columns listed in each select before "Other column…". */
export const MAPPING_COLUMNS_SHOWN = 30;

const OTHER_COLUMN = '\u0000other';

export interface MappingGridOptions {
  role: LayerRole;
  columns: readonly SourceColumn[];
  mapping: FieldMapping;
  required: ReadonlySet<string>;
  t: Translate;
  /** A field's column changed (undefined: no column). */
  onChange(field: string, column: string | undefined): void;
}

export function fieldLabel(field: string, t: Translate): string {
  const key = `importField.${field}`;
  return isMessageKey(key) ? t(key as MessageKey) : field;
}

/** The columns a field's select lists: its mapped column first, then the file's first ones. */
export function columnsShown(
  columns: readonly SourceColumn[],
  mapped: string | undefined,
  limit = MAPPING_COLUMNS_SHOWN,
): SourceColumn[] {
  const shown = columns.slice(0, limit);
  const mappedColumn = mapped === undefined ? undefined : columns.find((column) => column.name === mapped);
  if (mappedColumn && !shown.includes(mappedColumn)) return [mappedColumn, ...shown.slice(0, limit - 1)];
  return shown;
}

/** Label and control for every field of the role, in model order. */
export function mappingGridChildren(options: MappingGridOptions): HTMLElement[] {
  const { role, columns, mapping, required, t, onChange } = options;
  const optionsFor = (shown: readonly SourceColumn[], hiddenCount: number): HTMLOptionElement[] =>
    [
      element('option', { text: t('import.noColumn'), attributes: { value: '' } }),
      ...shown.map((column) =>
        element('option', {
          text: column.hxlTag ? `${column.name}  (${column.hxlTag})` : column.name,
          attributes: { value: column.name },
        }),
      ),
      hiddenCount > 0
        ? element('option', {
            text: t('import.moreColumns', { count: hiddenCount }),
            attributes: { value: OTHER_COLUMN, 'data-other-column': '' },
          })
        : null,
    ].filter((option): option is HTMLOptionElement => option !== null);
  const children = Object.keys(FIELD_CANDIDATES[role]).flatMap((field) => {
    const id = `import-field-${field}`;
    const mapped = mapping.fields[field];
    const shown = columnsShown(columns, mapped);
    const select = element(
      'select',
      { attributes: { id, 'data-import-field': field } },
      optionsFor(shown, columns.length - shown.length),
    );
    select.value = mapped ?? '';
    const unmapped = required.has(field) && select.value === '' && mapping.constants[field] === undefined;
    select.classList.toggle('unmapped', unmapped);
    const cell = element('div', { className: 'import-mapping-cell' }, [select]);
    select.addEventListener('change', () => {
      if (select.value !== OTHER_COLUMN) {
        onChange(field, select.value === '' ? undefined : select.value);
        return;
      }
      // On demand: a filter; the select then lists the columns whose name holds the text.
      const filter = element('input', {
        attributes: {
          type: 'search',
          'data-column-filter': field,
          placeholder: t('import.otherColumn'),
          'aria-label': `${fieldLabel(field, t)} — ${t('import.otherColumn')}`,
        },
      });
      const refill = () => {
        const text = filter.value.trim().toLowerCase();
        const matches = columns.filter((column) => column.name.toLowerCase().includes(text));
        const listed = matches.slice(0, MAPPING_COLUMNS_SHOWN);
        select.replaceChildren(...optionsFor(listed, 0));
        select.value = '';
      };
      filter.addEventListener('input', refill);
      cell.prepend(filter);
      refill();
      filter.focus();
    });
    const label = element('label', { attributes: { for: id } }, [
      fieldLabel(field, t),
      required.has(field)
        ? element('abbr', {
            className: 'required-mark',
            text: ' *',
            attributes: { title: t('import.required') },
          })
        : null,
    ]);
    return [label, cell];
  });
  return children;
}

export interface DefaultsChooserOptions {
  role: LayerRole;
  /** Class fields some rows lack, still without a value. */
  unresolved: readonly UnresolvedField[];
  /** Class fields filled with a value the user chose. */
  defaulted: readonly DefaultedField[];
  t: Translate;
  /** The user chose a value for a field's rows (undefined: none). */
  onChange(field: string, value: string | number | undefined): void;
}

/** A class value as the user reads it: the translated label, "(suggested)" for the offered one. */
export function classValueLabel(field: string, value: string | number, t: Translate): string {
  if (value === NUMBERED) return t('import.numbered');
  const key = field === 'level' ? `adminLevel.${value}` : `${field}.${value}`;
  return isMessageKey(key) ? t(key as MessageKey) : String(value);
}

/**
 * One chooser per class field that rows lack: "12 rows without “Site type”:
 * [choose a value]". Nothing is preselected, the suggested value is only
 * marked, so a default is always the user's choice; the import stays
 * blocked while any chooser is empty.
 */
export function defaultsChooserChildren(options: DefaultsChooserOptions): HTMLElement[] {
  const { role, t, onChange } = options;
  const entries = [
    ...options.unresolved.map((entry) => ({ ...entry, value: undefined })),
    ...options.defaulted.map((entry) => ({ field: entry.field, count: entry.count, value: entry.value })),
  ];
  return entries.map((entry) => {
    const id = `import-default-${entry.field}`;
    const suggested = FIELD_CANDIDATES[role][entry.field]?.suggested;
    const select = element('select', { attributes: { id, 'data-import-default': entry.field } }, [
      element('option', { text: t('import.chooseValue'), attributes: { value: '' } }),
      ...classValues(role, entry.field).map((value) =>
        element('option', {
          text:
            value === suggested
              ? t('import.suggested', { value: classValueLabel(entry.field, value, t) })
              : classValueLabel(entry.field, value, t),
          attributes: { value: String(value) },
        }),
      ),
    ]);
    select.value = entry.value === undefined ? '' : String(entry.value);
    select.classList.toggle('unmapped', entry.value === undefined);
    select.addEventListener('change', () => {
      const chosen = classValues(role, entry.field).find((value) => String(value) === select.value);
      onChange(entry.field, chosen);
    });
    return element('div', { className: 'import-default-row' }, [
      element('label', {
        text: t('import.unresolvedItem', { count: entry.count, field: fieldLabel(entry.field, t) }),
        attributes: { for: id },
      }),
      select,
    ]);
  });
}
