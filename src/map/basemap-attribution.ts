/**
 * How a basemap style carries what map products print about it: keys in the
 * style's metadata — the stored basemap's source, and the reference layers
 * drawn with their names, colours and sources — written by the styles and read
 * back by MapView. Kept apart so MapView reads them without loading the style
 * library.
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

/** The style metadata key listing the reference layers drawn (name, colour, source). */
export const REFERENCE_LAYERS_METADATA = 'katsit:reference-layers';

/** A reference layer as products print it: in the legend with its colour, in the sources. */
export interface DrawnReferenceLayer {
  name: string;
  /** CSS hex colour (#rrggbb). */
  colour: string;
  attribution: string | null;
}

function isDrawnReferenceLayer(value: unknown): value is DrawnReferenceLayer {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.name === 'string' &&
    typeof record.colour === 'string' &&
    (record.attribution === null || typeof record.attribution === 'string')
  );
}

/** The reference layers the style draws, in drawing order; none when it draws none. */
export function referenceLayersOf(style: { metadata?: unknown }): DrawnReferenceLayer[] {
  const metadata = style.metadata;
  if (typeof metadata !== 'object' || metadata === null) return [];
  const layers = (metadata as Record<string, unknown>)[REFERENCE_LAYERS_METADATA];
  return Array.isArray(layers) ? layers.filter(isDrawnReferenceLayer) : [];
}
