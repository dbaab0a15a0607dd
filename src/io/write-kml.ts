/**
 * KML export for Google Earth and phones. Properties go into a typed
 * <Schema>/<SimpleData> block so numbers come back as numbers; every text is
 * XML-escaped (a site named `<img src=x onerror=…>` stays text). Sensitive
 * layers carry the label as the Document <description>.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { LayerRole } from './field-candidates';
import { isSensitiveCollection } from './sensitivity';

const SCHEMA_ID = 'katsit-properties';

/** Escapes text for XML content and attributes; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export interface KmlOptions {
  role?: LayerRole;
  /** Document name shown in Google Earth's sidebar. */
  documentName?: string;
  /** The catalogue's `export.sensitivityLabel` in the interface language; written only for sensitive layers. */
  sensitivityLabel: string;
}

/** Serialises a collection as a KML 2.2 document. */
export function writeKml(collection: FeatureCollection, options: KmlOptions): string {
  const fields = schemaFields(collection.features);
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '<Document>',
  ];
  if (options.documentName) parts.push(`<name>${escapeXml(options.documentName)}</name>`);
  if (isSensitiveCollection(collection, options.role))
    parts.push(`<description>${escapeXml(options.sensitivityLabel)}</description>`);
  parts.push(`<Schema name="${SCHEMA_ID}" id="${SCHEMA_ID}">`);
  for (const [name, type] of fields) parts.push(`<SimpleField name="${escapeXml(name)}" type="${type}"/>`);
  parts.push('</Schema>');
  // A placemark needs a place: sites known only by their admin area are left out (the export dialog counts them).
  for (const feature of collection.features) if (feature.geometry) parts.push(placemark(feature, fields));
  parts.push('</Document>', '</kml>');
  return parts.join('\n');
}

/**
 * One SimpleField per property but `name` (it has its own element). `double`
 * when every value is a number; booleans and everything else are strings,
 * because KML readers turn any non-empty "bool" text (even "false") into true.
 */
function schemaFields(features: readonly Feature[]): Map<string, 'double' | 'string'> {
  const fields = new Map<string, 'double' | 'string'>();
  for (const feature of features) {
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      if (key === 'name' || value === null || value === undefined) continue;
      const type = typeof value === 'number' ? 'double' : 'string';
      fields.set(key, fields.get(key) === 'string' ? 'string' : type);
    }
  }
  return fields;
}

function placemark(feature: Feature, fields: Map<string, 'double' | 'string'>): string {
  const properties = feature.properties ?? {};
  const id = feature.id === undefined ? '' : ` id="${escapeXml(String(feature.id))}"`;
  const parts = [`<Placemark${id}>`];
  if (properties.name !== undefined && properties.name !== null)
    parts.push(`<name>${escapeXml(String(properties.name))}</name>`);
  const data = [...fields.keys()]
    .filter((key) => properties[key] !== undefined && properties[key] !== null)
    .map((key) => `<SimpleData name="${escapeXml(key)}">${escapeXml(textOf(properties[key]))}</SimpleData>`);
  if (data.length > 0)
    parts.push(
      `<ExtendedData><SchemaData schemaUrl="#${SCHEMA_ID}">${data.join('')}</SchemaData></ExtendedData>`,
    );
  const geometry = geometryKml(feature.geometry);
  if (geometry) parts.push(geometry);
  parts.push('</Placemark>');
  return parts.join('');
}

function textOf(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}

const coordinates = (positions: Position[]) =>
  `<coordinates>${positions.map((position) => position.join(',')).join(' ')}</coordinates>`;

function polygonKml(rings: Position[][]): string {
  const [outer, ...inner] = rings;
  const outerKml = outer
    ? `<outerBoundaryIs><LinearRing>${coordinates(outer)}</LinearRing></outerBoundaryIs>`
    : '';
  const innerKml = inner
    .map((ring) => `<innerBoundaryIs><LinearRing>${coordinates(ring)}</LinearRing></innerBoundaryIs>`)
    .join('');
  return `<Polygon>${outerKml}${innerKml}</Polygon>`;
}

function geometryKml(geometry: Geometry | null): string {
  switch (geometry?.type) {
    case 'Point':
      return `<Point>${coordinates([geometry.coordinates])}</Point>`;
    case 'LineString':
      return `<LineString>${coordinates(geometry.coordinates)}</LineString>`;
    case 'Polygon':
      return polygonKml(geometry.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${geometry.coordinates.map((position) => `<Point>${coordinates([position])}</Point>`).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${geometry.coordinates.map((line) => `<LineString>${coordinates(line)}</LineString>`).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${geometry.coordinates.map(polygonKml).join('')}</MultiGeometry>`;
    case 'GeometryCollection':
      return `<MultiGeometry>${geometry.geometries.map(geometryKml).join('')}</MultiGeometry>`;
    default:
      return '';
  }
}
