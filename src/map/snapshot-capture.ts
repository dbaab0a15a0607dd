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
  /** A copy of the canvas taken right after the next render. */
  copyAfterRender(): Promise<HTMLCanvasElement>;
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
    surface.setRendering({ pixelRatio, minZoom: 0 });
    surface.setCamera(camera);
    // deck.gl learns the new drawing-buffer size from a ResizeObserver, delivered after the next
    // frame's layout; until then its layers draw into the old-sized corner of the canvas.
    await animationFrames(2);
    await surface.whenIdle();
    return await surface.copyAfterRender();
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

function animationFrames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (remaining: number) => {
      if (remaining === 0) resolve();
      else requestAnimationFrame(() => step(remaining - 1));
    };
    step(count);
  });
}
