/**
 * What local storage holds, for the data manager: the browser's estimate for
 * this site and the analysis cache's own count.
 */
import type { AnalysisCacheUsage } from '../io/analysis-cache-store';

export interface StorageUsage {
  /** The browser's estimate for this site (all stores, service-worker cache included). */
  device?: { usage: number; quota: number };
  cache?: AnalysisCacheUsage;
}

/** `navigator.storage.estimate()` where the browser offers it, else undefined. */
export async function deviceUsage(): Promise<StorageUsage['device']> {
  try {
    const estimate = await globalThis.navigator?.storage?.estimate?.();
    if (estimate?.usage === undefined || estimate.quota === undefined) return undefined;
    return { usage: estimate.usage, quota: estimate.quota };
  } catch {
    // Not offered here (an older browser, a private window): the cache figure is still shown.
    return undefined;
  }
}
