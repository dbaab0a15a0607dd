/**
 * The import worker's API: one set of import sessions (read, review, build,
 * release), with no XML parser, because workers have no DOMParser; KML and
 * KMZ are read on the main thread instead (see src/ui/import-engine.ts).
 */
import { createImportSessions, type ImportSessions } from '../src/io/import-pipeline';
import { readAnyFile } from '../src/io/read-any-file';

export const importApi: ImportSessions = createImportSessions((fileName, bytes) =>
  readAnyFile(fileName, bytes),
);

export type ImportApi = typeof importApi;
