/**
 * The import of one file as a session: read once, then reviewed as often as
 * the user changes the role, the field mapping or the accepted repairs, then
 * built into the model's collection. The raw collection stays inside the
 * session (in the import worker for large files), so only summaries and the
 * final collection cross between threads. Pure: no DOM, no Comlink.
 */
import type { FeatureCollection } from 'geojson';
import { detectFormat, type FileFormat } from './detect-format';
import type { LayerRole } from './field-candidates';
import { applyFieldMapping, type FieldMapping, propertyNames } from './field-mapping';
import { applyDisplayDefaults, type DefaultedField } from './import-display-defaults';
import { guessLayerRole } from './layer-role';
import type { ImportedCollection, Problem, ReadResult, RepairKind, SourceColumn } from './problem';
import { applyRepairs } from './repair';
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
  errorCount: number;
  warningCount: number;
  /** Reader problems then validation problems, at most REPORT_LIMIT. */
  problems: Problem[];
  problemCount: number;
  /** Offered from the unrepaired file, so a checked box does not vanish. */
  repairOffers: RepairOffer[];
  /** Drawing-critical fields the valid features lack, filled with defaults. */
  defaulted: DefaultedField[];
}

export interface ImportChoice {
  role: LayerRole;
  mapping: FieldMapping;
  repairs: readonly RepairKind[];
}

interface Session {
  fileName: string;
  collection: ImportedCollection;
  readProblems: Problem[];
  sourceRows: number[] | undefined;
  sensitive: boolean;
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
  review(sessionId: number, choice: ImportChoice): ReviewSummary;
  build(
    sessionId: number,
    choice: ImportChoice,
  ): { collection: FeatureCollection; defaulted: DefaultedField[] };
  release(sessionId: number): void;
}

/** Reads one file into features; never throws (see `readAnyFile`, `readXmlFile`). */
export type FileReader = (fileName: string, bytes: Uint8Array) => Promise<ReadResult>;

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

  const validate = (session: Session, choice: ImportChoice) => {
    const key = JSON.stringify([choice.role, choice.mapping, [...choice.repairs].sort()]);
    if (session.cache?.key === key) return session.cache;
    const options = {
      mapping: choice.mapping,
      ...(session.sourceRows ? { sourceRows: session.sourceRows } : {}),
    };
    const validation = validateCollection(session.collection, choice.role, session.fileName, options);
    const repaired =
      choice.repairs.length === 0 || validation.repairable.length === 0
        ? validation
        : validateCollection(
            applyRepairs(session.collection, validation.problems, choice.repairs),
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
    const built = applyDisplayDefaults(mapped, choice.role);
    return session.sensitive ? { ...built, collection: labelSensitive(built.collection) } : built;
  };

  return {
    async read(fileName, data) {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
      const result = await read(fileName, bytes);
      if (!result.ok) return { ok: false, fileName, problems: result.problems.slice(0, REPORT_LIMIT) };
      const sessionId = nextId++;
      sessions.set(sessionId, {
        fileName,
        collection: result.collection,
        readProblems: result.problems,
        sourceRows: result.sourceRows,
        sensitive: carriesSensitivityLabel(result.collection),
      });
      const columns = columnsOf(result.collection, result.columns);
      return {
        ok: true,
        sessionId,
        fileName,
        format: detectFormat(fileName, bytes),
        featureCount: result.collection.features.length,
        columns,
        guessedRole: guessLayerRole(result.collection, columns),
        problems: result.problems.slice(0, REPORT_LIMIT),
        sensitive: carriesSensitivityLabel(result.collection),
      };
    },

    review(sessionId, choice) {
      const session = sessionFor(sessionId);
      const { validation, repaired } = validate(session, choice);
      const problems = [...session.readProblems, ...repaired.problems];
      const offers = new Map<RepairKind, number>();
      for (const problem of validation.repairable) {
        if (problem.repair) offers.set(problem.repair, (offers.get(problem.repair) ?? 0) + 1);
      }
      return {
        featureCount: session.collection.features.length,
        skippedCount: session.readProblems.filter((problem) => problem.severity === 'error').length,
        validCount: repaired.validFeatures.length,
        errorCount: problems.filter((problem) => problem.severity === 'error').length,
        warningCount: problems.filter((problem) => problem.severity === 'warning').length,
        problems: problems.slice(0, REPORT_LIMIT),
        problemCount: problems.length,
        repairOffers: [...offers].map(([kind, count]) => ({ kind, count })),
        defaulted: build(session, choice).defaulted,
      };
    },

    build(sessionId, choice) {
      return build(sessionFor(sessionId), choice);
    },

    release(sessionId) {
      sessions.delete(sessionId);
    },
  };
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
