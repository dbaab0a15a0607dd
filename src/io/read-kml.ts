/**
 * KML reader through @tmcw/togeojson, which needs an XML DOM Document. The
 * default parser is @xmldom/xmldom behind `parseXmlDocument` (entity
 * declarations refused), which works in the import worker, where every KML
 * is read: workers have no DOMParser. Tests may inject another parser.
 */
import { kml } from '@tmcw/togeojson';
import type { Feature, Geometry } from 'geojson';
import { decodeText } from './bytes';
import { failure, type ImportedCollection, makeProblem, type ReadResult } from './problem';
import { isWrittenSensitivityLabel } from './sensitivity';
import { parseXmlDocument } from './xml-document';

/** Parses XML text into a DOM Document (may throw or return a `parsererror` document). */
export type XmlParser = (text: string) => Document;

/** Reads KML text or bytes. Never throws. */
export async function readKml(
  bytes: Uint8Array | string,
  fileName: string,
  parseXml?: XmlParser,
): Promise<ReadResult> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return failure('not-text', fileName);
  if (decoded.text.trim() === '') return failure('empty-file', fileName);
  let document: Document;
  if (parseXml) {
    try {
      document = parseXml(decoded.text);
    } catch {
      return failure('invalid-xml', fileName);
    }
  } else {
    const parsed = parseXmlDocument(decoded.text);
    if (!parsed.ok) {
      const { code, ...place } = parsed;
      return failure(code, fileName, place);
    }
    document = parsed.document;
  }
  try {
    // Browsers do not throw on bad XML: they return a document holding <parsererror>.
    if (!document?.documentElement || document.getElementsByTagName('parsererror').length > 0) {
      return failure('invalid-xml', fileName);
    }
    const isKml = document.documentElement.tagName.replace(/^.*:/, '').toLowerCase() === 'kml';
    if (!isKml && document.getElementsByTagName('Placemark').length === 0)
      return failure('not-kml', fileName);
    // Placemarks without geometry stay (as null geometries) so validation can point at them.
    const converted = kml(document, { skipNullGeometry: false }) as ImportedCollection;
    const collection: ImportedCollection = {
      ...converted,
      features: converted.features.map(foldMultiGeometry),
    };
    const sensitivity = documentDescription(document);
    // The label `writeKml` puts in the Document description, in whichever language it was written.
    if (isWrittenSensitivityLabel(sensitivity)) collection.sensitivity = sensitivity;
    const problems =
      collection.features.length === 0 ? [makeProblem('warning', 'no-features', fileName)] : [];
    return { ok: true, collection, problems };
  } catch {
    return failure('read-failed', fileName);
  }
}

/** Text of the `<description>` directly under `<Document>`, if any. */
function documentDescription(document: Document): string | undefined {
  const kmlDocument = document.getElementsByTagName('Document')[0];
  if (!kmlDocument) return undefined;
  for (const child of Array.from(kmlDocument.childNodes)) {
    if (child.nodeType === 1 && (child as Element).tagName === 'description') {
      return (child.textContent ?? '').trim();
    }
  }
  return undefined;
}

/**
 * togeojson turns every KML MultiGeometry into a GeometryCollection; when all
 * members share a type, the GeoJSON Multi* type is what the map and the role
 * checks expect (a hazard zone drawn as several polygons is a MultiPolygon).
 */
export function foldMultiGeometry(feature: Feature): Feature {
  const geometry = feature.geometry as Geometry | null;
  if (geometry?.type !== 'GeometryCollection' || geometry.geometries.length === 0) return feature;
  const members = geometry.geometries;
  const folded = foldMembers(members);
  return folded ? { ...feature, geometry: folded } : feature;
}

function foldMembers(members: Geometry[]): Geometry | undefined {
  const polygons = members.flatMap((member) =>
    member.type === 'Polygon'
      ? [member.coordinates]
      : member.type === 'MultiPolygon'
        ? member.coordinates
        : [],
  );
  if (members.every((member) => member.type === 'Polygon' || member.type === 'MultiPolygon')) {
    return { type: 'MultiPolygon', coordinates: polygons };
  }
  if (members.every((member) => member.type === 'Point')) {
    return {
      type: 'MultiPoint',
      coordinates: members.map((member) => (member.type === 'Point' ? member.coordinates : [])),
    };
  }
  if (members.every((member) => member.type === 'LineString')) {
    return {
      type: 'MultiLineString',
      coordinates: members.map((member) => (member.type === 'LineString' ? member.coordinates : [])),
    };
  }
  return undefined;
}
