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
    whenIdle: () => Promise.resolve(),
    afterNextRender(read) {
      log.push('copy');
      render(read);
    },
    repaint: () => undefined,
  };
  return { surface, styles, log, state: () => ({ camera, rendering }) };
}

/** A canvas the copy can draw into, or one whose 2D context is lost (the copy then fails). */
const source = (readable: boolean) =>
  ({
    width: 4,
    height: 2,
    getContext: () => (readable ? { drawImage: () => undefined } : null),
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
    expect(log.slice(0, 3)).toEqual(['rendering 2/0', 'camera 9.5', 'copy']);
    expect(state()).toEqual({ camera: LIVE, rendering: LIVE_RENDERING });
    expect(Object.fromEntries(styles)).toEqual({ width: '800px' });
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
});
