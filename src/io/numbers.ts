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
