/** The site table's worker: exposes its API over Comlink, nothing else. */
import { type Endpoint, expose } from 'comlink';
import { siteTableApi } from './site-table-api';

expose(siteTableApi, self as unknown as Endpoint);
