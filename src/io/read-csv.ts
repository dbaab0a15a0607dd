/**
 * CSV reader for site lists: decodes the text (UTF-8 with or without a mark,
 * UTF-16 with a mark, else Windows-1252, and says which), finds the delimiter
 * and hands the rows to `rowsToCollection` (header, HXL row, coordinates).
 */
import Papa from 'papaparse';
import { decodeText } from './bytes';
import { failure, makeProblem, type Problem, type ReadResult } from './problem';
import { rowsToCollection } from './read-table';

/** Reads a delimited text file (`,`, `;` or tab). Never throws. */
export async function readCsv(bytes: Uint8Array | string, fileName: string): Promise<ReadResult> {
  try {
    return parseCsvText(bytes, fileName);
  } catch {
    return failure('read-failed', fileName);
  }
}

function parseCsvText(bytes: Uint8Array | string, fileName: string): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return failure('not-text', fileName);
  if (decoded.text.trim() === '') return failure('empty-file', fileName);
  const parsed = Papa.parse<string[]>(decoded.text, {
    header: false,
    skipEmptyLines: false,
    delimiter: guessDelimiter(decoded.text),
  });
  const rows = parsed.data;
  const problems: Problem[] = parsed.errors
    .filter((error) => error.type === 'Quotes')
    .map((error) => makeProblem('warning', 'csv-malformed-row', fileName, { row: (error.row ?? 0) + 1 }));

  const result = rowsToCollection(rows, fileName, problems);
  return result.ok ? { ...result, encoding: decoded.encoding } : result;
}

/**
 * The delimiter of the header line, quotes ignored. Papaparse's own guess
 * looks at field-count consistency and picks `,` for French files where
 * "18,54" puts commas in every data row; headers almost never hold decimal
 * numbers, so the header decides. The header is the first of the leading
 * lines that splits at least half as often as the most-split one, so a
 * title row above it ("DTM Haïti, round 5") does not decide.
 */
export function guessDelimiter(text: string): ',' | ';' | '\t' {
  const candidates = [',', ';', '\t'] as const;
  const lines = text.split(/\r?\n/, 10).map((line) => {
    const unquoted = line.replace(/"[^"]*"/g, '');
    const count = (delimiter: string) => unquoted.split(delimiter).length - 1;
    const best = candidates.reduce(
      (chosen, candidate) => (count(candidate) > count(chosen) ? candidate : chosen),
      ',',
    );
    return { best, count: count(best) };
  });
  const most = Math.max(0, ...lines.map((line) => line.count));
  return lines.find((line) => line.count > 0 && line.count * 2 >= most)?.best ?? ',';
}
