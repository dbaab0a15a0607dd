/**
 * How a basemap style carries its source for map products: a key in the
 * style's metadata, written by the stored basemap's style and read back by
 * MapView. Kept apart so MapView reads it without loading the style library.
 */
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

/** The style metadata key naming the basemap's source ("© OpenStreetMap…"). */
export const BASEMAP_ATTRIBUTION_METADATA = 'katsit:basemap-attribution';

/** The style's note of its basemap source; none for the embedded style. */
export function basemapAttributionOf(style: Pick<StyleSpecification, 'metadata'>): string | undefined {
  const metadata = style.metadata as Record<string, unknown> | undefined;
  const attribution = metadata?.[BASEMAP_ATTRIBUTION_METADATA];
  return typeof attribution === 'string' ? attribution : undefined;
}
