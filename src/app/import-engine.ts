/**
 * The main thread's side of an import: hands the File (a handle, not its
 * bytes) to the import worker, which reads it, detects the format, unzips
 * (under a ceiling), parses and validates off the main thread — every
 * format, KML and KMZ included — so no file can freeze the page.
 *
 * Cancelling terminates the worker (the only way to stop a parse in the
 * middle); the next import starts a fresh one. A worker that dies on its own
 * (out of memory, a crash) is noticed through a Web Lock it holds for its
 * whole life, and through its `error` event: every pending call then rejects
 * with `ImportStopped` instead of waiting forever, and the next import starts
 * a fresh worker.
 */
import { type Remote, wrap } from 'comlink';
import type { Feature, FeatureCollection } from 'geojson';
import type { ImportApi } from '../../workers/import-api';
import type { FlowTable } from '../flows/flow-file';
import { attachColumns } from '../io/columnar-sites';
import type { DefaultedField } from '../io/import-display-defaults';
import type { ImportChoice, ReadSummary, ReviewSummary } from '../io/import-pipeline';

/** Rejection when the user cancels. */
export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

/** Rejection when the import worker died without answering. */
export class ImportStopped extends Error {
  override name = 'ImportStopped';
}

export function isImportCancelled(error: unknown): error is ImportCancelled {
  return error instanceof ImportCancelled;
}

export function isImportStopped(error: unknown): error is ImportStopped {
  return error instanceof ImportStopped;
}

/** One read file, ready to be reviewed and built. */
export interface ImportHandle {
  summary: ReadSummary;
  /** Reads another sheet of the same workbook (same session). */
  readSheet(sheet: string): Promise<ReadSummary>;
  review(choice: ImportChoice): Promise<ReviewSummary>;
  /** Builds the collection; its features cross in parts, `onProgress` getting the share received. */
  build(
    choice: ImportChoice,
    onProgress?: (fraction: number) => void,
  ): Promise<{ collection: FeatureCollection; defaulted: DefaultedField[] }>;
  release(): void;
}

export interface ImportEngine {
  /** Reads and parses a file in the worker; `onProgress` gets null once it is handed over (parsing). */
  open(file: File, onProgress: (fraction: number | null) => void): Promise<ImportHandle>;
  /** The movements table a file holds (issue 17), read in the worker; undefined when it holds none. */
  readFlowTable(file: File): Promise<FlowTable | undefined>;
  /** Stops whatever is running; its promise rejects with ImportCancelled. */
  cancel(): void;
  dispose(): void;
}

interface LiveWorker {
  worker: Worker;
  remote: Remote<ImportApi>;
  /** Resolves once the worker holds its life lock (or at once where there are no Web Locks). */
  watched: Promise<void>;
  /** Stops watching, when the page ends the worker itself. */
  unwatch: AbortController;
  /** Set once the worker has died: later calls on its handles fail at once instead of waiting forever. */
  stopped: boolean;
}

let workerCount = 0;

export function createImportEngine(): ImportEngine {
  let live: LiveWorker | undefined;
  const pending = new Set<(error: Error) => void>();

  const rejectAll = (error: Error) => {
    for (const reject of [...pending]) reject(error);
    pending.clear();
  };

  const endWorker = (current: LiveWorker | undefined) => {
    if (!current) return;
    current.unwatch.abort();
    current.worker.terminate();
    if (live === current) live = undefined;
  };

  const died = (current: LiveWorker) => {
    if (live !== current) return;
    current.stopped = true;
    endWorker(current);
    rejectAll(new ImportStopped());
  };

  const startWorker = (): LiveWorker => {
    workerCount += 1;
    const name = `katsit-import-${Date.now()}-${workerCount}`;
    const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), {
      type: 'module',
      name: 'katsit-import',
    });
    const remote = wrap<ImportApi>(worker);
    const unwatch = new AbortController();
    const current: LiveWorker = { worker, remote, unwatch, watched: Promise.resolve(), stopped: false };
    worker.addEventListener('error', () => died(current));
    const locks = globalThis.navigator?.locks;
    if (locks) {
      current.watched = remote.holdLifeLock(name).then((held) => {
        if (!held || unwatch.signal.aborted) return;
        // Granted only once the worker has let go of it, which it does only by ending.
        locks.request(name, { signal: unwatch.signal }, () => died(current)).catch(() => undefined);
      });
    }
    return current;
  };

  /**
   * Races a call to `current` against cancel() and the worker's death: a dead worker never
   * answers, whether it died during the call or before it (a read that ended just before).
   */
  const guarded = <T>(current: LiveWorker, call: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (current.stopped) {
        reject(new ImportStopped());
        return;
      }
      const work = call();
      pending.add(reject);
      work.then(
        (value) => {
          pending.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          pending.delete(reject);
          reject(error);
        },
      );
    });

  const handle = (current: LiveWorker, summary: ReadSummary): ImportHandle => ({
    summary,
    readSheet: (sheet) =>
      guarded(current, () => Promise.resolve(current.remote.readSheet(summaryId(summary), sheet))),
    review: (choice) =>
      guarded(current, () => Promise.resolve(current.remote.review(summaryId(summary), choice))),
    async build(choice, onProgress) {
      const sessionId = summaryId(summary);
      const built = await guarded(current, () =>
        Promise.resolve(current.remote.buildInParts(sessionId, choice)),
      );
      const features: Feature[] = [];
      // One message per part: each is deserialised in its own short task.
      for (let index = 0; index < built.partCount; index += 1) {
        const part = await guarded(current, () =>
          Promise.resolve(current.remote.builtPart(sessionId, index)),
        );
        for (const feature of part) features.push(feature);
        onProgress?.((index + 1) / built.partCount);
      }
      // The sites' columns, built in the worker, stay with these very features.
      if (built.columns) attachColumns(features, built.columns);
      return { collection: { ...built.head, features }, defaulted: built.defaulted };
    },
    release: () => {
      if (summary.ok && !current.stopped)
        Promise.resolve(current.remote.release(summary.sessionId)).catch(() => undefined);
    },
  });

  return {
    async open(file, onProgress) {
      live ??= startWorker();
      const current = live;
      await guarded(current, () => current.watched);
      onProgress(null);
      // A File crosses as a handle: the worker reads the bytes, the page never holds them.
      const summary = await guarded<ReadSummary>(current, () =>
        Promise.resolve(current.remote.readFile(file)),
      );
      return handle(current, summary);
    },
    async readFlowTable(file) {
      live ??= startWorker();
      const current = live;
      await guarded(current, () => current.watched);
      return guarded(current, () => Promise.resolve(current.remote.readFlowTable(file)));
    },
    cancel() {
      endWorker(live);
      rejectAll(new ImportCancelled());
    },
    dispose() {
      endWorker(live);
    },
  };
}

function summaryId(summary: ReadSummary): number {
  if (!summary.ok) throw new Error('a failed read has no session');
  return summary.sessionId;
}
