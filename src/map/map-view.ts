/**
 * Owns the MapLibre map and its interleaved deck.gl overlay: the one place
 * that touches either library's instance. Everything else hands it layer
 * lists and styles, and listens to its hover / click / zoom callbacks.
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

// Without this the bundled MapLibre looks for its worker next to a chunk that does not exist.
maplibregl.setWorkerUrl(workerUrl);

/** Haiti's extent, with a little sea around it. */
export const HAITI_BOUNDS: [[number, number], [number, number]] = [
  [-74.55, 17.95],
  [-71.6, 20.15],
];

const CLICK_RADIUS_PIXELS = 4;

export interface MapViewOptions {
  container: HTMLElement;
  style: maplibregl.StyleSpecification;
  locale: Record<string, string>;
  onHover: (info: PickingInfo) => void;
  onClick: (info: PickingInfo | null, event: maplibregl.MapMouseEvent) => void;
  onZoom: (zoom: number) => void;
  /** The view starts moving: hover feedback no longer matches what is under the pointer. */
  onMoveStart?: () => void;
}

export class MapView {
  readonly map: maplibregl.Map;
  private readonly overlay: MapLibreOverlay;
  private layers: Layer[] = [];

  constructor(options: MapViewOptions) {
    this.map = new maplibregl.Map({
      container: options.container,
      style: options.style,
      bounds: HAITI_BOUNDS,
      fitBoundsOptions: { padding: 24 },
      maxBounds: [
        [-80, 14],
        [-64, 24],
      ],
      minZoom: 5,
      maxZoom: 18,
      attributionControl: { compact: false },
      locale: options.locale,
      // Rotation is rarely wanted for site maps and makes the north arrow lie.
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');

    this.overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onHover: options.onHover,
      getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
    });
    this.map.addControl(this.overlay);
    // Clicks are picked here rather than through deck's onClick: deck drops clicks whose
    // pointer-down and pointer-up arrive in the same task (fast taps, synthetic clicks),
    // and a small radius makes small symbols easy to hit on a tablet.
    this.map.on('click', (event) => {
      const info = this.overlay.pickObject({
        x: event.point.x,
        y: event.point.y,
        radius: CLICK_RADIUS_PIXELS,
      });
      options.onClick(info ?? null, event);
    });
    this.map.on('zoomend', () => options.onZoom(this.map.getZoom()));
    this.map.on('movestart', () => options.onMoveStart?.());
    // MapLibre skips its resize observer's first notice; a panel or a wrapping header that
    // changes the container right after start-up would leave the canvas at its old size.
    new ResizeObserver(() => this.fitCanvasToContainer()).observe(options.container);
  }

  /** Resizes the map when its drawing buffer no longer matches its container. */
  private fitCanvasToContainer(): void {
    const canvas = this.map.getCanvas();
    const container = this.map.getContainer();
    const ratio = this.map.getPixelRatio();
    const stale =
      Math.abs(canvas.width - container.clientWidth * ratio) > 1 ||
      Math.abs(canvas.height - container.clientHeight * ratio) > 1;
    if (stale) this.map.resize();
  }

  /**
   * Names the canvas (the keyboard's way into the map: arrows pan, + and − zoom) and the zoom
   * buttons in the interface language; MapLibre only sets its English defaults at creation.
   */
  setInterfaceText(text: { canvas: string; zoomIn: string; zoomOut: string }): void {
    this.map.getCanvas().setAttribute('aria-label', text.canvas);
    const container = this.map.getContainer();
    for (const [selector, label] of [
      ['.maplibregl-ctrl-zoom-in', text.zoomIn],
      ['.maplibregl-ctrl-zoom-out', text.zoomOut],
    ] as const) {
      const button = container.querySelector(selector);
      button?.setAttribute('aria-label', label);
      button?.setAttribute('title', label);
    }
  }

  /** Replaces the deck layer list; skipped when nothing changed (same array contents). */
  setLayers(layers: Layer[]): void {
    if (layers.length === this.layers.length && layers.every((layer, index) => layer === this.layers[index]))
      return;
    this.layers = layers;
    this.overlay.setProps({ layers });
  }

  /** Swaps the basemap style (offline ↔ online); the interleaved overlay re-inserts its layers itself. */
  setStyle(style: maplibregl.StyleSpecification): void {
    this.map.setStyle(style);
  }

  /** Resolves once the map has loaded and finished drawing every tile and layer. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.map.loaded() && !this.map.isMoving()) {
        this.map.once('idle', () => resolve());
        this.map.triggerRepaint();
      } else {
        this.map.once('idle', () => resolve());
      }
    });
  }

  flyTo(longitude: number, latitude: number, zoom?: number): void {
    this.map.flyTo({ center: [longitude, latitude], zoom: Math.max(zoom ?? 13, this.map.getZoom()) });
  }

  /** Screen position (CSS pixels, relative to the map container) of a coordinate. */
  project(longitude: number, latitude: number): { x: number; y: number } {
    const point = this.map.project([longitude, latitude]);
    return { x: point.x, y: point.y };
  }
}
