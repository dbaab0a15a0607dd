/**
 * The words MapView speaks about the camera, in plain numbers: no MapLibre
 * type crosses its boundary, so the rest of the app never depends on it.
 */

/** Where the map looks: centre in degrees, MapLibre zoom, bearing and pitch in degrees. */
export interface Camera {
  longitude: number;
  latitude: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

/** West, south, east, north in degrees. */
export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** A position on the map's container, in CSS pixels from its top-left corner. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** A geographic position in degrees. */
export interface Position {
  longitude: number;
  latitude: number;
}

/** Space to keep free around bounds being fitted, in CSS pixels. */
export type Padding = number | { top: number; bottom: number; left: number; right: number };

/** How a camera change happens: at once, or animated. */
export type CameraTransition = 'jump' | 'ease' | 'fly';
