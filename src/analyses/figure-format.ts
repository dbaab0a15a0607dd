/**
 * The one function that turns a key figure into text. The analysis panel,
 * the snapshot (PNG and PDF) and the key-figures CSV all call it, so a share
 * reads "80,1 %" everywhere and never "1" on one of them.
 *
 * Separators follow the language's `Intl` locale: French and Creole use
 * fr-HT (narrow no-break space between thousands, "80,1 %" with a no-break
 * space before the sign), English en-GB ("12,345", "80.1%").
 */
import { formatDistance, type Language, localeFor } from '../i18n/translate';

/** How a key figure's value reads. */
export const FIGURE_FORMATS = ['count', 'percent', 'metres', 'squareMetres', 'squareKilometres'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

export interface FigureToFormat {
  value: number;
  format: FigureFormat;
  language: Language;
}

/** Shown for a value that is not a finite number (no data, or a division by zero). */
export const NO_VALUE = '—';

const formatters = new Map<string, Intl.NumberFormat>();

/** `Intl.NumberFormat` is costly to build; one per locale and style is kept. */
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(localeFor(language), options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The text of a key figure in a language: counts whole, shares (0…1) as
 * percentages with one decimal, distances in m or km, areas in m² or km².
 */
export function formatFigure({ value, format, language }: FigureToFormat): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  switch (format) {
    case 'count':
      return numberFormat(language, { maximumFractionDigits: 0 }).format(value);
    case 'percent':
      return numberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'metres':
      return formatDistance(language, value);
    case 'squareMetres':
      return `${numberFormat(language, { maximumFractionDigits: 1 }).format(value)} m²`;
    case 'squareKilometres':
      return `${numberFormat(language, { maximumFractionDigits: value < 10 ? 2 : 1 }).format(value)} km²`;
  }
}

/** A key figure as printed: its label, its value's text, and its context. */
export interface FigureText {
  label: string;
  value: string;
  format: FigureFormat;
  context: string | null;
}

/** Key figures as the panel, the snapshot and the CSV print them. */
export function figureTexts(
  figures: readonly { label: string; value: number; format: FigureFormat; context: string | null }[],
  language: Language,
): FigureText[] {
  return figures.map((figure) => ({
    label: figure.label,
    value: formatFigure({ value: figure.value, format: figure.format, language }),
    format: figure.format,
    context: figure.context,
  }));
}
