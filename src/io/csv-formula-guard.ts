/**
 * The formula guard of our CSV exports, and its removal on re-import, so
 * export → import gives back identical values.
 *
 * The marker: a cell whose text a spreadsheet would run as a formula — it
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a
 * plain number such as "-72.5" — is written with one leading apostrophe
 * (`=2+5` → `'=2+5`), the usual guard against CSV injection (Excel and
 * LibreOffice show the apostrophe-led text as text). So the marker is
 * unambiguous, text that already starts with apostrophes followed by one of
 * those characters (`'=x`) gets one more apostrophe too; reading removes
 * exactly one apostrophe from any cell of that shape. Other text, including
 * text starting with an apostrophe and a letter ("'Ti Kay"), is untouched.
 */

/** The character put in front of a guarded cell. */
export const FORMULA_GUARD = "'";

/** Text a spreadsheet would run as a formula, possibly behind apostrophes already. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** Plain numbers ("-72.5", "+509") are never formulas. */
const PLAIN_NUMBER = /^[-+]?\d+([.,]\d+)?$/;
/** A guarded cell: one guard apostrophe in front of the shape above. */
const GUARDED = /^'+[=+\-@\t\r]/;

/** The text to write for a cell's text: guarded when a spreadsheet would run it. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `${FORMULA_GUARD}${text}` : text;
}

/** The value a guarded cell stood for (one apostrophe removed); other text unchanged. */
export function unguardFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(FORMULA_GUARD.length) : text;
}
