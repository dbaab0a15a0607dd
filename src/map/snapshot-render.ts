/**
 * Draws a composed product (snapshot-product.ts) into a canvas (PNG) or a
 * jsPDF document (PDF: the map as a JPEG image, every word as real,
 * selectable text, page exactly A4/A3). jsPDF is loaded on demand so it stays
 * out of the start-up bundle. Both outputs use the same font (Noto Sans,
 * embedded in the PDF when the caller passes it), so text measured for the
 * layout is the text printed.
 */
import { legendSwatch } from '../symbology/legend-swatch';
import type { DrawOperation, ImageSlot, Point } from './snapshot-draw';
import { type PageSettings, POINTS_PER_UNIT } from './snapshot-layout';
import type { Product } from './snapshot-product';
import type { Measure, TextStyle } from './snapshot-text';

/** The family the product fonts are registered under, in the page (canvas) and in the PDF. */
export const PRODUCT_FONT_FAMILY = 'Katsit Noto Sans';
const FONT_STACK = `"${PRODUCT_FONT_FAMILY}", Helvetica, Arial, "Liberation Sans", sans-serif`;

const canvasFont = (style: TextStyle) =>
  `${style.italic ? 'italic ' : ''}${style.bold ? 'bold ' : ''}${style.size}px ${FONT_STACK}`;

/** Measures text with the canvas fonts: the embedded font once it is loaded. */
export function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d');
  return (text, style) => {
    if (!context) return text.length * style.size * 0.55;
    context.font = canvasFont(style);
    return context.measureText(text).width;
  };
}

/** The images a product draws besides its vectors. */
export type ProductImages = Partial<Record<ImageSlot, CanvasImageSource & { width: number; height: number }>>;

/** The whole page at `pixelRatio` device pixels per layout unit. */
export function renderToCanvas(
  product: Product,
  images: ProductImages,
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
  for (const operation of product.operations) drawOnCanvas(context, operation, images, pixelRatio);
  return canvas;
}

function drawOnCanvas(
  context: CanvasRenderingContext2D,
  operation: DrawOperation,
  images: ProductImages,
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
      for (const ring of operation.rings) {
        tracePath(context, ring);
        context.closePath();
      }
      if (operation.fill) {
        context.fillStyle = operation.fill;
        context.fill('evenodd');
      }
      if (operation.stroke) {
        context.strokeStyle = operation.stroke;
        context.lineWidth = operation.lineWidth ?? 1;
        context.stroke();
      }
      return;
    case 'circle':
      context.beginPath();
      context.arc(operation.x, operation.y, operation.radius, 0, Math.PI * 2);
      context.fillStyle = operation.fill;
      context.fill();
      context.strokeStyle = operation.stroke;
      context.lineWidth = operation.lineWidth;
      context.stroke();
      return;
    case 'image': {
      const image = images[operation.slot];
      if (image) context.drawImage(image, operation.x, operation.y, operation.width, operation.height);
      return;
    }
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

function tracePath(context: CanvasRenderingContext2D, points: readonly Point[]): void {
  points.forEach(([x, y], index) => {
    if (index === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
  });
}

/** Font files for the PDF, base64-encoded TTF (jsPDF subsets them to the glyphs used). */
export interface PdfFonts {
  regular: string;
  bold: string;
  italic: string;
}

/** What one PDF page draws: its product and images (the map as JPEG bytes, encoded off the main thread). */
export interface PdfPage {
  product: Product;
  images: Partial<Record<ImageSlot, Uint8Array>>;
  settings: PageSettings;
}

/** Lets the page breathe between long synchronous steps. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Pages as one PDF, each exactly its paper size in its orientation; null fonts fall back to Helvetica. */
export async function renderToPdf(
  pages: readonly PdfPage[],
  fonts: PdfFonts | null,
  signal?: AbortSignal,
): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const formatOf = ({ product, settings }: PdfPage) => {
    const { page } = product.layout;
    return {
      orientation: page.width >= page.height ? ('landscape' as const) : ('portrait' as const),
      format:
        settings.paper === 'screen'
          ? [page.width * POINTS_PER_UNIT, page.height * POINTS_PER_UNIT]
          : settings.paper.toLowerCase(),
    };
  };
  const first = pages[0];
  if (!first) throw new Error('No page to write');
  const document_ = new jsPDF({ ...formatOf(first), unit: 'pt', compress: true });
  if (fonts) {
    for (const [style, data] of Object.entries(fonts)) {
      document_.addFileToVFS(`NotoSans-${style}.ttf`, data);
      document_.addFont(`NotoSans-${style}.ttf`, PRODUCT_FONT_FAMILY, style === 'regular' ? 'normal' : style);
    }
  }
  const swatches = new Map<unknown, HTMLCanvasElement>();
  for (const [index, page] of pages.entries()) {
    if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
    if (index > 0) {
      const { format, orientation } = formatOf(page);
      document_.addPage(format, orientation);
    }
    drawPdfPage(document_, page, fonts !== null, swatches);
    await yieldToPage();
  }
  return document_.output('blob');
}

type JsPdf = InstanceType<typeof import('jspdf').jsPDF>;

function drawPdfPage(
  document_: JsPdf,
  { product, images }: PdfPage,
  embedded: boolean,
  swatches: Map<unknown, HTMLCanvasElement>,
): void {
  const scale = (value: number) => value * POINTS_PER_UNIT;
  const path = (rings: readonly (readonly Point[])[]) => {
    for (const ring of rings) {
      ring.forEach(([x, y], index) => {
        if (index === 0) document_.moveTo(scale(x), scale(y));
        else document_.lineTo(scale(x), scale(y));
      });
      document_.close();
    }
  };
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
      case 'text': {
        const style = operation.bold ? 'bold' : operation.italic ? 'italic' : 'normal';
        if (embedded) document_.setFont(PRODUCT_FONT_FAMILY, style);
        else document_.setFont('helvetica', operation.bold && operation.italic ? 'bolditalic' : style);
        document_.setFontSize(scale(operation.size));
        document_.setTextColor(operation.color);
        // Helvetica (the fallback) has no narrow no-break space: print a plain space rather than a stray glyph.
        const text = embedded ? operation.text : operation.text.replace(/[\u202f\u00a0]/g, ' ');
        document_.text(text, scale(operation.x), scale(operation.y), { align: operation.align ?? 'left' });
        break;
      }
      case 'line':
        document_.setDrawColor(operation.color);
        document_.setLineWidth(scale(operation.width));
        for (let index = 1; index < operation.points.length; index++) {
          const [x1, y1] = operation.points[index - 1] ?? [0, 0];
          const [x2, y2] = operation.points[index] ?? [0, 0];
          document_.line(scale(x1), scale(y1), scale(x2), scale(y2));
        }
        break;
      case 'polygon':
        if (operation.fill) document_.setFillColor(operation.fill);
        if (operation.stroke) {
          document_.setDrawColor(operation.stroke);
          document_.setLineWidth(scale(operation.lineWidth ?? 1));
        }
        path(operation.rings);
        if (operation.fill && operation.stroke) document_.fillStrokeEvenOdd();
        else if (operation.fill) document_.fillEvenOdd();
        else document_.stroke();
        break;
      case 'circle':
        document_.setFillColor(operation.fill);
        document_.setDrawColor(operation.stroke);
        document_.setLineWidth(scale(operation.lineWidth));
        document_.circle(scale(operation.x), scale(operation.y), scale(operation.radius), 'FD');
        break;
      case 'image': {
        const bytes = images[operation.slot];
        if (!bytes) break;
        // JPEG: jsPDF embeds the bytes as they are (no PNG decoder is bundled).
        document_.addImage(
          bytes,
          'JPEG',
          scale(operation.x),
          scale(operation.y),
          scale(operation.width),
          scale(operation.height),
          undefined,
          'NONE',
        );
        break;
      }
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
}

/** A copy of a (possibly transparent) image on white, so it can be embedded as JPEG. */
export function onWhite(image: CanvasImageSource & { width: number; height: number }): HTMLCanvasElement {
  const copy = document.createElement('canvas');
  copy.width = image.width;
  copy.height = image.height;
  const context = copy.getContext('2d');
  if (!context) throw new Error('2D canvas unavailable');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, copy.width, copy.height);
  context.drawImage(image, 0, 0);
  return copy;
}

/** JPEG bytes of a canvas, encoded by the browser off the main thread. */
export async function jpegBytes(canvas: HTMLCanvasElement, quality = 0.9): Promise<Uint8Array> {
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (result) => (result ? resolve(result) : reject(new Error('JPEG encoding failed'))),
      'image/jpeg',
      quality,
    ),
  );
  return new Uint8Array(await blob.arrayBuffer());
}

/** PNG bytes of a canvas, encoded by the browser off the main thread. */
export function pngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (result) => (result ? resolve(result) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}
