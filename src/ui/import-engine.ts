/**
 * The main thread's side of an import: reads the File's bytes (with
 * progress), then hands them to the import worker, which parses and validates
 * them off the main thread so a 50 MB file does not freeze the page.
 *
 * KML and KMZ are the exception: they need DOMParser, which workers lack, so
 * they are parsed here on the main thread with `browserXmlParser()`. They are
 * small in practice (Google Earth and phone exports).
 *
 * Cancelling terminates the worker (the only way to stop a parse in the
 * middle); the next import starts a fresh one.
 */
import { type Remote, transfer, wrap } from 'comlink';
import type { FeatureCollection } from 'geojson';
import type { ImportApi } from '../../workers/import-api';
import { detectFormat } from '../io/detect-format';
import type { DefaultedField } from '../io/import-display-defaults';
import {
  createImportSessions,
  type ImportChoice,
  type ImportSessions,
  type ReadSummary,
  type ReviewSummary,
} from '../io/import-pipeline';
import { readXmlFile } from '../io/read-xml-file';

/** Thrown (rejected) when the user cancels. */
export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export function isImportCancelled(error: unknown): error is ImportCancelled {
  return error instanceof ImportCancelled;
}

/** One read file, ready to be reviewed and built. */
export interface ImportHandle {
  summary: ReadSummary;
  /** True when the file was parsed on the main thread (KML/KMZ). */
  onMainThread: boolean;
  review(choice: ImportChoice): Promise<ReviewSummary>;
  build(choice: ImportChoice): Promise<{ collection: FeatureCollection; defaulted: DefaultedField[] }>;
  release(): void;
}

export interface ImportEngine {
  /** Reads and parses a file; `onProgress` gets 0…1 while bytes load, then null (parsing). */
  open(file: File, onProgress: (fraction: number | null) => void): Promise<ImportHandle>;
  /** Stops whatever is running; its promise rejects with ImportCancelled. */
  cancel(): void;
  dispose(): void;
}

type Backend = ImportSessions | Remote<ImportApi>;

export function createImportEngine(): ImportEngine {
  let worker: Worker | undefined;
  let remote: Remote<ImportApi> | undefined;
  let mainThread: ImportSessions | undefined;
  const pending = new Set<(error: Error) => void>();
  let reader: FileReader | undefined;

  const workerApi = (): Remote<ImportApi> => {
    if (!remote) {
      worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), {
        type: 'module',
        name: 'katsit-import',
      });
      remote = wrap<ImportApi>(worker);
    }
    return remote;
  };

  /** Races a call against cancel(): a terminated worker never answers. */
  const cancellable = <T>(work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
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

  const readBytes = (file: File, onProgress: (fraction: number | null) => void) =>
    cancellable(
      new Promise<ArrayBuffer>((resolve, reject) => {
        const current = new FileReader();
        reader = current;
        current.onprogress = (event) => {
          if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
        };
        current.onload = () => resolve(current.result as ArrayBuffer);
        current.onerror = () => reject(current.error ?? new Error('read failed'));
        current.readAsArrayBuffer(file);
      }),
    );

  const handle = (backend: Backend, summary: ReadSummary, onMainThread: boolean): ImportHandle => ({
    summary,
    onMainThread,
    review: (choice) => cancellable(Promise.resolve(backend.review(summaryId(summary), choice))),
    build: (choice) => cancellable(Promise.resolve(backend.build(summaryId(summary), choice))),
    release: () => {
      if (summary.ok) Promise.resolve(backend.release(summary.sessionId)).catch(() => undefined);
    },
  });

  return {
    async open(file, onProgress) {
      onProgress(0);
      const buffer = await readBytes(file, onProgress);
      onProgress(null);
      const format = detectFormat(file.name, new Uint8Array(buffer));
      if (format === 'kml' || format === 'kmz') {
        // Workers have no DOMParser: KML/KMZ are parsed here, on the main thread.
        mainThread ??= createImportSessions(readXmlFile);
        const summary = await cancellable<ReadSummary>(mainThread.read(file.name, buffer));
        return handle(mainThread, summary, true);
      }
      const api = workerApi();
      // The buffer is transferred, not copied: the worker owns the bytes from here.
      const summary = await cancellable<ReadSummary>(api.read(file.name, transfer(buffer, [buffer])));
      return handle(api, summary, false);
    },
    cancel() {
      reader?.abort();
      worker?.terminate();
      worker = undefined;
      remote = undefined;
      for (const reject of [...pending]) reject(new ImportCancelled());
      pending.clear();
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      remote = undefined;
    },
  };
}

function summaryId(summary: ReadSummary): number {
  if (!summary.ok) throw new Error('a failed read has no session');
  return summary.sessionId;
}
