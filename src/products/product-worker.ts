/**
 * The main thread's side of the product worker (workers/product.worker.ts),
 * started on the first export that needs it, never at start-up: the map's
 * pixels go over as a transfer (no copy) and come back as JPEG bytes; pages
 * go over and come back as one PDF.
 */
import { type Remote, transfer, wrap } from 'comlink';
import type { ProductApi } from '../../workers/product-api';
import type { CapturedMap, MapPixels } from '../map/snapshot-capture';
import { jpegBytes, type PdfFonts, type PdfPage } from '../map/snapshot-render';

let remote: Remote<ProductApi> | undefined;

function productWorker(): Remote<ProductApi> {
  remote ??= wrap<ProductApi>(
    new Worker(new URL('../../workers/product.worker.ts', import.meta.url), {
      type: 'module',
      name: 'katsit-products',
    }),
  );
  return remote;
}

const isPixels = (captured: CapturedMap): captured is MapPixels => 'pixels' in captured;

/** JPEG bytes of a captured map: encoded in the worker (a canvas copy is encoded by the browser). */
export function mapJpeg(captured: CapturedMap, quality: number): Promise<Uint8Array> {
  if (!isPixels(captured)) return jpegBytes(captured, quality);
  return productWorker().encodeMap(transfer(captured, [captured.pixels.buffer]), quality);
}

/** A captured map as something a 2D canvas draws, the right way up. */
export function drawableMap(captured: CapturedMap): Promise<ImageBitmap> | HTMLCanvasElement {
  if (!isPixels(captured)) return captured;
  const image = new ImageData(new Uint8ClampedArray(captured.pixels.buffer), captured.width, captured.height);
  return createImageBitmap(image, { imageOrientation: 'flipY' });
}

/** The pages as one PDF, written in the worker. */
export function pdfInWorker(pages: PdfPage[], fonts: PdfFonts | null): Promise<Blob> {
  return productWorker().writePdf(pages, fonts);
}
