/**
 * How the map's drawing buffer follows its container. Resizing the canvas
 * reallocates the WebGL drawing buffer: on software WebGL (SwiftShader, the
 * fallback of laptops whose GPU the browser refuses) one resize held the main
 * thread for 450 ms to 800 ms, whatever the number of sites. Opening the site
 * table only makes the map shorter, so the canvas keeps its size and the
 * strip the table covers is left out of the camera with a bottom padding:
 * the centre, fits and flights land in the part still in sight, as they did
 * with a resized canvas, and closing the table needs no resize either.
 */

/** A width and a height in CSS pixels. */
export interface Extent {
  width: number;
  height: number;
}

/** Either resize the canvas to the container, or keep it and leave `coveredBottom` pixels out of the camera. */
export type CanvasFit = { resize: true } | { resize: false; coveredBottom: number };

/** Within this many CSS pixels, two sizes are the same (rounding of device pixels). */
const TOLERANCE = 1;

/**
 * The fit of a canvas (its CSS size) to its container: resized when the
 * width changes or the container grew taller than the canvas; otherwise kept,
 * with the container's shortfall covered.
 */
export function canvasFit(canvas: Extent, container: Extent): CanvasFit {
  const shortfall = canvas.height - container.height;
  if (Math.abs(canvas.width - container.width) > TOLERANCE || shortfall < -TOLERANCE) return { resize: true };
  return { resize: false, coveredBottom: shortfall > TOLERANCE ? Math.round(shortfall) : 0 };
}
