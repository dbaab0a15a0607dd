/**
 * Parsing XML where there is no DOMParser (the import worker), with
 * @xmldom/xmldom, and refusing what makes XML dangerous to parse: entity
 * declarations. A 130 kB "billion laughs" KML declares entities that expand
 * into each other until the text is gigabytes; KML never needs them, so any
 * `<!ENTITY` in the document type declaration is refused, located, before
 * the parser sees it. xmldom never fetches external entities.
 */
import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import { lineAndColumn } from './bytes';

export type XmlParseResult =
  | { ok: true; document: Document }
  | { ok: false; code: 'invalid-xml' | 'xml-entities-refused'; line?: number; column?: number };

/** Where an entity declaration starts, if the text has one before its root element. */
export function entityDeclarationOffset(text: string): number | undefined {
  const doctype = text.search(/<!DOCTYPE/i);
  if (doctype < 0) return undefined;
  const entity = text.slice(doctype).search(/<!ENTITY/i);
  return entity < 0 ? undefined : doctype + entity;
}

/** Parses XML text into a DOM Document. Never throws. */
export function parseXmlDocument(text: string): XmlParseResult {
  const entity = entityDeclarationOffset(text);
  if (entity !== undefined)
    return { ok: false, code: 'xml-entities-refused', ...lineAndColumn(text, entity) };
  try {
    const parser = new DOMParser({ onError: onErrorStopParsing });
    const document = parser.parseFromString(text, 'text/xml') as unknown as Document;
    if (!document?.documentElement) return { ok: false, code: 'invalid-xml' };
    return { ok: true, document };
  } catch (error) {
    // xmldom's ParseError carries the place it stopped.
    const locator = (error as { locator?: { lineNumber?: unknown; columnNumber?: unknown } } | null)?.locator;
    return typeof locator?.lineNumber === 'number' && typeof locator.columnNumber === 'number'
      ? { ok: false, code: 'invalid-xml', line: locator.lineNumber, column: locator.columnNumber }
      : { ok: false, code: 'invalid-xml' };
  }
}
