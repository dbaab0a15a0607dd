/**
 * Problems found while reading or validating a user's file. They are values,
 * never exceptions, and carry no prose: the UI builds the sentence from `code`
 * in the user's language, so the same problem reads well in French and English.
 */
import type { FeatureCollection } from 'geojson';
import type { TextEncodingName } from './bytes';

/** Every problem code the io layer can report. */
export const PROBLEM_CODES = [
  // Reading: the file as a whole.
  'empty-file',
  'unsupported-format',
  'not-text',
  'read-failed',
  'invalid-json',
  'not-geojson',
  'invalid-xml',
  'xml-entities-refused',
  'xml-parser-unavailable',
  'not-kml',
  'zip-unreadable',
  'zip-too-large',
  'import-stopped',
  'kmz-without-kml',
  'shapefile-unreadable',
  'shapefile-without-layer',
  'shapefile-several-layers',
  'no-features',
  'spreadsheet-unreadable',
  'spreadsheet-no-data',
  'topology-several-objects',
  'bbox-ignored',
  'not-imported-image-overlay',
  'not-imported-network-link',
  'not-imported-model',
  'network-link-outside-archive',
  'file-outside-haiti',
  // Reading: CSV columns and rows.
  'csv-no-header',
  'csv-no-coordinate-columns',
  'csv-missing-coordinates',
  'csv-bad-coordinate',
  'csv-ragged-row',
  'csv-malformed-row',
  // Validation: structure and geometry.
  'not-a-feature',
  'invalid-structure',
  'null-geometry',
  'no-location',
  'empty-geometry',
  'unsupported-geometry',
  'coordinate-not-number',
  'coordinate-out-of-range',
  'coordinates-swapped',
  'outside-haiti',
  'ring-unclosed',
  'ring-degenerate',
  'self-intersection',
  'wrong-geometry-for-role',
  'multipoint-split',
  // Validation: properties.
  'duplicate-id',
  'number-unparseable',
  'number-negative',
  'number-out-of-range',
  'count-implausible',
  'count-not-integer',
  'count-thousands-separator',
  'count-missing',
  'identity-missing',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type ProblemSeverity = 'error' | 'warning';

/** Automatic repairs the user may accept for some problems. */
export type RepairKind = 'swap-coordinates' | 'close-ring' | 'unkink';

/**
 * One thing wrong with a file, located as precisely as we can: feature index
 * for geographic formats, spreadsheet row (1-based, as the user sees it) and
 * column name for CSV, line and column of the text for broken JSON/XML.
 */
export interface Problem {
  severity: ProblemSeverity;
  code: ProblemCode;
  fileName: string;
  featureIndex?: number;
  row?: number;
  field?: string;
  value?: string;
  repair?: RepairKind;
  line?: number;
  column?: number;
}

/** A source column, kept so field mapping can use the HXL tag under the header. */
export interface SourceColumn {
  name: string;
  hxlTag?: string;
}

/** A feature collection that may carry the sensitivity label of its layer. */
export type ImportedCollection = FeatureCollection & { sensitivity?: string };

/** What every reader returns: a collection plus warnings, or only problems. */
export type ReadResult =
  | {
      ok: true;
      collection: ImportedCollection;
      problems: Problem[];
      /** CSV only: the columns, with their HXL tag when the file has a tag row. */
      columns?: SourceColumn[];
      /** CSV only: the spreadsheet row (1-based) each feature came from. */
      sourceRows?: number[];
      /** Text files: the encoding the bytes were decoded from. */
      encoding?: TextEncodingName;
      /** Workbooks: every sheet, and the one read. */
      sheets?: string[];
      sheet?: string;
    }
  | { ok: false; problems: Problem[] };

/** Builds a problem; `details` adds the location fields that apply. */
export function makeProblem(
  severity: ProblemSeverity,
  code: ProblemCode,
  fileName: string,
  details: Omit<Problem, 'severity' | 'code' | 'fileName'> = {},
): Problem {
  return { severity, code, fileName, ...details };
}

/** A failed read with a single error. */
export function failure(
  code: ProblemCode,
  fileName: string,
  details: Omit<Problem, 'severity' | 'code' | 'fileName'> = {},
): ReadResult {
  return { ok: false, problems: [makeProblem('error', code, fileName, details)] };
}

/**
 * Shortens a user value for a problem record: a cell can hold a whole
 * paragraph, and the UI only needs enough to recognise it.
 */
export function excerpt(value: unknown, maximumLength = 80): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > maximumLength ? `${text.slice(0, maximumLength - 1)}…` : text;
}
