/**
 * Text on a map product: the type styles, line wrapping, and the fitting
 * rules every block follows (wrap first, then shrink within limits, then say
 * what was left out). Pure: text is measured through the `Measure` function
 * the caller passes (canvas metrics of the embedded font in the browser, a
 * fixed-width estimate in unit tests).
 */

export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** Width of a text in layout units. */
export type Measure = (text: string, style: TextStyle) => number;

export const STYLES = {
  title: { size: 21, bold: true },
  subtitle: { size: 13 },
  heading: { size: 12.5, bold: true },
  layerHeading: { size: 10.5, bold: true },
  entry: { size: 10 },
  note: { size: 8.5, italic: true },
  footer: { size: 8.5 },
  footerBold: { size: 8.5, bold: true },
  disclaimer: { size: 8, italic: true },
  badge: { size: 11, bold: true },
  small: { size: 9 },
} as const satisfies Record<string, TextStyle>;

/** Line height as a multiple of the type size. */
export const LINE = 1.32;

/** Height of `count` lines of a style. */
export function linesHeight(count: number, style: TextStyle): number {
  return count * style.size * LINE;
}

/** Splits text into lines no wider than `width`; a word longer than the line is cut with "…". */
export function wrapText(text: string, width: number, style: TextStyle, measure: Measure): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && measure(candidate, style) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines.map((line) => fitText(line, width, style, measure));
}

/** Shortens a single line with an ellipsis until it fits. */
export function fitText(text: string, width: number, style: TextStyle, measure: Measure): string {
  if (measure(text, style) <= width) return text;
  let end = text.length;
  while (end > 1 && measure(`${text.slice(0, end)}…`, style) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** A title set in at most `maxLines` lines: wrapped at full size first, then shrunk down to `minSize`. */
export interface FittedText {
  lines: string[];
  style: TextStyle;
  /** False when even the smallest size needed an ellipsis. */
  whole: boolean;
}

export function fitLines(
  text: string,
  width: number,
  style: TextStyle,
  maxLines: number,
  minSize: number,
  measure: Measure,
): FittedText {
  for (let size = style.size; size >= minSize; size -= 1) {
    const sized = { ...style, size };
    const lines = wrapText(text, width, sized, measure);
    const fits = lines.length <= maxLines && lines.every((line) => !line.endsWith('…') || text.endsWith('…'));
    if (fits) return { lines, style: sized, whole: true };
  }
  const sized = { ...style, size: minSize };
  const lines = wrapText(text, width, sized, measure);
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) {
    const last = kept.length - 1;
    kept[last] = fitText(`${kept[last] ?? ''}…`, width, sized, measure);
  }
  return { lines: kept, style: sized, whole: false };
}
