/**
 * A built collection crosses from the import worker to the page in parts of
 * PART_SIZE features. The page deserialises each message in one task, so a
 * million features in one message froze it for seconds; in parts it stays
 * responsive, can show progress, and Cancel (which ends the worker) works
 * between two parts. The built collection waits here until its last part is
 * taken or the session is released. Sites also come back in their columnar
 * form, built and hashed here and transferred (not cloned) with the head, so
 * the page never turns the features into columns itself.
 */
import { transfer } from 'comlink';
import type { Feature, FeatureCollection } from 'geojson';
import { type ColumnarSites, columnarSitesOf, columnTransferables } from '../src/io/columnar-sites';
import { PART_SIZE } from '../src/io/dataset-schema';
import type { DefaultedField } from '../src/io/import-display-defaults';
import type { ImportChoice, ImportSessions } from '../src/io/import-pipeline';

/** What the page learns first: everything but the features, and how many parts bring them. */
interface BuiltHead {
  /** The collection's own members, with no features. */
  head: FeatureCollection;
  featureCount: number;
  partCount: number;
  defaulted: DefaultedField[];
  /** The sites' columns (role `sites` only). */
  columns?: ColumnarSites;
}

/** The part-by-part build over a set of import sessions. */
export function createBuiltParts(sessions: Pick<ImportSessions, 'build' | 'release'>) {
  const built = new Map<number, { features: Feature[]; partCount: number }>();
  return {
    /** Builds the collection (as `build` does) and keeps its features for `builtPart`. */
    buildInParts(sessionId: number, choice: ImportChoice): BuiltHead {
      const { collection, defaulted } = sessions.build(sessionId, choice);
      const { features, ...members } = collection;
      const partCount = Math.ceil(features.length / PART_SIZE);
      built.set(sessionId, { features, partCount });
      const head: BuiltHead = {
        head: { ...members, features: [] },
        featureCount: features.length,
        partCount,
        defaulted,
      };
      if (choice.role !== 'sites') return head;
      const columns = columnarSitesOf(features);
      return transfer({ ...head, columns }, columnTransferables(columns));
    },
    /** Part `index` of the last build of a session; the last part lets the build go. */
    builtPart(sessionId: number, index: number): Feature[] {
      const entry = built.get(sessionId);
      if (!entry) throw new Error(`import session ${sessionId} has no build`);
      if (index >= entry.partCount - 1) built.delete(sessionId);
      return entry.features.slice(index * PART_SIZE, (index + 1) * PART_SIZE);
    },
    release(sessionId: number): void {
      built.delete(sessionId);
      sessions.release(sessionId);
    },
  };
}
