/**
 * The text of each site-table cell, formatted for the language (numbers,
 * distances, translated vocabularies). Pure: the UI puts the result in
 * `textContent`. Flag-derived cells read "—" until the flags arrive; an
 * analysis's columns are written by its descriptor, a round column by its
 * definition ("—" for a site the comparison does not know).
 */
import { numberText, siteTypeLabel, UNKNOWN } from '../analyses/labels';
import type { Language, Translate } from '../i18n/translate';
import {
  priorityScoreOf,
  raisedFlags,
  SITE_TABLE_COLUMNS,
  type SiteTableColumnId,
  type SiteTableData,
} from './site-table-columns';

export { siteTypeLabel, UNKNOWN } from '../analyses/labels';

/** The cell text of site `index` in `column`. */
export function cellText(
  column: SiteTableColumnId,
  index: number,
  data: SiteTableData,
  language: Language,
  t: Translate,
): string {
  const { source, flags } = data;
  const definition = SITE_TABLE_COLUMNS.find((candidate) => candidate.id === column);
  if (definition?.analysis) return flags ? definition.analysis.cell(flags, index, language, t) : UNKNOWN;
  if (definition?.rounds) {
    const change = data.rounds?.byId.get(source.ids[index] ?? '');
    return change ? definition.rounds.cell(change, language, t) : UNKNOWN;
  }
  switch (column) {
    case 'name':
      return source.names[index] || UNKNOWN;
    case 'id':
      return source.ids[index] || UNKNOWN;
    case 'siteType':
      return siteTypeLabel(t, source.siteTypes[index] ?? '') || UNKNOWN;
    case 'commune':
      return source.communeNames[index] || UNKNOWN;
    case 'individuals':
      return numberText(language, source.individuals[index]);
    case 'households':
      return numberText(language, source.households[index]);
    case 'priority':
      return flags ? numberText(language, priorityScoreOf(data, index)) : UNKNOWN;
    case 'flags':
      if (!flags) return UNKNOWN;
      return (
        raisedFlags(flags, index)
          .map((flag) => t(flag.label))
          .join(', ') || t('siteTable.noFlag')
      );
    default:
      return UNKNOWN;
  }
}
