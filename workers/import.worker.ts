/**
 * The import worker: exposes the import API over Comlink, nothing else.
 * Parsing and validating a 50 MB file here keeps the page responsive.
 */
import { type Endpoint, expose } from 'comlink';
import { importApi } from './import-api';

expose(importApi, self as unknown as Endpoint);
