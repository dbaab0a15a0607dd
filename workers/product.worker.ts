/** The map-product worker: exposes its API over Comlink, nothing else. */
import { type Endpoint, expose } from 'comlink';
import { productApi } from './product-api';

expose(productApi, self as unknown as Endpoint);
