/**
 * Unit-project setup: each test file starts with an empty IndexedDB. Files share a worker
 * thread (the project runs without isolation: importing the modules again for each of 118
 * files cost more time than the tests), so a fake IndexedDB installed by an earlier file's
 * `fake-indexeddb/auto` would otherwise still hold its databases.
 */
import { IDBFactory } from 'fake-indexeddb';

if (globalThis.indexedDB) globalThis.indexedDB = new IDBFactory();
