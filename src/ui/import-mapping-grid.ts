/**
 * The field-mapping grid of the import review: one select per model field.
 * A select lists "no column", the mapped column, then the first columns of
 * the file, never more than MAPPING_COLUMNS_SHOWN: a 3,000-column file would
 * otherwise put 3,000 options under each of a dozen selects (a 7 s task).
 * The rest are on demand: "Other column…" turns the select into a text field
 * with suggestions from every column name.
 */

import type { MessageKey } from '../i18n/fr';
import { isMessageKey, type Translate } from '../i18n/translate';
import { FIELD_CANDIDATES, type LayerRole } from '../io/field-candidates';
import type { FieldMapping } from '../io/field-mapping';
import type { SourceColumn } from '../io/problem';
import { element } from './dom';

/** Columns listed in each select before "Other column…". */
export const MAPPING_COLUMNS_SHOWN = 30;

const OTHER_COLUMN = '\u0000other';
const DATALIST_ID = 'import-columns-list';

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
  let datalist: HTMLDataListElement | undefined;
  const columnList = () => {
    datalist ??= element(
      'datalist',
      { attributes: { id: DATALIST_ID } },
      columns.map((column) => element('option', { attributes: { value: column.name } })),
    );
    return datalist;
  };
  const children = Object.keys(FIELD_CANDIDATES[role]).flatMap((field) => {
    const id = `import-field-${field}`;
    const mapped = mapping.fields[field];
    const shown = columnsShown(columns, mapped);
    const hiddenCount = columns.length - shown.length;
    const select = element('select', { attributes: { id, 'data-import-field': field } }, [
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
    ]);
    select.value = mapped ?? '';
    const unmapped = required.has(field) && select.value === '' && mapping.constants[field] === undefined;
    select.classList.toggle('unmapped', unmapped);
    select.addEventListener('change', () => {
      if (select.value !== OTHER_COLUMN) {
        onChange(field, select.value === '' ? undefined : select.value);
        return;
      }
      // On demand: a text field with every column as a suggestion.
      const input = element('input', {
        attributes: {
          id,
          type: 'text',
          list: DATALIST_ID,
          'data-import-field': field,
          'aria-label': `${fieldLabel(field, t)} — ${t('import.otherColumn')}`,
        },
      });
      const list = columnList();
      if (!list.isConnected) select.after(list);
      select.replaceWith(input);
      input.focus();
      input.addEventListener('change', () => {
        const name = input.value;
        if (columns.some((column) => column.name === name)) onChange(field, name);
      });
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
    return [label, select];
  });
  return children;
}
