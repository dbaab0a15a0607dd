/**
 * Renders the live map at a product's map-frame size and pixel ratio and
 * copies its canvas. The container is moved offscreen and resized, the pixel
 * ratio raised, the camera set; once everything is drawn, the canvas is copied
 * right after a render (with WebGL2 into a GPU buffer, read back behind a fence
 * and in slices, so the page never waits on the GPU in one task), and
 * everything is restored. deck.gl draws interleaved
 * into the same canvas, so its layers are in it. MapView supplies the surface
 * (its only caller), so this module never touches MapLibre itself.
 */
import { untilAborted } from '../state/until-aborted';
import type { Camera } from './camera';

/**
 * The deck layer of the admin names (layer-specs.ts): captures leave it out, because a map
 * product draws its own names, placed for its frame (products/product-labels.ts).
 */
export const ADMIN_LABELS_LAYER_ID = 'admin-labels';

/** What a capture needs from the map: MapView builds it over its own MapLibre instance. */
export interface CaptureSurface {
  readonly container: HTMLElement;
  getCamera(): Camera;
  setCamera(camera: Camera): void;
  getRendering(): Rendering;
  /** Applies the pixel ratio and lowest zoom, and resizes the drawing buffer to the container. */
  setRendering(rendering: Rendering): void;
  whenIdle(): Promise<void>;
  /** Shows or hides the admin names: the product draws its own, placed for the frame. */
  setAdminLabelsShown(shown: boolean): void;
  /** Draws once and hands over the canvas right after that render, while its drawing buffer is intact. */
  afterNextRender(read: (canvas: HTMLCanvasElement) => void): void;
  repaint(): void;
}

export interface Rendering {
  pixelRatio: number;
  minZoom: number;
}

let capturing: Promise<unknown> = Promise.resolve();

/**
 * Captures one frame; concurrent captures run one after another. A capture whose `signal` is
 * aborted stops at its next step and puts the live map back at once (rejecting with the
 * signal's reason): a preview nobody waits for must not hold the map, nor restore an old
 * camera over the moves the user makes after closing the composer.
 */
export function captureFrame(
  surface: CaptureSurface,
  frame: { width: number; height: number },
  pixelRatio: number,
  camera: Camera,
  signal?: AbortSignal,
): Promise<CapturedMap> {
  const run = capturing.then(() => {
    // Aborted while queued: the live map was never touched.
    signal?.throwIfAborted();
    return captureNow(surface, frame, pixelRatio, camera, signal);
  });
  capturing = run.catch(() => undefined);
  return run;
}

async function captureNow(
  surface: CaptureSurface,
  frame: { width: number; height: number },
  pixelRatio: number,
  camera: Camera,
  signal: AbortSignal | undefined,
): Promise<CapturedMap> {
  const container = surface.container;
  /** Waits for one step of the capture, or for the abort, whichever comes first. */
  const step = <Value>(promise: Promise<Value>) => untilAborted(promise, signal);
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
  // The product prints the names itself, above the circles and never cut by the frame.
  surface.setAdminLabelsShown(false);
  try {
    // Resizing the drawing buffer is a synchronous call that first waits for every frame the GPU
    // still owes (seconds on a loaded SwiftShader): let that queue drain between tasks first.
    await step(gpuDrained(container));
    const resized = sizeObserved(container, frame);
    // The frame's tiles load at the live pixel ratio first: every tile that arrives redraws the
    // map, and on software WebGL a redraw at print size takes seconds (a series page at a new
    // place spent 20 s there). Tiles do not depend on the ratio, so one print-size draw follows.
    surface.setRendering({ pixelRatio: saved.rendering.pixelRatio, minZoom: 0 });
    surface.setCamera(camera);
    // deck.gl learns the frame's CSS size from a ResizeObserver, delivered after a frame's layout
    // (the surface tells it the drawing-buffer size at each draw): wait for that observation, then
    // draw once more at the new size before copying.
    await step(resized);
    await step(surface.whenIdle());
    await step(gpuDrained(container));
    surface.setRendering({ pixelRatio, minZoom: 0 });
    await step(animationFrames(2));
    await step(surface.whenIdle());
    surface.repaint();
    await step(animationFrames(2));
    await step(surface.whenIdle());
    return await step(copyAfterRender(surface));
  } finally {
    for (const [property = '', value = ''] of savedStyle) {
      if (value) container.style.setProperty(property, value);
      else container.style.removeProperty(property);
    }
    // The lowest zoom stays open until the camera is back, so restoring never clamps it.
    surface.setRendering({ pixelRatio: saved.rendering.pixelRatio, minZoom: 0 });
    surface.setCamera(saved.camera);
    surface.setRendering(saved.rendering);
    surface.setAdminLabelsShown(true);
    // Same reason: let deck see the restored size, then draw the live map once more.
    void animationFrames(2).then(() => surface.repaint());
  }
}

/** Resolves once the map canvas's GPU work queued so far is done (at once without WebGL2). */
async function gpuDrained(container: HTMLElement): Promise<void> {
  const gl = container.querySelector?.('canvas')?.getContext('webgl2');
  if (!gl) return;
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!fence) return;
  gl.flush();
  try {
    await fencePassed(gl, fence);
  } finally {
    gl.deleteSync(fence);
  }
}

/** Polls a fence from fresh tasks (its status only changes between them) until it has passed. */
async function fencePassed(gl: WebGL2RenderingContext, fence: WebGLSync): Promise<void> {
  const started = performance.now();
  while (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) {
    if (gl.isContextLost() || performance.now() - started > READ_TIMEOUT)
      throw new Error('The map image could not be read');
    await nextTask(20);
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

/**
 * The captured map: RGBA pixels read back from WebGL (rows bottom-up, as GL stores them), or a 2D
 * canvas copy where the map canvas has no WebGL2 context.
 */
export type CapturedMap = MapPixels | HTMLCanvasElement;

/** Pixels of a capture, transferable to a worker (no canvas needed to hand them over). */
export interface MapPixels {
  width: number;
  height: number;
  /** RGBA bytes, opaque, bottom row first. */
  pixels: Uint8Array<ArrayBuffer>;
}

/** Bytes read from the GPU per task once the copy is done (tens of milliseconds each on SwiftShader). */
const READ_SLICE_BYTES = 2 * 1024 * 1024;
/** A capture whose pixels the GPU has not produced by then has failed. */
const READ_TIMEOUT = 300_000;

/**
 * Copies the canvas inside the render callback (later, without preserveDrawingBuffer, it may be
 * blank). With WebGL2 the copy is asynchronous: the pixels go into a GPU buffer behind a fence,
 * and are read once the fence has passed, in slices, so the page never waits on the GPU in one
 * long task (a 300 ppi A4 frame on SwiftShader held the main thread for 35 s in a 2D drawImage).
 */
function copyAfterRender(surface: CaptureSurface): Promise<CapturedMap> {
  return new Promise((resolve, reject) => {
    surface.afterNextRender((source) => {
      try {
        const gl = source.getContext('webgl2');
        if (gl) readPixelsAsync(gl).then(resolve, reject);
        else resolve(copyCanvas(source));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function copyCanvas(source: HTMLCanvasElement): HTMLCanvasElement {
  const copy = document.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  const context = copy.getContext('2d');
  if (!context) throw new Error('2D canvas unavailable');
  context.drawImage(source, 0, 0);
  return copy;
}

/** Runs `use` with a pixel-pack buffer bound, and puts back the bindings MapLibre's state cache expects. */
function withPackBuffer<Result>(gl: WebGL2RenderingContext, buffer: WebGLBuffer, use: () => Result): Result {
  const previous = gl.getParameter(gl.PIXEL_PACK_BUFFER_BINDING) as WebGLBuffer | null;
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
  try {
    return use();
  } finally {
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, previous);
  }
}

async function readPixelsAsync(gl: WebGL2RenderingContext): Promise<MapPixels> {
  const width = gl.drawingBufferWidth;
  const height = gl.drawingBufferHeight;
  const byteLength = width * height * 4;
  const buffer = gl.createBuffer();
  const readFramebuffer = gl.getParameter(gl.READ_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
  const alignment = gl.getParameter(gl.PACK_ALIGNMENT) as number;
  withPackBuffer(gl, buffer, () => {
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, null);
    gl.pixelStorei(gl.PACK_ALIGNMENT, 4);
    gl.bufferData(gl.PIXEL_PACK_BUFFER, byteLength, gl.STREAM_READ);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, 0);
    gl.pixelStorei(gl.PACK_ALIGNMENT, alignment);
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, readFramebuffer);
  });
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  gl.flush();
  try {
    if (fence) await fencePassed(gl, fence);
    const pixels = new Uint8Array(byteLength);
    for (let offset = 0; offset < byteLength; offset += READ_SLICE_BYTES) {
      const length = Math.min(READ_SLICE_BYTES, byteLength - offset);
      withPackBuffer(gl, buffer, () =>
        gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, offset, pixels, offset, length),
      );
      await nextTask(0);
    }
    return { width, height, pixels };
  } finally {
    if (fence) gl.deleteSync(fence);
    gl.deleteBuffer(buffer);
  }
}

const nextTask = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));
