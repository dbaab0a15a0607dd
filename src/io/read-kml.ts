/**
 * KML reader through @tmcw/togeojson, which needs an XML DOM Document. The
 * default parser is @xmldom/xmldom behind `parseXmlDocument` (entity
 * declarations refused), which works in the import worker, where every KML
 * is read: workers have no DOMParser. Tests may inject another parser.
 */
import { kml } from '@tmcw/togeojson';
import type { Feature, Geometry } from 'geojson';
import { decodeText } from './bytes';
import {
  failure,
  type ImportedCollection,
  makeProblem,
  type Problem,
  type ProblemCode,
  type ReadResult,
} from './problem';
import { isWrittenSensitivityLabel } from './sensitivity';
import { parseXmlDocument } from './xml-document';

/** Parses XML text into a DOM Document (may throw or return a `parsererror` document). */
export type XmlParser = (text: string) => Document;

/** KML elements that are not data: counted and left out, never turned into zones or sites. */
const NOT_DATA = [
  ['GroundOverlay', 'not-imported-image-overlay'],
  ['ScreenOverlay', 'not-imported-image-overlay'],
  ['PhotoOverlay', 'not-imported-image-overlay'],
  ['Model', 'not-imported-model'],
] as const;

/** Reads KML text or bytes; network links are reported as not imported. Never throws. */
export async function readKml(
  bytes: Uint8Array | string,
  fileName: string,
  parseXml?: XmlParser,
): Promise<ReadResult> {
  const { result, links } = readKmlDocument(bytes, fileName, parseXml);
  if (result.ok && links.length > 0)
    result.problems.push(
      makeProblem('warning', 'not-imported-network-link', fileName, { value: String(links.length) }),
    );
  return result;
}

/**
 * Reads one KML document: its features, without image overlays, network
 * links and 3-D models (each kind counted in a file-level warning), and the
 * `href` of every network link, which a KMZ may resolve inside its archive.
 */
export function readKmlDocument(
  bytes: Uint8Array | string,
  fileName: string,
  parseXml?: XmlParser,
): { result: ReadResult; links: string[] } {
  const links: string[] = [];
  return { result: convertKml(bytes, fileName, parseXml, links), links };
}

function convertKml(
  bytes: Uint8Array | string,
  fileName: string,
  parseXml: XmlParser | undefined,
  links: string[],
): ReadResult {
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
    const problems = countNotData(document, fileName);
    for (const link of Array.from(document.getElementsByTagName('NetworkLink'))) {
      const href = link.getElementsByTagName('href')[0]?.textContent?.trim();
      links.push(href ?? '');
    }
    // Placemarks without geometry stay (as null geometries) so validation can point at them.
    const converted = kml(document, { skipNullGeometry: false }) as ImportedCollection;
    const collection: ImportedCollection = {
      ...converted,
      features: converted.features.filter((feature) => !isNotData(feature)).map(foldMultiGeometry),
    };
    const sensitivity = documentDescription(document);
    // The label `writeKml` puts in the Document description, in whichever language it was written.
    if (isWrittenSensitivityLabel(sensitivity)) collection.sensitivity = sensitivity;
    if (collection.features.length === 0) problems.push(makeProblem('warning', 'no-features', fileName));
    return { ok: true, collection, problems };
  } catch {
    return failure('read-failed', fileName);
  }
}

/**
 * Counts the non-data elements by kind, one warning each, and removes 3-D
 * model placemarks (togeojson would keep them as features without geometry,
 * reported as broken rows when they are simply not map data).
 */
function countNotData(document: Document, fileName: string): Problem[] {
  const counts = new Map<ProblemCode, number>();
  for (const [tag, code] of NOT_DATA) {
    const elements = Array.from(document.getElementsByTagName(tag));
    if (elements.length === 0) continue;
    counts.set(code, (counts.get(code) ?? 0) + elements.length);
    if (tag !== 'Model') continue;
    for (const model of elements) {
      let placemark: Node | null = model.parentNode;
      while (placemark && (placemark as Element).tagName !== 'Placemark') placemark = placemark.parentNode;
      placemark?.parentNode?.removeChild(placemark);
    }
  }
  return [...counts].map(([code, count]) => makeProblem('warning', code, fileName, { value: String(count) }));
}

/** togeojson turns ground overlays and network links into footprint features: they are not zones. */
function isNotData(feature: Feature): boolean {
  const kind = feature.properties?.['@geometry-type'];
  return kind === 'groundoverlay' || kind === 'networklink';
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
