/**
 * Renders the live map at a product's map-frame size and pixel ratio and
 * copies its canvas. The container is moved offscreen and resized, the pixel
 * ratio raised, the camera set; once everything is drawn, the canvas is copied
 * right after a render, and everything is restored. deck.gl draws interleaved
 * into the same canvas, so its layers are in it. MapView supplies the surface
 * (its only caller), so this module never touches MapLibre itself.
 */
import type { Camera } from './camera';

/** What a capture needs from the map: MapView builds it over its own MapLibre instance. */
export interface CaptureSurface {
  readonly container: HTMLElement;
  getCamera(): Camera;
  setCamera(camera: Camera): void;
  getRendering(): Rendering;
  /** Applies the pixel ratio and lowest zoom, and resizes the drawing buffer to the container. */
  setRendering(rendering: Rendering): void;
  whenIdle(): Promise<void>;
  /** Draws once and hands over the canvas right after that render, while its drawing buffer is intact. */
  afterNextRender(read: (canvas: HTMLCanvasElement) => void): void;
  repaint(): void;
}

export interface Rendering {
  pixelRatio: number;
  minZoom: number;
}

let capturing: Promise<unknown> = Promise.resolve();

/** Captures one frame; concurrent captures run one after another. */
export function captureFrame(
  surface: CaptureSurface,
  frame: { width: number; height: number },
  pixelRatio: number,
  camera: Camera,
): Promise<HTMLCanvasElement> {
  const run = capturing.then(() => captureNow(surface, frame, pixelRatio, camera));
  capturing = run.catch(() => undefined);
  return run;
}

async function captureNow(
  surface: CaptureSurface,
  frame: { width: number; height: number },
  pixelRatio: number,
  camera: Camera,
): Promise<HTMLCanvasElement> {
  const container = surface.container;
  const saved = { camera: surface.getCamera(), rendering: surface.getRendering() };
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
    const resized = sizeObserved(container, frame);
    surface.setRendering({ pixelRatio, minZoom: 0 });
    surface.setCamera(camera);
    // deck.gl learns the frame's CSS size from a ResizeObserver, delivered after a frame's layout
    // (the surface tells it the drawing-buffer size at each draw): wait for that observation, then
    // draw once more at the new size before copying.
    await resized;
    await animationFrames(2);
    await surface.whenIdle();
    surface.repaint();
    await animationFrames(2);
    await surface.whenIdle();
    return await copyAfterRender(surface);
  } finally {
    for (const [property = '', value = ''] of savedStyle) {
      if (value) container.style.setProperty(property, value);
      else container.style.removeProperty(property);
    }
    // The lowest zoom stays open until the camera is back, so restoring never clamps it.
    surface.setRendering({ pixelRatio: saved.rendering.pixelRatio, minZoom: 0 });
    surface.setCamera(saved.camera);
    surface.setRendering(saved.rendering);
    // Same reason: let deck see the restored size, then draw the live map once more.
    void animationFrames(2).then(() => surface.repaint());
  }
}

/** Resolves once a ResizeObserver has seen the container at the frame's size (or after 3 s). */
function sizeObserved(container: HTMLElement, frame: { width: number; height: number }): Promise<void> {
  // Outside a browser (unit tests over a recording surface) there is nothing to observe.
  if (typeof ResizeObserver === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new ResizeObserver((entries) => {
      const size = entries.at(-1)?.contentRect;
      if (size && Math.abs(size.width - frame.width) < 1 && Math.abs(size.height - frame.height) < 1) done();
    });
    const timer = setTimeout(done, 3000);
    observer.observe(container);
  });
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

/** Copies the canvas inside the render callback: later, without preserveDrawingBuffer, it may be blank. */
function copyAfterRender(surface: CaptureSurface): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    surface.afterNextRender((source) => {
      try {
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
  });
}
