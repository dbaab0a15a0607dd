/**
 * Renders the live map at a product's map-frame size and pixel ratio and
 * copies its canvas. The container is moved offscreen and resized, MapLibre's
 * pixel ratio raised, the camera set; once everything is drawn, the canvas is
 * copied right after a `render` event (the drawing buffer is still intact
 * then, so preserveDrawingBuffer stays off), and everything is restored.
 * deck.gl draws interleaved into the same canvas, so its layers are in it.
 */
import type { MapView } from './map-view';
import type { Size } from './snapshot-layout';

export interface CaptureCamera {
  center: { lng: number; lat: number };
  zoom: number;
  bearing: number;
}

let capturing: Promise<unknown> = Promise.resolve();

/** Captures one frame; concurrent captures run one after another. */
export function captureMap(
  view: MapView,
  frame: Size,
  pixelRatio: number,
  camera: CaptureCamera,
): Promise<HTMLCanvasElement> {
  const run = capturing.then(() => captureNow(view, frame, pixelRatio, camera));
  capturing = run.catch(() => undefined);
  return run;
}

async function captureNow(
  view: MapView,
  frame: Size,
  pixelRatio: number,
  camera: CaptureCamera,
): Promise<HTMLCanvasElement> {
  const map = view.map;
  const container = map.getContainer();
  const saved = {
    pixelRatio: map.getPixelRatio(),
    center: map.getCenter(),
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    minZoom: map.getMinZoom(),
  };
  // Through the CSSOM, not the style attribute: the Content-Security-Policy forbids inline style attributes.
  const frameStyle: Record<string, string> = {
    position: 'fixed',
    left: `-${frame.width + 100}px`,
    top: '0',
    width: `${frame.width}px`,
    height: `${frame.height}px`,
  };
  const savedStyle = Object.keys(frameStyle).map((property) => [
    property,
    container.style.getPropertyValue(property),
  ]);
  for (const [property, value] of Object.entries(frameStyle)) container.style.setProperty(property, value);
  try {
    map.setMinZoom(0);
    map.setPixelRatio(pixelRatio);
    map.resize();
    map.jumpTo({ center: camera.center, zoom: camera.zoom, bearing: camera.bearing });
    // deck.gl learns the new drawing-buffer size from a ResizeObserver, delivered after the next
    // frame's layout; until then its layers draw into the old-sized corner of the canvas.
    await animationFrames(2);
    await view.whenIdle();
    return await copyAfterRender(view);
  } finally {
    for (const [property = '', value = ''] of savedStyle) {
      if (value) container.style.setProperty(property, value);
      else container.style.removeProperty(property);
    }
    map.setPixelRatio(saved.pixelRatio);
    map.resize();
    map.jumpTo({ center: saved.center, zoom: saved.zoom, bearing: saved.bearing });
    map.setMinZoom(saved.minZoom);
    // Same reason: let deck see the restored size, then draw the live map once more.
    void animationFrames(2).then(() => map.triggerRepaint());
  }
}

function animationFrames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (remaining: number) => {
      if (remaining === 0) resolve();
      else requestAnimationFrame(() => step(remaining - 1));
    };
    step(count);
  });
}

function copyAfterRender(view: MapView): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    view.map.once('render', () => {
      try {
        const source = view.map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        const context = copy.getContext('2d');
        if (!context) throw new Error('2D canvas unavailable');
        context.drawImage(source, 0, 0);
        resolve(copy);
      } catch (error) {
        reject(error);
      }
    });
    view.map.triggerRepaint();
  });
}
