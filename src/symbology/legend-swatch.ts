/**
 * Draws a legend swatch from a palette entry, with the same colours, patterns
 * and icons the map layers use (see map/palette.ts).
 */
import type { LegendSymbol, RGB } from '../map/palette';
import { drawServiceIcon } from '../map/service-icons';

const SIZE = 20;
const css = (color: RGB, alpha = 1) => `rgba(${color[0]}, ${color[1]}, ${color[2]}, ${alpha})`;

/** `pixelRatio` defaults to the screen's; snapshots pass their export ratio so print swatches stay sharp. */
export function legendSwatch(symbol: LegendSymbol, pixelRatio?: number): HTMLCanvasElement {
  const ratio = pixelRatio ?? Math.max(1, Math.ceil(globalThis.devicePixelRatio || 1));
  const canvas = document.createElement('canvas');
  canvas.width = SIZE * ratio;
  canvas.height = SIZE * ratio;
  canvas.style.width = `${SIZE}px`;
  canvas.style.height = `${SIZE}px`;
  canvas.className = 'legend-swatch';
  canvas.setAttribute('aria-hidden', 'true');
  const context = canvas.getContext('2d');
  if (!context) return canvas;
  context.scale(ratio, ratio);
  drawSymbol(context, symbol);
  return canvas;
}

function drawSymbol(context: CanvasRenderingContext2D, symbol: LegendSymbol): void {
  switch (symbol.kind) {
    case 'circle':
      context.beginPath();
      context.arc(SIZE / 2, SIZE / 2, 7, 0, Math.PI * 2);
      context.fillStyle = css(symbol.color);
      context.fill();
      context.lineWidth = 1.5;
      context.strokeStyle = '#ffffff';
      context.stroke();
      return;
    case 'ring':
      context.beginPath();
      context.arc(SIZE / 2, SIZE / 2, 6.5, 0, Math.PI * 2);
      context.lineWidth = 1.5;
      context.strokeStyle = css(symbol.color);
      context.stroke();
      return;
    case 'fill':
      context.fillStyle = css(symbol.color, symbol.fillAlpha / 255);
      context.fillRect(2, 4, SIZE - 4, SIZE - 8);
      context.strokeStyle = css(symbol.color);
      context.lineWidth = 1;
      context.strokeRect(2.5, 4.5, SIZE - 5, SIZE - 9);
      return;
    case 'pattern':
      context.save();
      context.beginPath();
      context.rect(2, 3, SIZE - 4, SIZE - 6);
      context.clip();
      context.strokeStyle = css(symbol.color);
      context.fillStyle = css(symbol.color);
      if (symbol.pattern === 'dots') {
        for (let x = 4; x < SIZE; x += 5)
          for (let y = 5; y < SIZE; y += 5) context.fillRect(x - 1, y - 1, 2, 2);
      } else {
        context.lineWidth = symbol.pattern === 'hatch' ? 1.6 : 1.2;
        context.beginPath();
        for (let offset = -SIZE; offset < SIZE * 2; offset += 5) {
          context.moveTo(offset, SIZE);
          context.lineTo(offset + SIZE, 0);
          if (symbol.pattern === 'cross-hatch') {
            context.moveTo(offset, 0);
            context.lineTo(offset + SIZE, SIZE);
          }
        }
        context.stroke();
      }
      context.restore();
      context.lineWidth = 2.5;
      context.strokeStyle = css(symbol.color);
      context.strokeRect(2.5, 3.5, SIZE - 5, SIZE - 7);
      return;
    case 'icon':
      drawServiceIcon(context, symbol.serviceType, 0, 0, SIZE);
      return;
    case 'line':
      context.strokeStyle = css(symbol.color);
      context.lineWidth = symbol.width;
      context.setLineDash(symbol.dashed ? [...(symbol.dash ?? [4, 3])] : []);
      context.beginPath();
      context.moveTo(1, SIZE / 2);
      context.lineTo(SIZE - 1, SIZE / 2);
      context.stroke();
      return;
  }
}
