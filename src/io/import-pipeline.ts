/**
 * The import of one file as a session: read once, then reviewed as often as
 * the user changes the role, the field mapping or the accepted repairs, then
 * built into the model's collection. The raw collection stays inside the
 * session (in the import worker for large files), so only summaries and the
 * final collection cross between threads. Pure: no DOM, no Comlink.
 */
import type { FeatureCollection } from 'geojson';
import type { TextEncodingName } from './bytes';
import { detectFormat, type FileFormat } from './detect-format';
import { type LayerRole, requiredFieldsOf } from './field-candidates';
import { applyFieldMapping, type FieldMapping, propertyNames } from './field-mapping';
import { placementOfFile } from './haiti-extent';
import {
  type AcceptedDefaults,
  applyDisplayDefaults,
  type DefaultedField,
  type UnresolvedField,
} from './import-display-defaults';
import { guessLayerRole } from './layer-role';
import {
  type ImportedCollection,
  makeProblem,
  type Problem,
  type ReadResult,
  type RepairKind,
  type SourceColumn,
} from './problem';
import { applyRepairs } from './repair';
import { type PreparedCollection, prepareForRole } from './repair-lenient';
import { carriesSensitivityLabel, SENSITIVE_VALUE } from './sensitivity';
import { type ValidationResult, validateCollection } from './validate';

/** At most this many problems are sent to the report; counts cover all of them. */
export const REPORT_LIMIT = 500;

/** What the dialog learns from reading a file. */
export type ReadSummary =
  | {
      ok: true;
      sessionId: number;
      fileName: string;
      format: FileFormat | undefined;
      featureCount: number;
      columns: SourceColumn[];
      guessedRole: LayerRole;
      /** Reader warnings (rows it had to skip…), at most REPORT_LIMIT. */
      problems: Problem[];
      /** The file carries a sensitivity label: every imported feature keeps it, whatever the role. */
      sensitive: boolean;
      /** Text files: the encoding detected (UTF-8, UTF-16, Windows-1252…). */
      encoding?: TextEncodingName;
      /** Workbooks: every sheet and the one read (another can be chosen with `readSheet`). */
      sheets?: string[];
      sheet?: string;
    }
  | { ok: false; fileName: string; problems: Problem[] };

/** A repair the review offers, and how many problems it fixes. */
export interface RepairOffer {
  kind: RepairKind;
  count: number;
}

/** The validation report for one choice of role, mapping and repairs. */
export interface ReviewSummary {
  featureCount: number;
  /** Rows or items the reader had to skip (each one an error problem). */
  skippedCount: number;
  validCount: number;
  /** Valid sites with no coordinates: counted by their admin area only, not drawn, not in distance analyses. */
  withoutCoordinates: number;
  errorCount: number;
  warningCount: number;
  /** Reader problems then validation problems, at most REPORT_LIMIT. */
  problems: Problem[];
  problemCount: number;
  /** Offered from the unrepaired file, so a checked box does not vanish. */
  repairOffers: RepairOffer[];
  /** Display classes filled with the defaults the user accepted, with their counts. */
  defaulted: DefaultedField[];
  /** Required fields with no column: the import is blocked until they are mapped. */
  missing: string[];
  /** Display classes some valid rows lack, with no accepted value: the import is blocked. */
  unresolved: UnresolvedField[];
}

export interface ImportChoice {
  role: LayerRole;
  mapping: FieldMapping;
  repairs: readonly RepairKind[];
  /** Values the user accepted for rows lacking a display class (never for measures or ids). */
  defaults?: AcceptedDefaults;
}

interface Session {
  fileName: string;
  /** Kept only for workbooks with several sheets, so another sheet can be read. */
  bytes?: Uint8Array;
  collection: ImportedCollection;
  readProblems: Problem[];
  sourceRows: number[] | undefined;
  sensitive: boolean;
  /** Most of the file lies outside Haiti: one file-level warning replaces the per-feature ones. */
  mostlyOutside: boolean;
  prepared?: { key: string; value: PreparedCollection };
  cache?: { key: string; validation: ValidationResult; repaired: ValidationResult };
}

/** Columns of a read file: the CSV reader's (with HXL tags) or the property names. */
export function columnsOf(
  collection: FeatureCollection,
  columns: SourceColumn[] | undefined,
): SourceColumn[] {
  return columns ?? propertyNames(collection).map((name) => ({ name }));
}

/** The import engine's API: the worker exposes exactly this object. */
export interface ImportSessions {
  read(fileName: string, data: ArrayBuffer | Uint8Array): Promise<ReadSummary>;
  /** Reads another sheet of the same workbook into the same session. */
  readSheet(sessionId: number, sheet: string): Promise<ReadSummary>;
  review(sessionId: number, choice: ImportChoice): ReviewSummary;
  build(
    sessionId: number,
    choice: ImportChoice,
  ): { collection: FeatureCollection; defaulted: DefaultedField[] };
  release(sessionId: number): void;
}

/** Reads one file into features; never throws (see `readAnyFile`). */
export type FileReader = (
  fileName: string,
  bytes: Uint8Array,
  options?: { sheet?: string },
) => Promise<ReadResult>;

/**
 * Creates a set of import sessions around a reader: the import worker passes
 * `readAnyFile`; the main thread, which only reads KML/KMZ (DOMParser lives
 * there), passes `readXmlFile` and so never bundles the other readers.
 */
export function createImportSessions(read: FileReader): ImportSessions {
  const sessions = new Map<number, Session>();
  let nextId = 1;

  const sessionFor = (sessionId: number): Session => {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`import session ${sessionId} is unknown or released`);
    return session;
  };

  const prepare = (session: Session, choice: ImportChoice): PreparedCollection => {
    const key = JSON.stringify([choice.role, choice.mapping.fields.id ?? null]);
    if (session.prepared?.key === key) return session.prepared.value;
    const value = prepareForRole(
      session.collection,
      choice.role,
      choice.mapping,
      session.fileName,
      session.sourceRows,
    );
    session.prepared = { key, value };
    return value;
  };

  const validate = (session: Session, choice: ImportChoice) => {
    const key = JSON.stringify([choice.role, choice.mapping, [...choice.repairs].sort()]);
    if (session.cache?.key === key) return session.cache;
    const prepared = prepare(session, choice);
    const options = {
      mapping: choice.mapping,
      sourceIndexes: prepared.sourceIndexes,
      ...(session.sourceRows ? { sourceRows: session.sourceRows } : {}),
    };
    const validation = validateCollection(prepared.collection, choice.role, session.fileName, options);
    const repaired =
      choice.repairs.length === 0 || validation.repairable.length === 0
        ? validation
        : validateCollection(
            applyRepairs(prepared.collection, validation.problems, choice.repairs, prepared.sourceIndexes),
            choice.role,
            session.fileName,
            options,
          );
    session.cache = { key, validation, repaired };
    return session.cache;
  };

  const build = (session: Session, choice: ImportChoice) => {
    const { repaired } = validate(session, choice);
    const mapped = applyFieldMapping(
      { type: 'FeatureCollection', features: repaired.validFeatures },
      choice.mapping,
    );
    const built = applyDisplayDefaults(mapped, choice.role, choice.defaults);
    const collection = session.sensitive ? labelSensitive(built.collection) : built.collection;
    return { collection, defaulted: built.defaulted, unresolved: built.unresolved };
  };

  const summarise = (
    sessionId: number,
    fileName: string,
    bytes: Uint8Array,
    result: Extract<ReadResult, { ok: true }>,
  ): ReadSummary => {
    const columns = columnsOf(result.collection, result.columns);
    const placement = placementOfFile(result.collection.features);
    const problems = [...result.problems];
    if (placement.mostlyOutside)
      problems.unshift(
        makeProblem('warning', 'file-outside-haiti', fileName, {
          value: `${placement.outside} / ${placement.placed}`,
        }),
      );
    const sheets = result.sheets ?? [];
    sessions.set(sessionId, {
      fileName,
      ...(sheets.length > 1 ? { bytes } : {}),
      collection: result.collection,
      readProblems: problems,
      sourceRows: result.sourceRows,
      sensitive: carriesSensitivityLabel(result.collection),
      mostlyOutside: placement.mostlyOutside,
    });
    return {
      ok: true,
      sessionId,
      fileName,
      format: detectFormat(fileName, bytes),
      featureCount: result.collection.features.length,
      columns,
      guessedRole: guessLayerRole(result.collection, columns),
      problems: problems.slice(0, REPORT_LIMIT),
      sensitive: carriesSensitivityLabel(result.collection),
      ...(result.encoding === undefined ? {} : { encoding: result.encoding }),
      ...(result.sheets === undefined ? {} : { sheets: result.sheets }),
      ...(result.sheet === undefined ? {} : { sheet: result.sheet }),
    };
  };

  return {
    async read(fileName, data) {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      const result = await read(fileName, bytes);
      if (!result.ok) return { ok: false, fileName, problems: result.problems.slice(0, REPORT_LIMIT) };
      return summarise(nextId++, fileName, bytes, result);
    },

    async readSheet(sessionId, sheet) {
      const session = sessionFor(sessionId);
      if (!session.bytes) throw new Error(`import session ${sessionId} has no other sheet`);
      const result = await read(session.fileName, session.bytes, { sheet });
      if (!result.ok) return { ok: false, fileName: session.fileName, problems: result.problems };
      return summarise(sessionId, session.fileName, session.bytes, result);
    },

    review(sessionId, choice) {
      const session = sessionFor(sessionId);
      const { validation, repaired } = validate(session, choice);
      const prepared = prepare(session, choice);
      const validationProblems = session.mostlyOutside
        ? repaired.problems.filter((problem) => problem.code !== 'outside-haiti')
        : repaired.problems;
      const problems = [...session.readProblems, ...prepared.problems, ...validationProblems];
      const offers = new Map<RepairKind, number>();
      for (const problem of validation.repairable) {
        if (problem.repair) offers.set(problem.repair, (offers.get(problem.repair) ?? 0) + 1);
      }
      const built = build(session, choice);
      return {
        featureCount: session.collection.features.length,
        skippedCount: placesWith(session.readProblems, 'error'),
        validCount: repaired.validFeatures.length,
        withoutCoordinates: repaired.withoutCoordinates,
        errorCount: placesWith(problems, 'error'),
        warningCount: placesWith(problems, 'warning'),
        problems: problems.slice(0, REPORT_LIMIT),
        problemCount: problems.length,
        repairOffers: [...offers].map(([kind, count]) => ({ kind, count })),
        defaulted: built.defaulted,
        missing: requiredFieldsOf(choice.role).filter((field) => choice.mapping.fields[field] === undefined),
        unresolved: built.unresolved,
      };
    },

    build(sessionId, choice) {
      const missing = requiredFieldsOf(choice.role).filter(
        (field) => choice.mapping.fields[field] === undefined,
      );
      const built = build(sessionFor(sessionId), choice);
      // The dialog blocks these; a caller that skips the review must not get invented values either.
      if (missing.length > 0 || built.unresolved.length > 0)
        throw new Error(
          `import blocked: ${[...missing, ...built.unresolved.map((entry) => entry.field)].join(', ')}`,
        );
      return { collection: built.collection, defaulted: built.defaulted };
    },

    release(sessionId) {
      sessions.delete(sessionId);
    },
  };
}

/**
 * How many rows (or features) carry at least one problem of this severity:
 * a row with a bad latitude and a bad longitude is one row, not two, and
 * file-level problems count once.
 */
function placesWith(problems: readonly Problem[], severity: Problem['severity']): number {
  const places = new Set<string>();
  for (const problem of problems) {
    if (problem.severity !== severity) continue;
    places.add(
      problem.row !== undefined
        ? `row ${problem.row}`
        : problem.featureIndex !== undefined
          ? `feature ${problem.featureIndex}`
          : 'file',
    );
  }
  return places.size;
}

/** Every feature keeps the label of the file it came from (sites from a labelled control export stay sensitive). */
function labelSensitive(collection: FeatureCollection): FeatureCollection {
  return {
    ...collection,
    features: collection.features.map((feature) => ({
      ...feature,
      properties: { ...(feature.properties ?? {}), sensitivity: SENSITIVE_VALUE },
    })),
  };
}
