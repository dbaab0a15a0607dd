/** Types for shpjs 6 (it ships none): only the calls this project makes. */
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';

  export type ShapefileCollection = FeatureCollection & { fileName?: string };

  /** The parts of one layer, already unzipped: one collection. */
  export interface ShapefileParts {
    shp: ArrayBuffer | ArrayBufferView;
    dbf?: ArrayBuffer | ArrayBufferView;
    prj?: string;
    cpg?: string;
  }

  /** Parses one layer from its parts. */
  export default function shp(input: ShapefileParts): Promise<ShapefileCollection>;
}
