/**
 * Draws a composed product (snapshot-product.ts) into a canvas (PNG) or a
 * jsPDF document (PDF: the map as an image, every word as real text, page
 * exactly A4/A3). jsPDF is loaded on demand so it stays out of the start-up bundle.
 */
import { legendSwatch } from '../symbology/legend-swatch';
import { type PageSettings, POINTS_PER_UNIT } from './snapshot-layout';
import type { DrawOperation, Measure, Product, TextStyle } from './snapshot-product';

const FONT_FAMILY = 'Helvetica, Arial, "Liberation Sans", sans-serif';

const canvasFont = (style: TextStyle) =>
  `${style.italic ? 'italic ' : ''}${style.bold ? 'bold ' : ''}${style.size}px ${FONT_FAMILY}`;

/** Measures text with the canvas fonts (metric-compatible with the PDF's Helvetica). */
export function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d');
  return (text, style) => {
    if (!context) return text.length * style.size * 0.55;
    context.font = canvasFont(style);
    return context.measureText(text).width;
  };
}

/** The whole page at `pixelRatio` device pixels per layout unit; the map image must match its frame. */
export function renderToCanvas(
  product: Product,
  mapImage: CanvasImageSource,
  pixelRatio: number,
): HTMLCanvasElement {
  const { page } = product.layout;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(page.width * pixelRatio);
  canvas.height = Math.round(page.height * pixelRatio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('2D canvas unavailable');
  context.scale(pixelRatio, pixelRatio);
  context.textBaseline = 'alphabetic';
  for (const operation of product.operations) drawOnCanvas(context, operation, mapImage, pixelRatio);
  return canvas;
}

function drawOnCanvas(
  context: CanvasRenderingContext2D,
  operation: DrawOperation,
  mapImage: CanvasImageSource,
  pixelRatio: number,
): void {
  switch (operation.kind) {
    case 'rect':
      if (operation.fill) {
        context.fillStyle = operation.fill;
        context.fillRect(operation.x, operation.y, operation.width, operation.height);
      }
      if (operation.stroke) {
        context.strokeStyle = operation.stroke;
        context.lineWidth = operation.lineWidth ?? 1;
        context.strokeRect(operation.x, operation.y, operation.width, operation.height);
      }
      return;
    case 'text':
      context.font = canvasFont(operation);
      context.fillStyle = operation.color;
      context.textAlign = operation.align ?? 'left';
      context.fillText(operation.text, operation.x, operation.y);
      return;
    case 'line':
      context.strokeStyle = operation.color;
      context.lineWidth = operation.width;
      context.beginPath();
      tracePath(context, operation.points);
      context.stroke();
      return;
    case 'polygon':
      context.beginPath();
      tracePath(context, operation.points);
      context.closePath();
      context.fillStyle = operation.fill;
      context.fill();
      if (operation.stroke) {
        context.strokeStyle = operation.stroke;
        context.lineWidth = operation.lineWidth ?? 1;
        context.stroke();
      }
      return;
    case 'map':
      context.drawImage(mapImage, operation.x, operation.y, operation.width, operation.height);
      return;
    case 'swatch':
      context.drawImage(
        legendSwatch(operation.symbol, pixelRatio * (operation.size / 20) + 1),
        operation.x,
        operation.y,
        operation.size,
        operation.size,
      );
      return;
  }
}

function tracePath(context: CanvasRenderingContext2D, points: readonly (readonly [number, number])[]): void {
  points.forEach(([x, y], index) => {
    if (index === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
  });
}

/** The product as a PDF whose page is exactly the paper size in the chosen orientation. */
export async function renderToPdf(
  product: Product,
  mapImage: HTMLCanvasElement,
  settings: PageSettings,
): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const { page } = product.layout;
  const orientation = page.width >= page.height ? 'landscape' : 'portrait';
  const format =
    settings.paper === 'screen'
      ? [page.width * POINTS_PER_UNIT, page.height * POINTS_PER_UNIT]
      : settings.paper.toLowerCase();
  const document_ = new jsPDF({ orientation, unit: 'pt', format, compress: true });
  const scale = (value: number) => value * POINTS_PER_UNIT;
  const swatches = new Map<unknown, HTMLCanvasElement>();
  for (const operation of product.operations) {
    switch (operation.kind) {
      case 'rect': {
        const style = operation.fill && operation.stroke ? 'FD' : operation.fill ? 'F' : 'S';
        if (operation.fill) document_.setFillColor(operation.fill);
        if (operation.stroke) {
          document_.setDrawColor(operation.stroke);
          document_.setLineWidth(scale(operation.lineWidth ?? 1));
        }
        document_.rect(
          scale(operation.x),
          scale(operation.y),
          scale(operation.width),
          scale(operation.height),
          style,
        );
        break;
      }
      case 'text':
        document_.setFont(
          'helvetica',
          operation.bold
            ? operation.italic
              ? 'bolditalic'
              : 'bold'
            : operation.italic
              ? 'italic'
              : 'normal',
        );
        document_.setFontSize(scale(operation.size));
        document_.setTextColor(operation.color);
        document_.text(operation.text, scale(operation.x), scale(operation.y), {
          align: operation.align ?? 'left',
        });
        break;
      case 'line':
        document_.setDrawColor(operation.color);
        document_.setLineWidth(scale(operation.width));
        for (let index = 1; index < operation.points.length; index++) {
          const [x1, y1] = operation.points[index - 1] ?? [0, 0];
          const [x2, y2] = operation.points[index] ?? [0, 0];
          document_.line(scale(x1), scale(y1), scale(x2), scale(y2));
        }
        break;
      case 'polygon': {
        const [a, b, c] = operation.points;
        if (!a || !b || !c) break;
        document_.setFillColor(operation.fill);
        if (operation.stroke) {
          document_.setDrawColor(operation.stroke);
          document_.setLineWidth(scale(operation.lineWidth ?? 1));
        }
        document_.triangle(
          scale(a[0]),
          scale(a[1]),
          scale(b[0]),
          scale(b[1]),
          scale(c[0]),
          scale(c[1]),
          operation.stroke ? 'FD' : 'F',
        );
        break;
      }
      case 'map':
        // JPEG: the map is opaque, and jsPDF then embeds the bytes as they are (no PNG decoder bundled).
        document_.addImage(
          mapImage,
          'JPEG',
          scale(operation.x),
          scale(operation.y),
          scale(operation.width),
          scale(operation.height),
          'map',
          'FAST',
        );
        break;
      case 'swatch': {
        let swatch = swatches.get(operation.symbol);
        if (!swatch) {
          swatch = onWhite(legendSwatch(operation.symbol, 6));
          swatches.set(operation.symbol, swatch);
        }
        document_.addImage(
          swatch,
          'JPEG',
          scale(operation.x),
          scale(operation.y),
          scale(operation.size),
          scale(operation.size),
        );
        break;
      }
    }
  }
  return document_.output('blob');
}

/** A copy of a transparent canvas on a white page colour, so it can be embedded as JPEG. */
function onWhite(canvas: HTMLCanvasElement): HTMLCanvasElement {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d');
  if (!context) return canvas;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, copy.width, copy.height);
  context.drawImage(canvas, 0, 0);
  return copy;
}
