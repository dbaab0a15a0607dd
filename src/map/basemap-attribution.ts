/**
 * How a basemap style carries its source for map products: a key in the
 * style's metadata, written by the stored basemap's style and read back by
 * MapView. Kept apart so MapView reads it without loading the style library.
 */
/** The style metadata key naming the basemap's source ("© OpenStreetMap…"). */
export const BASEMAP_ATTRIBUTION_METADATA = 'katsit:basemap-attribution';

/** The style's note of its basemap source; none for the embedded style. */
export function basemapAttributionOf(style: { metadata?: unknown }): string | undefined {
  const metadata = style.metadata;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const attribution = (metadata as Record<string, unknown>)[BASEMAP_ATTRIBUTION_METADATA];
  return typeof attribution === 'string' ? attribution : undefined;
}
