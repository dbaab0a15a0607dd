/**
 * One map product from the app state, a camera and the composer's choices:
 * compose it (snapshot-product.ts), capture the map at the frame's size and
 * the output's resolution, and draw it as a PNG or as a PDF page. Shared by
 * the composer's preview and exports and by the series.
 */
import type { Camera } from '../map/camera';
import type { MapView } from '../map/map-view';
import type { CapturedMap } from '../map/snapshot-capture';
import type { LocatorCountry, ProductMovements } from '../map/snapshot-content';
import { type LogoSize, type SnapshotTexts, snapshotContent } from '../map/snapshot-content';
import { exportZoom, type PageSettings, type Size } from '../map/snapshot-layout';
import { composeProduct, type Measure, type Product } from '../map/snapshot-product';
import {
  canvasMeasure,
  jpegBytes,
  onWhite,
  type PdfPage,
  type ProductImages,
  pdfSwatches,
  pngBlob,
  renderToCanvas,
} from '../map/snapshot-render';
import type { AppState } from '../state/app-state';
import { productLabels } from './product-labels';
import { drawableMap, mapJpeg } from './product-worker';

/** Print resolution of paper PDFs: 300 pixels per inch, over the layout's 96 units per inch. */
export const PRINT_PIXEL_RATIO = 300 / 96;

export interface ProductSettings extends PageSettings {
  /** PNG pixels per layout unit (1×–3×). */
  pixelRatio: number;
}

/** Everything a product is made from besides the state. */
export interface ProductSource {
  view: MapView;
  texts: SnapshotTexts;
  settings: ProductSettings;
  camera: Camera;
  screenMap: Size;
  locator: readonly LocatorCountry[];
  logo: ImageBitmap | null;
  /** The movements shown, with their legend and source (issue 17); absent or null when none are. */
  movements?: ProductMovements | null;
}

const logoSize = (logo: ImageBitmap | null): LogoSize | null =>
  logo ? { width: logo.width, height: logo.height } : null;

/** The product laid out at the zoom the export will render. */
export function composeFrom(state: AppState, source: ProductSource): Product {
  const content = snapshotContent(
    state,
    source.texts,
    new Date(),
    {
      basemapAttribution: source.view.basemapAttribution(),
      references: source.view.referenceLayers(),
      movements: source.movements ?? null,
    },
    {
      locator: source.locator,
      logo: logoSize(source.logo),
    },
  );
  const measure = canvasMeasure();
  const { camera, screenMap, settings } = source;
  // The frame size depends on the layout only; compose once for it, then at the frame's zoom for the scale.
  const draft = composeProduct(content, settings, screenMap, camera, measure);
  const zoom = exportZoom(camera.zoom, screenMap, draft.layout.map);
  const product = composeProduct(content, settings, screenMap, { ...camera, zoom }, measure);
  return withLabels(product, state, { ...camera, zoom }, measure);
}

/**
 * The product with its map's names drawn over the map image and under the frame's furniture
 * (the capture leaves them out of the pixels: snapshot-capture.ts).
 */
function withLabels(product: Product, state: AppState, camera: Camera, measure: Measure): Product {
  const labels = productLabels(state, camera, product.layout.map, product.operations, measure);
  const operations = [...product.operations];
  const mapImage = operations.findIndex(
    (operation) => operation.kind === 'image' && operation.slot === 'map',
  );
  operations.splice(mapImage + 1, 0, ...labels.operations);
  return { ...product, operations };
}

/** Renders the map for a composed product at a pixel ratio (`signal` abandons the capture). */
export function captureFor(
  product: Product,
  source: ProductSource,
  pixelRatio: number,
  signal?: AbortSignal,
): Promise<CapturedMap> {
  const frame = { width: product.layout.map.width, height: product.layout.map.height };
  const zoom = exportZoom(source.camera.zoom, source.screenMap, frame);
  return source.view.capture(frame, pixelRatio, { ...source.camera, zoom }, signal);
}

/** The product as a PNG at the chosen pixel ratio. */
export async function productPng(state: AppState, source: ProductSource): Promise<Blob> {
  const product = composeFrom(state, source);
  const ratio = source.settings.pixelRatio;
  const map = await drawableMap(await captureFor(product, source, ratio));
  const images: ProductImages = { map, ...(source.logo ? { logo: source.logo } : {}) };
  return pngBlob(renderToCanvas(product, images, ratio));
}

/** The pixel ratio of a PDF's map: 300 ppi on paper, at least 2× for a screen-sized page. */
export function pdfPixelRatio(settings: ProductSettings): number {
  return settings.paper === 'screen' ? Math.max(2, settings.pixelRatio) : PRINT_PIXEL_RATIO;
}

/** One PDF page of the product: the map captured at print resolution and encoded as JPEG in the worker. */
export async function productPdfPage(state: AppState, source: ProductSource): Promise<PdfPage> {
  const product = composeFrom(state, source);
  const map = await captureFor(product, source, pdfPixelRatio(source.settings));
  const images: PdfPage['images'] = { map: await mapJpeg(map, 0.88) };
  if (source.logo) images.logo = await jpegBytes(onWhite(source.logo), 0.95);
  return { product, images, swatches: await pdfSwatches(product), settings: source.settings };
}
