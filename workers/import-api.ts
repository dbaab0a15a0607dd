/**
 * The import worker's API: one set of import sessions (read, review, build,
 * release) over every reader — KML and KMZ included, parsed with
 * @xmldom/xmldom since workers have no DOMParser — so no file is ever parsed
 * or unzipped on the main thread. `holdLifeLock` lets the page notice when
 * this worker dies (see src/app/import-engine.ts).
 */
import { type FlowTable, readFlowTable } from '../src/flows/flow-file';
import { createImportSessions, type ReadSummary } from '../src/io/import-pipeline';
import { readAnyFile } from '../src/io/read-any-file';
import { createBuiltParts } from './import-parts';

const sessions = createImportSessions((fileName, bytes, options) => readAnyFile(fileName, bytes, options));
const parts = createBuiltParts(sessions);

export const importApi = {
  read: sessions.read,
  /**
   * Reads a File here, in the worker: the page passes the File handle (no
   * bytes are copied or held on the main thread, even for 50 MB).
   */
  async readFile(file: File): Promise<ReadSummary> {
    return sessions.read(file.name, new Uint8Array(await file.arrayBuffer()));
  },
  /** A movements table (issue 17), read here too; undefined when the file is not one. */
  async readFlowTable(file: File): Promise<FlowTable | undefined> {
    return readFlowTable(file.name, new Uint8Array(await file.arrayBuffer()));
  },
  readSheet: sessions.readSheet,
  review: sessions.review,
  build: sessions.build,
  /** `build` for large layers: the head now, the features part by part (see import-parts.ts). */
  buildInParts: parts.buildInParts,
  builtPart: parts.builtPart,
  release: parts.release,
  /**
   * Takes a Web Lock and never releases it: the browser releases it when this
   * worker ends, however it ends (terminated, crashed, out of memory), and the
   * page, queued on the same lock, is then granted it. Resolves once held.
   */
  holdLifeLock(name: string): Promise<boolean> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      void locks.request(name, () => {
        resolve(true);
        return new Promise<never>(() => undefined);
      });
    });
  },
};

export type ImportApi = typeof importApi;
