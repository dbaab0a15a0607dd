/**
 * The product worker's API: the heavy, pixel-free steps of a map product,
 * off the main thread. The map's pixels arrive as read back from WebGL
 * (bottom row first) and leave as JPEG bytes; pages leave as one PDF.
 */
import type { MapPixels } from '../src/map/snapshot-capture';
import type { PdfFonts, PdfPage } from '../src/map/snapshot-render';
import { writePdf } from '../src/products/product-pdf';

export const productApi = {
  /** JPEG bytes of captured map pixels, turned the right way up. */
  async encodeMap(map: MapPixels, quality: number): Promise<Uint8Array> {
    const image = new ImageData(new Uint8ClampedArray(map.pixels.buffer), map.width, map.height);
    const bitmap = await createImageBitmap(image, { imageOrientation: 'flipY' });
    const canvas = new OffscreenCanvas(map.width, map.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('2D canvas unavailable');
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    return new Uint8Array(await blob.arrayBuffer());
  },
  /** The pages as one PDF. */
  writePdf(pages: PdfPage[], fonts: PdfFonts | null): Promise<Blob> {
    return writePdf(pages, fonts);
  },
};

export type ProductApi = typeof productApi;
