/** Types for shpjs 6 (it ships none): only the call this project makes. */
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';

  export type ShapefileCollection = FeatureCollection & { fileName?: string };

  /** Parses a zipped Shapefile; several layers give an array. */
  export default function shp(
    input: ArrayBuffer | ArrayBufferView,
  ): Promise<ShapefileCollection | ShapefileCollection[]>;
}
