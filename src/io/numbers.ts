/**
 * Reading numbers typed by people: "1 234", "1,234", "18,54", " 42 ".
 */

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Parses a number from a cell or property. A comma is a decimal separator
 * ("18,54", French style) unless it groups thousands ("12,500") and
 * `commaMeaning` is 'auto'; coordinates pass 'decimal' because "18,540" there
 * is a latitude, not eighteen thousand. Returns undefined when it is not a number.
 */
export function parseNumber(value: unknown, commaMeaning: 'decimal' | 'auto' = 'auto'): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let text = value.replace(SPACES, '');
  if (text === '') return undefined;
  if (text.includes(',')) {
    if (commaMeaning === 'auto' && /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
      text = text.replace(/,/g, '');
    } else if (!text.includes('.') && text.split(',').length === 2) {
      text = text.replace(',', '.');
    } else {
      return undefined;
    }
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** True for values that hold nothing: the cell was left blank. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** People or households on one site above this are a typing or unit error, not a site. */
export const MAXIMUM_COUNT_PER_SITE = 10_000_000;

/** A count cell read: the number, and whether dots were read as thousands separators. */
export interface CountReading {
  value: number;
  /** True when "1.200" was read as 1200 (the user should check it). */
  dotThousands: boolean;
}

/** Dots grouping digits by three: "1.200", "12.500", "1.234.567". */
const DOT_THOUSANDS = /^\d{1,3}(\.\d{3})+$/;

/**
 * Reads a count of people or households. Counts are whole numbers, so a
 * value written with dots between groups of three digits ("1.200", as French
 * and Haitian spreadsheets group thousands, and as it appears in `;` files
 * with decimal commas) is 1,200, never 1.2: it is read so, and flagged, so
 * the review can warn with the row. Anything else goes through `parseNumber`.
 */
export function parseCount(value: unknown): CountReading | undefined {
  if (typeof value === 'string') {
    const text = value.replace(SPACES, '');
    if (DOT_THOUSANDS.test(text)) return { value: Number(text.replace(/\./g, '')), dotThousands: true };
  }
  const number = parseNumber(value);
  return number === undefined ? undefined : { value: number, dotThousands: false };
}
