/**
 * Draws a composed product (snapshot-product.ts) into a canvas (PNG), and
 * prepares a PDF page's images (the PDF itself is written in the product
 * worker: products/product-pdf.ts). Both outputs use the same font (Noto
 * Sans, embedded in the PDF when it could be read), so text measured for the
 * layout is the text printed.
 */
import { legendSwatch } from '../symbology/legend-swatch';
import type { LegendSymbol } from './palette';
import type { DrawOperation, ImageSlot, Point } from './snapshot-draw';
import type { PageSettings } from './snapshot-layout';
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
      if (operation.halo) {
        context.strokeStyle = operation.halo.color;
        context.lineWidth = operation.halo.width;
        context.lineJoin = 'round';
        context.strokeText(operation.text, operation.x, operation.y);
      }
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

/** Font files for the PDF: the TTF bytes (jsPDF subsets them to the glyphs used). */
export interface PdfFonts {
  regular: ArrayBuffer;
  bold: ArrayBuffer;
  italic: ArrayBuffer;
}

/**
 * What one PDF page draws: its product, its images as JPEG bytes (encoded off the main thread),
 * and each legend swatch as JPEG bytes under `swatchKey(symbol)`, so the product worker, which
 * has no DOM to draw them, only places them.
 */
export interface PdfPage {
  product: Product;
  images: Partial<Record<ImageSlot, Uint8Array>>;
  swatches: Record<string, Uint8Array>;
  settings: PageSettings;
}

/** The key of a legend symbol's swatch image. */
export const swatchKey = (symbol: LegendSymbol): string => JSON.stringify(symbol);

/** JPEG swatches of every legend symbol a product draws (small: drawn on the page, encoded by the browser). */
export async function pdfSwatches(product: Product): Promise<Record<string, Uint8Array>> {
  const swatches: Record<string, Uint8Array> = {};
  for (const operation of product.operations) {
    if (operation.kind !== 'swatch') continue;
    const key = swatchKey(operation.symbol);
    if (!(key in swatches)) swatches[key] = await jpegBytes(onWhite(legendSwatch(operation.symbol, 6)), 0.92);
  }
  return swatches;
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
