/**
 * Owns the MapLibre map and its interleaved deck.gl overlay: the one place
 * that touches either library's instance. Everything else speaks to it
 * through a small adapter: layer lists and styles in; camera, projection and
 * capture through plain numbers (camera.ts); pointer and camera events through
 * `on(name, listener)`, registered after construction, each returning its
 * unsubscribe.
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { PMTiles, Protocol } from 'pmtiles';
import { basemapAttributionOf, type DrawnReferenceLayer, referenceLayersOf } from './basemap-attribution';
import type { Bounds, Camera, CameraTransition, Padding, Position, ScreenPoint } from './camera';
import { canvasFit } from './canvas-fit';
import { createLayerSteps } from './layer-steps';
import { gatePicking, type PickGate } from './pick-gate';
import { drawnInPass } from './picking';
import {
  ADMIN_LABELS_LAYER_ID,
  type CapturedMap,
  type CaptureSurface,
  captureFrame,
} from './snapshot-capture';

// Without this the bundled MapLibre looks for its worker next to a chunk that does not exist.
maplibregl.setWorkerUrl(workerUrl);

/** The performance mark set when the basemap has first drawn (its first idle), read by the browser benchmark and tests. */
const FIRST_IDLE_MARK = 'katsit:first-idle';

/** The part of deck.gl's luma.gl device that sizes its drawing buffer. */
interface CanvasDevice {
  getDefaultCanvasContext(): { setDrawingBufferSize(width: number, height: number): void };
}

/** Haiti's extent, with a little sea around it. */
export const HAITI_BOUNDS: [[number, number], [number, number]] = [
  [-74.55, 17.95],
  [-71.6, 20.15],
];

const CLICK_RADIUS_PIXELS = 4;
/** How long the mouse rests before the map picks what is under it for the hover feedback (pick-gate.ts). */
const HOVER_REST_MILLISECONDS = 80;

/** A click on the map: what deck.gl picked under it (if anything) and where it landed. */
export interface MapClick extends Position {
  info: PickingInfo | null;
}

/** What the map reports, by event name, with the value each listener receives. */
export interface MapViewEvents {
  hover: PickingInfo;
  click: MapClick;
  'double-click': Position;
  'pointer-move': Position;
  /** The view starts moving: hover feedback no longer matches what is under the pointer. */
  'move-start': undefined;
  /** The view moved (every frame of a drag or a flight). */
  move: undefined;
  'move-end': undefined;
  /** A zoom finished; the value is the new zoom. */
  'zoom-end': number;
}

type Listener<Name extends keyof MapViewEvents> = (value: MapViewEvents[Name]) => void;
type Listeners = { [Name in keyof MapViewEvents]: Set<Listener<Name>> };

export interface MapViewOptions {
  container: HTMLElement;
  style: maplibregl.StyleSpecification;
  /** MapLibre's own control texts, by key; its English defaults where left out. */
  locale?: Record<string, string>;
}

export class MapView {
  private readonly map: maplibregl.Map;
  /** Made after the map's first idle, from deck.gl loaded apart from the start-up bundle. */
  private overlay: MapLibreOverlay | null = null;
  /** Keeps deck from picking while the pointer is pressed or moving (pick-gate.ts); made with the overlay. */
  private pickGate: PickGate | null = null;
  private layers: Layer[] = [];
  /**
   * How many of `layers` deck draws: none until the map's first idle, then more each frame until
   * all (Infinity), one new shader program a frame (layer-steps.ts): linking one takes hundreds of
   * milliseconds on software WebGL; the basemap shows first and the layers follow.
   */
  private shownLayers = 0;
  /** Resolves at the map's first idle, before any deck layer is drawn. */
  private readonly firstIdle: Promise<void>;
  /** Resolves once every layer has been handed to deck. */
  private readonly overlayComplete: Promise<void>;
  /** Resolves at the first `setLayers`: until the app has said what to draw, the overlay is not complete. */
  private markLayersGiven: () => void = () => undefined;
  /** False while a capture runs: the product draws the admin names itself (products/product-labels.ts). */
  private adminLabelsShown = true;
  /** The style's first label layer: deck layers draw just below it, so labels stay readable. */
  private labelLayerId: string | undefined;
  /** The stored basemap's source as its style names it, for products. */
  private attribution: string | undefined;
  /** The reference layers the style draws, for products' legend and sources. */
  private references: DrawnReferenceLayer[];
  /** Serves `pmtiles://` URLs from archives on the device; made when the first one is added. */
  private tileArchives: Protocol | null = null;
  private readonly listeners: Listeners = {
    hover: new Set(),
    click: new Set(),
    'double-click': new Set(),
    'pointer-move': new Set(),
    'move-start': new Set(),
    move: new Set(),
    'move-end': new Set(),
    'zoom-end': new Set(),
  };

  constructor(options: MapViewOptions) {
    this.labelLayerId = firstLabelLayer(options.style);
    this.attribution = basemapAttributionOf(options.style);
    this.references = referenceLayersOf(options.style);
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
      locale: options.locale ?? {},
      // Rotation is rarely wanted for site maps and makes the north arrow lie.
      dragRotate: false,
      pitchWithRotate: false,
      // The container is followed below (fitCanvasToContainer): a shorter map keeps its canvas.
      trackResize: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');

    const layersGiven = new Promise<void>((resolve) => {
      this.markLayersGiven = resolve;
    });
    this.firstIdle = new Promise((resolve) =>
      this.map.once('idle', () => {
        // Before anything that waits for this moment starts: the browser benchmark and tests
        // read which files were fetched before the basemap first drew.
        performance.mark(FIRST_IDLE_MARK);
        resolve();
      }),
    );
    // Deck joins the map after its first idle: its code (not in the start-up bundle), device,
    // shaders and layers never hold back the basemap.
    const overlayModule = this.firstIdle.then(() => import('@deck.gl/maplibre'));
    this.overlayComplete = Promise.all([overlayModule, layersGiven]).then(([{ MapLibreOverlay }]) => {
      this.overlay = new MapLibreOverlay({
        interleaved: true,
        layers: [],
        layerFilter: drawnInPass,
        onHover: (info) => this.emit('hover', info),
        getCursor: ({ isDragging, isHovering }) =>
          isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab',
      });
      this.map.addControl(this.overlay);
      const overlay = this.overlay;
      const canvas = this.map.getCanvas();
      this.pickGate = gatePicking(
        {
          container: options.container,
          // Deck's own switch (an experimental prop): off, a pick draws and reads nothing.
          setPickable: (pickable) => overlay.setProps({ _pickable: pickable }),
          // Deck's hover listens to mouse events (mjolnir's move input), which follow each pointer event.
          replay: (clientX, clientY) =>
            canvas.dispatchEvent(new MouseEvent('mousemove', { clientX, clientY, bubbles: true })),
          isMoving: () => this.map.isMoving(),
        },
        HOVER_REST_MILLISECONDS,
      );
      return this.showLayersByProgram();
    });
    // Clicks are picked here rather than through deck's onClick: deck drops clicks whose
    // pointer-down and pointer-up arrive in the same task (fast taps, synthetic clicks),
    // and a small radius makes small symbols easy to hit on a tablet.
    this.map.on('click', (event) => {
      // Until deck has joined the map there is nothing of it to pick.
      const info =
        this.shownLayers === 0
          ? null
          : this.pickGate?.pickNow(() =>
              this.overlay?.pickObject({
                x: event.point.x,
                y: event.point.y,
                radius: CLICK_RADIUS_PIXELS,
              }),
            );
      this.emit('click', { info: info ?? null, longitude: event.lngLat.lng, latitude: event.lngLat.lat });
    });
    this.map.on('dblclick', (event) =>
      this.emit('double-click', { longitude: event.lngLat.lng, latitude: event.lngLat.lat }),
    );
    this.map.on('mousemove', (event) =>
      this.emit('pointer-move', { longitude: event.lngLat.lng, latitude: event.lngLat.lat }),
    );
    this.map.on('zoomend', () => this.emit('zoom-end', this.map.getZoom()));
    this.map.on('movestart', () => this.emit('move-start', undefined));
    this.map.on('move', () => this.emit('move', undefined));
    this.map.on('moveend', () => this.emit('move-end', undefined));
    // MapLibre's own observer is off (`trackResize`): it skipped its first notice, so a panel or
    // a wrapping header that changed the container right after start-up left the canvas at its
    // old size, and it resized the canvas when only the site table made the map shorter.
    new ResizeObserver(() => this.fitCanvasToContainer()).observe(options.container);
    // A resize from elsewhere (a capture's restore) sizes the canvas to the container: nothing covered.
    this.map.on('resize', () => this.coverBottom(0));
  }

  /** Listens to one of the map's events; returns the function that stops listening. */
  on<Name extends keyof MapViewEvents>(name: Name, listener: Listener<Name>): () => void {
    const listeners = this.listeners[name] as Set<Listener<Name>>;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  private emit<Name extends keyof MapViewEvents>(name: Name, value: MapViewEvents[Name]): void {
    for (const listener of this.listeners[name] as Set<Listener<Name>>) listener(value);
  }

  /**
   * Follows the container (canvas-fit.ts): resizes the canvas when it is too small or of another
   * width; when the container only got shorter (the site table opened), keeps the canvas, whose
   * reallocation froze the page on software WebGL, and leaves the hidden strip out of the camera.
   */
  private fitCanvasToContainer(): void {
    const canvas = this.map.getCanvas();
    const container = this.map.getContainer();
    const ratio = this.map.getPixelRatio();
    const fit = canvasFit(
      { width: canvas.width / ratio, height: canvas.height / ratio },
      { width: container.clientWidth, height: container.clientHeight },
    );
    if (fit.resize) this.map.resize();
    else this.coverBottom(fit.coveredBottom);
  }

  /** Sets the camera's bottom padding to the strip of canvas hidden below the container. */
  private coverBottom(pixels: number): void {
    const padding = this.map.getPadding();
    if (padding.bottom !== pixels) this.map.setPadding({ ...padding, bottom: pixels });
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
    this.markLayersGiven();
    if (layers.length === this.layers.length && layers.every((layer, index) => layer === this.layers[index]))
      return;
    this.layers = layers;
    this.drawLayers();
  }

  /**
   * Adds the layers to deck a few per drawn frame, one new shader program per frame (layer-steps.ts),
   * yielding to input between frames; resolves when all are in.
   */
  private async showLayersByProgram(): Promise<void> {
    const steps = createLayerSteps();
    while (this.shownLayers < this.layers.length) {
      this.shownLayers = steps.next(this.layers, this.shownLayers);
      this.drawLayers();
      // Deck takes new layers in its own animation frame and links a program when it first draws
      // it: a map render before that frame would end the step with nothing of it drawn, and the
      // next frame would link two steps' programs at once.
      await animationFrame();
      await new Promise<void>((resolve) => {
        this.map.once('render', () => setTimeout(resolve, 0));
        this.map.triggerRepaint();
      });
    }
    this.shownLayers = Number.POSITIVE_INFINITY;
    this.drawLayers();
  }

  /** Hands the layers to deck, below the style's labels when it has any (above everything otherwise). */
  private drawLayers(): void {
    if (this.shownLayers === 0 || !this.overlay) return;
    const beforeId = this.labelLayerId;
    // Hidden by a clone, never by leaving it out: deck cannot initialise a layer instance twice.
    const layers = this.layers
      .slice(0, this.shownLayers)
      .map((layer) =>
        layer.id === ADMIN_LABELS_LAYER_ID
          ? layer.clone({ visible: layer.props.visible && this.adminLabelsShown })
          : layer,
      );
    this.overlay.setProps({
      // `beforeId` is the interleaved overlay's own prop, which deck's base layer type does not declare.
      layers: beforeId ? layers.map((layer) => layer.clone({ beforeId } as Partial<Layer['props']>)) : layers,
    });
  }

  /** Swaps the basemap style; the interleaved overlay re-inserts its layers itself. */
  setStyle(style: maplibregl.StyleSpecification): void {
    this.attribution = basemapAttributionOf(style);
    this.references = referenceLayersOf(style);
    const labelLayerId = firstLabelLayer(style);
    this.map.setStyle(style);
    if (labelLayerId === this.labelLayerId) return;
    this.labelLayerId = labelLayerId;
    this.drawLayers();
    // The overlay places its layer groups when the style reports itself loaded, which a style
    // that loads sources first may not yet do; handing the layers over again once the map has
    // settled puts them below the labels instead of leaving them drawn on top of everything.
    void this.whenIdle().then(() => this.drawLayers());
  }

  /** The source of a stored basemap drawn now ("© OpenStreetMap…"), printed by map products; none for the embedded one. */
  basemapAttribution(): string | undefined {
    return this.attribution;
  }

  /** The reference layers drawn now (name, colour, source), printed by map products. */
  referenceLayers(): readonly DrawnReferenceLayer[] {
    return this.references;
  }

  /**
   * Lets styles read tiles from a PMTiles archive on the device through
   * `pmtiles://<key>/{z}/{x}/{y}` URLs. The protocol is registered with MapLibre
   * on first use; the reader is loaded only then, so it stays out of the main bundle.
   */
  async addTileArchive(archive: PMTiles): Promise<void> {
    if (!this.tileArchives) {
      const { Protocol } = await import('pmtiles');
      this.tileArchives ??= new Protocol();
      maplibregl.addProtocol('pmtiles', this.tileArchives.tile);
    }
    this.tileArchives.add(archive);
  }

  /** Resolves at the map's first idle: the basemap drawn, the deck layers not yet (they follow). */
  whenFirstIdle(): Promise<void> {
    return this.firstIdle;
  }

  /** Resolves once the map has loaded and finished drawing every tile and layer. */
  async whenIdle(): Promise<void> {
    await this.overlayComplete;
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve());
      if (this.map.loaded() && !this.map.isMoving()) this.map.triggerRepaint();
    });
  }

  /** The camera as it is now. */
  getCamera(): Camera {
    const center = this.map.getCenter();
    return {
      longitude: center.lng,
      latitude: center.lat,
      zoom: this.map.getZoom(),
      bearing: this.map.getBearing(),
      pitch: this.map.getPitch(),
    };
  }

  /** Moves the camera; parts left out stay as they are. */
  setCamera(camera: Partial<Camera>, transition: CameraTransition = 'jump'): void {
    const options: maplibregl.CameraOptions = {
      zoom: camera.zoom,
      bearing: camera.bearing,
      pitch: camera.pitch,
    };
    if (camera.longitude !== undefined && camera.latitude !== undefined)
      options.center = [camera.longitude, camera.latitude];
    if (transition === 'ease') this.map.easeTo(options);
    else if (transition === 'fly') this.map.flyTo(options);
    else this.map.jumpTo(options);
  }

  /**
   * Pans by a screen offset at once and resolves when the frame that shows it
   * has been drawn (what frame-time measurements and keyboard panning need).
   */
  panByAndRender(offset: ScreenPoint): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('render', () => resolve());
      this.map.panBy([offset.x, offset.y], { duration: 0 });
    });
  }

  /** True while the camera is animating or being dragged. */
  isMoving(): boolean {
    return this.map.isMoving();
  }

  /** Flies to a place, to `zoom` (13 when left out) but never zooming out. */
  flyTo(longitude: number, latitude: number, zoom?: number): void {
    this.map.flyTo({ center: [longitude, latitude], zoom: Math.max(zoom ?? 13, this.map.getZoom()) });
  }

  /** Animates the camera so the bounds fill the view, minus the padding. */
  fitBounds(bounds: Bounds, options: { padding?: Padding; maxZoom?: number } = {}): void {
    this.map.fitBounds(
      [
        [bounds.west, bounds.south],
        [bounds.east, bounds.north],
      ],
      options,
    );
  }

  /** The geographic extent the view shows now. */
  visibleBounds(): Bounds {
    const bounds = this.map.getBounds();
    return {
      west: bounds.getWest(),
      south: bounds.getSouth(),
      east: bounds.getEast(),
      north: bounds.getNorth(),
    };
  }

  /** Screen position (CSS pixels, relative to the map container) of a coordinate. */
  project(longitude: number, latitude: number): ScreenPoint {
    const point = this.map.project([longitude, latitude]);
    return { x: point.x, y: point.y };
  }

  /** The coordinate under a screen position (CSS pixels, relative to the map container). */
  unproject(x: number, y: number): Position {
    const position = this.map.unproject([x, y]);
    return { longitude: position.lng, latitude: position.lat };
  }

  /** The size of the map's container in CSS pixels. */
  containerSize(): { width: number; height: number } {
    const container = this.map.getContainer();
    return { width: container.clientWidth, height: container.clientHeight };
  }

  /** The map canvas, which takes keyboard focus (arrows pan, + and − zoom). */
  canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  /** Sets the pointer's look over the map ('' restores the default). */
  setCursor(cursor: string): void {
    this.map.getCanvas().style.cursor = cursor;
  }

  /** Turns double-click zooming on or off (a double-click also finishes a drawn polygon). */
  setDoubleClickZoom(enabled: boolean): void {
    if (enabled) this.map.doubleClickZoom.enable();
    else this.map.doubleClickZoom.disable();
  }

  /**
   * Renders the map at a frame's size, pixel ratio and camera and returns a copy of its
   * pixels, then puts everything back (snapshot-capture.ts); captures run one after another,
   * and an aborted one puts everything back at once.
   */
  capture(
    frame: { width: number; height: number },
    pixelRatio: number,
    camera: Camera,
    signal?: AbortSignal,
  ): Promise<CapturedMap> {
    return captureFrame(this.captureSurface(), frame, pixelRatio, camera, signal);
  }

  /**
   * Tells deck.gl the drawing-buffer size MapLibre gave the canvas. In interleaved mode deck
   * learns it from a ResizeObserver and its own pixel ratio (the screen's); at a product's
   * pixel ratio it kept the old size, set that viewport, and drew every deck layer into one
   * corner of the frame (the basemap, drawn by MapLibre, stayed whole). Called before each
   * capture draw and after the restore.
   */
  private syncOverlayDrawingBuffer(): void {
    // Neither the overlay's Deck nor its luma.gl device is public API: reached by name, shaped here.
    const deck: unknown = this.overlay ? Reflect.get(this.overlay, '_deck') : undefined;
    const device = deck ? (Reflect.get(deck, 'device') as CanvasDevice | null | undefined) : undefined;
    const canvas = this.map.getCanvas();
    device?.getDefaultCanvasContext().setDrawingBufferSize(canvas.width, canvas.height);
  }

  private captureSurface(): CaptureSurface {
    const map = this.map;
    return {
      container: map.getContainer(),
      getCamera: () => this.getCamera(),
      setCamera: (camera) => this.setCamera(camera),
      getRendering: () => ({ pixelRatio: map.getPixelRatio(), minZoom: map.getMinZoom() }),
      setRendering: ({ pixelRatio, minZoom }) => {
        map.setMinZoom(minZoom);
        // One resize, not two: setPixelRatio resizes already, and each resize of a 300 ppi
        // drawing buffer held the main thread for seconds on SwiftShader.
        if (map.getPixelRatio() !== pixelRatio) map.setPixelRatio(pixelRatio);
        else map.resize();
        this.syncOverlayDrawingBuffer();
      },
      whenIdle: () => this.whenIdle(),
      setAdminLabelsShown: (shown) => {
        this.adminLabelsShown = shown;
        this.drawLayers();
      },
      afterNextRender: (read) => {
        this.syncOverlayDrawingBuffer();
        map.once('render', () => read(map.getCanvas()));
        map.triggerRepaint();
      },
      repaint: () => {
        this.syncOverlayDrawingBuffer();
        map.triggerRepaint();
      },
    };
  }
}

/** The id of the style's first symbol layer, if it has one. */
function firstLabelLayer(style: maplibregl.StyleSpecification): string | undefined {
  return style.layers.find((layer) => layer.type === 'symbol')?.id;
}

/** Resolves in the next animation frame, after the callbacks asked for before it (deck's loop). */
function animationFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
