/**
 * Service-point symbols, drawn with Canvas 2D so they need no image file or
 * network: one atlas for deck.gl's IconLayer, and the same drawing for legend
 * swatches. Shapes (drop, cross, box) tell the types apart without colour.
 */
import { SERVICE_TYPES, type ServiceType } from '../domain/types';
import { type RGB, SERVICE_BACKGROUND, SERVICE_GLYPH } from './palette';

export const ICON_SIZE = 48;

const css = (color: RGB) => `rgb(${color[0]}, ${color[1]}, ${color[2]})`;

/** Draws one service symbol with its top-left corner at (x, y), `size` pixels square. */
export function drawServiceIcon(
  context: CanvasRenderingContext2D,
  serviceType: ServiceType,
  x: number,
  y: number,
  size: number,
): void {
  const unit = size / 24;
  context.save();
  context.translate(x, y);
  context.scale(unit, unit);
  // White rim so the square stays visible over dark hatching.
  context.fillStyle = '#ffffff';
  roundedSquare(context, 1, 1, 22, 3.5);
  context.fill();
  context.fillStyle = css(SERVICE_BACKGROUND);
  roundedSquare(context, 2.5, 2.5, 19, 2.5);
  context.fill();
  context.fillStyle = css(SERVICE_GLYPH);
  context.strokeStyle = css(SERVICE_GLYPH);
  if (serviceType === 'water') {
    context.beginPath();
    context.moveTo(12, 5.5);
    context.bezierCurveTo(12, 5.5, 6.5, 12, 6.5, 14.5);
    context.arc(12, 14.5, 5.5, Math.PI, 0, true);
    context.bezierCurveTo(17.5, 12, 12, 5.5, 12, 5.5);
    context.fill();
  } else if (serviceType === 'health') {
    context.fillRect(10, 5.5, 4, 13);
    context.fillRect(5.5, 10, 13, 4);
  } else {
    context.lineWidth = 1.8;
    context.strokeRect(6.5, 9, 11, 9);
    context.beginPath();
    context.moveTo(6.5, 9);
    context.lineTo(9, 6);
    context.lineTo(15, 6);
    context.lineTo(17.5, 9);
    context.moveTo(12, 9);
    context.lineTo(12, 18);
    context.stroke();
  }
  context.restore();
}

function roundedSquare(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  side: number,
  radius: number,
) {
  context.beginPath();
  context.roundRect(x, y, side, side, radius);
}

export interface IconAtlas {
  atlas: HTMLCanvasElement;
  mapping: Record<ServiceType, { x: number; y: number; width: number; height: number; mask: false }>;
}

/** Builds the IconLayer atlas: the three symbols side by side. */
export function createServiceIconAtlas(): IconAtlas {
  const atlas = document.createElement('canvas');
  atlas.width = ICON_SIZE * SERVICE_TYPES.length;
  atlas.height = ICON_SIZE;
  const context = atlas.getContext('2d');
  if (!context) throw new Error('Canvas 2D is not available');
  const mapping = {} as IconAtlas['mapping'];
  SERVICE_TYPES.forEach((serviceType, index) => {
    drawServiceIcon(context, serviceType, index * ICON_SIZE, 0, ICON_SIZE);
    mapping[serviceType] = { x: index * ICON_SIZE, y: 0, width: ICON_SIZE, height: ICON_SIZE, mask: false };
  });
  return { atlas, mapping };
}
