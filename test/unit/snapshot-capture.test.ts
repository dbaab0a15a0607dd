/**
 * The capture sequence over a recording surface (the surface is MapView's
 * boundary to MapLibre, so nothing of ours is replaced): it renders at the
 * frame's camera and pixel ratio, always puts the live map back, and never
 * lets two captures interleave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '../../src/map/camera';
import { type CaptureSurface, captureFrame, type Rendering } from '../../src/map/snapshot-capture';

const LIVE: Camera = { longitude: -72.3, latitude: 18.5, zoom: 11, bearing: 0, pitch: 0 };
const LIVE_RENDERING: Rendering = { pixelRatio: 1, minZoom: 5 };

/** Hands the canvas to the reader after a "render": now, later (a held frame), or never readable. */
type Render = (read: (canvas: HTMLCanvasElement) => void) => void;

function recordingSurface(render: Render) {
  const styles = new Map<string, string>([['width', '800px']]);
  const log: string[] = [];
  let camera = LIVE;
  let rendering = LIVE_RENDERING;
  let adminLabels = true;
  const container = {
    style: {
      getPropertyValue: (property: string) => styles.get(property) ?? '',
      setProperty: (property: string, value: string) => styles.set(property, value),
      removeProperty: (property: string) => styles.delete(property),
    },
  } as unknown as HTMLElement;
  const surface: CaptureSurface = {
    container,
    getCamera: () => camera,
    setCamera(next) {
      camera = next;
      log.push(`camera ${next.zoom}`);
    },
    getRendering: () => rendering,
    setRendering(next) {
      rendering = next;
      log.push(`rendering ${next.pixelRatio}/${next.minZoom}`);
    },
    whenIdle: () => {
      log.push('idle');
      return Promise.resolve();
    },
    setAdminLabelsShown(shown) {
      adminLabels = shown;
      log.push(`labels ${shown ? 'on' : 'off'}`);
    },
    afterNextRender(read) {
      log.push('copy');
      render(read);
    },
    repaint: () => undefined,
  };
  return { surface, styles, log, state: () => ({ camera, rendering }), adminLabels: () => adminLabels };
}

/**
 * A WebGL2 context as far as the asynchronous read-back uses it: the fence passes after `pending`
 * polls, and every binding the read changes is recorded, so the test sees them put back.
 */
function webgl2Canvas(pending: number) {
  const bindings = { pack: 'maplibre-pack' as unknown, read: 'maplibre-read' as unknown, alignment: 1 };
  let polls = 0;
  const reads: number[] = [];
  const buffer = { data: new Uint8Array(0) };
  const gl = {
    PIXEL_PACK_BUFFER_BINDING: 1,
    READ_FRAMEBUFFER_BINDING: 2,
    PACK_ALIGNMENT: 3,
    PIXEL_PACK_BUFFER: 4,
    READ_FRAMEBUFFER: 5,
    SYNC_STATUS: 6,
    SIGNALED: 7,
    drawingBufferWidth: 1024,
    drawingBufferHeight: 1500,
    getParameter: (name: number) =>
      name === 1 ? bindings.pack : name === 2 ? bindings.read : bindings.alignment,
    createBuffer: () => buffer,
    bindBuffer: (_target: number, value: unknown) => {
      bindings.pack = value;
    },
    bindFramebuffer: (_target: number, value: unknown) => {
      bindings.read = value;
    },
    pixelStorei: (_name: number, value: number) => {
      bindings.alignment = value;
    },
    bufferData: (_target: number, size: number) => {
      buffer.data = new Uint8Array(size).fill(9);
    },
    readPixels: () => undefined,
    fenceSync: () => ({}),
    flush: () => undefined,
    getSyncParameter: () => (polls++ >= pending ? 7 : 0),
    isContextLost: () => false,
    getBufferSubData: (_target: number, offset: number, into: Uint8Array, at: number, length: number) => {
      reads.push(length);
      into.set(buffer.data.subarray(offset, offset + length), at);
    },
    deleteSync: () => undefined,
    deleteBuffer: () => undefined,
  };
  const canvas = {
    width: 1024,
    height: 1500,
    getContext: (kind: string) => (kind === 'webgl2' ? gl : null),
  } as unknown as HTMLCanvasElement;
  return { canvas, bindings, reads, polls: () => polls };
}

/** A canvas the copy can draw into, or one whose 2D context is lost (the copy then fails). */
const source = (readable: boolean) =>
  ({
    width: 4,
    height: 2,
    getContext: (kind: string) => (readable && kind === '2d' ? { drawImage: () => undefined } : null),
  }) as unknown as HTMLCanvasElement;
const now: Render = (read) => read(source(true));

describe('captureFrame', () => {
  const original = globalThis.requestAnimationFrame;
  const originalDocument = globalThis.document;
  let contextLost = false;
  beforeAll(() => {
    // The copy is drawn into a new canvas: Node has none, so the copy gets the readable or lost kind.
    globalThis.document = { createElement: () => source(!contextLost) } as unknown as Document;
    globalThis.requestAnimationFrame = (callback: FrameRequestCallback) =>
      setTimeout(() => callback(0), 0) as unknown as number;
  });
  afterAll(async () => {
    // Each capture asks for a repaint two frames after restoring: let those frames pass first.
    await new Promise((resolve) => setTimeout(resolve, 20));
    globalThis.requestAnimationFrame = original;
    globalThis.document = originalDocument;
  });

  it('renders at the frame’s camera and pixel ratio, with the lowest zoom opened, then restores the live map', async () => {
    const { surface, styles, log, state } = recordingSurface(now);
    const target: Camera = { ...LIVE, zoom: 9.5 };
    const copy = await captureFrame(surface, { width: 1200, height: 700 }, 2, target);
    expect([copy.width, copy.height]).toEqual([4, 2]);
    // The map's own names are left out of the copy: the product prints them, placed for its frame.
    // The frame's tiles load at the live ratio (a series page spent 20 s redrawing at print size
    // as each tile arrived); the print ratio is set once the map is idle, for the copied draw.
    expect(log.slice(0, log.indexOf('copy') + 1)).toEqual([
      'labels off',
      'rendering 1/0',
      'camera 9.5',
      'idle',
      'rendering 2/0',
      'idle',
      'idle',
      'copy',
    ]);
    expect(log.at(-1)).toBe('labels on');
    expect(state()).toEqual({ camera: LIVE, rendering: LIVE_RENDERING });
    expect(Object.fromEntries(styles)).toEqual({ width: '800px' });
  });

  it('reads a WebGL2 map back behind a fence, in slices, and puts MapLibre’s bindings back', async () => {
    const gl = webgl2Canvas(3);
    const { surface } = recordingSurface((read) => read(gl.canvas));
    const captured = await captureFrame(surface, { width: 1024, height: 1500 }, 1, LIVE);
    expect('pixels' in captured && captured.pixels.every((value) => value === 9)).toBe(true);
    expect([captured.width, captured.height]).toEqual([1024, 1500]);
    // The fence was polled from later tasks, and the 6 MB were read in more than one slice.
    expect(gl.polls()).toBeGreaterThan(3);
    expect(gl.reads.length).toBeGreaterThan(1);
    expect(gl.reads.reduce((sum, length) => sum + length, 0)).toBe(1024 * 1500 * 4);
    expect(gl.bindings).toEqual({ pack: 'maplibre-pack', read: 'maplibre-read', alignment: 1 });
  });

  it('a capture whose copy fails still restores the live camera, pixel ratio, lowest zoom and container style', async () => {
    const { surface, styles, state } = recordingSurface(now);
    contextLost = true;
    const capture = captureFrame(surface, { width: 1200, height: 700 }, 3, { ...LIVE, zoom: 6 });
    await expect(capture).rejects.toThrow('2D canvas unavailable');
    contextLost = false;
    expect(state()).toEqual({ camera: LIVE, rendering: LIVE_RENDERING });
    expect(Object.fromEntries(styles)).toEqual({ width: '800px' });
  });

  it('runs concurrent captures one after another, each on the live map the previous one restored', async () => {
    let release: () => void = () => undefined;
    let held = true;
    const first = recordingSurface((read) => {
      if (!held) return read(source(true));
      held = false;
      release = () => read(source(true));
    });
    const firstCapture = captureFrame(first.surface, { width: 100, height: 100 }, 2, { ...LIVE, zoom: 7 });
    const second = captureFrame(first.surface, { width: 100, height: 100 }, 2, { ...LIVE, zoom: 8 });
    // Until the first capture's copy is held (however long a loaded machine takes to get there).
    while (!first.log.includes('copy')) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(first.log).not.toContain('camera 8');
    release();
    await Promise.all([firstCapture, second]);
    const firstRestore = first.log.indexOf('camera 11');
    expect(firstRestore).toBeGreaterThan(-1);
    expect(first.log.indexOf('camera 8')).toBeGreaterThan(firstRestore);
  });
  it('an aborted capture (the composer closed during its preview) puts the live map back at once and never later', async () => {
    let release: () => void = () => undefined;
    const held = recordingSurface((read) => {
      release = () => read(source(true));
    });
    const controller = new AbortController();
    const capture = captureFrame(
      held.surface,
      { width: 300, height: 200 },
      2,
      { ...LIVE, zoom: 6 },
      controller.signal,
    );
    while (!held.log.includes('copy')) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(capture).rejects.toThrow(/abort/i);
    expect(held.state()).toEqual({ camera: LIVE, rendering: LIVE_RENDERING });
    expect(held.adminLabels()).toBe(true);
    expect(Object.fromEntries(held.styles)).toEqual({ width: '800px' });
    // The user moves the map after closing; the copy the GPU still owed arrives: nothing is restored over it.
    held.surface.setCamera({ ...LIVE, zoom: 12 });
    const entries = held.log.length;
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held.state().camera.zoom).toBe(12);
    expect(held.log.slice(entries).filter((entry) => entry.startsWith('camera'))).toEqual([]);
  });

  it('a capture aborted while it waits behind another never touches the live map', async () => {
    const first = recordingSurface(now);
    const controller = new AbortController();
    const running = captureFrame(first.surface, { width: 100, height: 100 }, 2, { ...LIVE, zoom: 7 });
    const queued = captureFrame(
      first.surface,
      { width: 100, height: 100 },
      2,
      { ...LIVE, zoom: 8 },
      controller.signal,
    );
    controller.abort();
    await running;
    await expect(queued).rejects.toThrow(/abort/i);
    expect(first.log).not.toContain('camera 8');
    expect(first.state()).toEqual({ camera: LIVE, rendering: LIVE_RENDERING });
  });
});
