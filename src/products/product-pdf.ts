/**
 * Writes map products as one PDF with jsPDF, in the product worker (so the
 * 5 to 10 s of font subsetting, compression and assembly of a 300 ppi page
 * never hold the page): every word real, selectable text in the embedded Noto
 * Sans, the map and the legend swatches as JPEG images prepared beforehand,
 * each page exactly its paper size. No DOM: nothing here draws pixels.
 */
import type { Point } from '../map/snapshot-draw';
import { POINTS_PER_UNIT } from '../map/snapshot-layout';
import { type PdfFonts, type PdfPage, PRODUCT_FONT_FAMILY, swatchKey } from '../map/snapshot-render';

/** Base64 of bytes, in chunks (a 600 kB spread into fromCharCode would overflow the stack). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}

/** Pages as one PDF, each exactly its paper size in its orientation; null fonts fall back to Helvetica. */
export async function writePdf(pages: readonly PdfPage[], fonts: PdfFonts | null): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const formatOf = ({ product, settings }: PdfPage) => {
    const { page } = product.layout;
    return {
      orientation: page.width >= page.height ? ('landscape' as const) : ('portrait' as const),
      format:
        settings.paper === 'screen'
          ? [page.width * POINTS_PER_UNIT, page.height * POINTS_PER_UNIT]
          : settings.paper.toLowerCase(),
    };
  };
  const first = pages[0];
  if (!first) throw new Error('No page to write');
  const document_ = new jsPDF({ ...formatOf(first), unit: 'pt', compress: true });
  if (fonts) {
    for (const [style, data] of Object.entries(fonts)) {
      document_.addFileToVFS(`NotoSans-${style}.ttf`, base64(new Uint8Array(data as ArrayBuffer)));
      document_.addFont(`NotoSans-${style}.ttf`, PRODUCT_FONT_FAMILY, style === 'regular' ? 'normal' : style);
    }
  }
  for (const [index, page] of pages.entries()) {
    if (index > 0) {
      const { format, orientation } = formatOf(page);
      document_.addPage(format, orientation);
    }
    drawPdfPage(document_, page, fonts !== null);
  }
  return document_.output('blob');
}

type JsPdf = InstanceType<typeof import('jspdf').jsPDF>;

function drawPdfPage(document_: JsPdf, { product, images, swatches }: PdfPage, embedded: boolean): void {
  const scale = (value: number) => value * POINTS_PER_UNIT;
  const path = (rings: readonly (readonly Point[])[]) => {
    for (const ring of rings) {
      ring.forEach(([x, y], index) => {
        if (index === 0) document_.moveTo(scale(x), scale(y));
        else document_.lineTo(scale(x), scale(y));
      });
      document_.close();
    }
  };
  for (const operation of product.operations) {
    switch (operation.kind) {
      case 'rect': {
        const style = operation.fill && operation.stroke ? 'FD' : operation.fill ? 'F' : 'S';
        if (operation.fill) document_.setFillColor(operation.fill);
        if (operation.stroke) {
          document_.setDrawColor(operation.stroke);
          document_.setLineWidth(scale(operation.lineWidth ?? 1));
        }
        document_.rect(
          scale(operation.x),
          scale(operation.y),
          scale(operation.width),
          scale(operation.height),
          style,
        );
        break;
      }
      case 'text': {
        const style = operation.bold ? 'bold' : operation.italic ? 'italic' : 'normal';
        if (embedded) document_.setFont(PRODUCT_FONT_FAMILY, style);
        else document_.setFont('helvetica', operation.bold && operation.italic ? 'bolditalic' : style);
        document_.setFontSize(scale(operation.size));
        document_.setTextColor(operation.color);
        // Helvetica (the fallback) has no narrow no-break space: print a plain space rather than a stray glyph.
        const text = embedded ? operation.text : operation.text.replace(/[\u202f\u00a0]/g, ' ');
        const align = operation.align ?? 'left';
        if (operation.halo) {
          // The halo first, as stroked letters, so the filled letters cover its inner half.
          document_.setDrawColor(operation.halo.color);
          document_.setLineWidth(scale(operation.halo.width));
          document_.setLineJoin('round');
          document_.text(text, scale(operation.x), scale(operation.y), { align, renderingMode: 'stroke' });
          document_.setLineJoin('miter');
        }
        document_.text(text, scale(operation.x), scale(operation.y), { align });
        break;
      }
      case 'line':
        document_.setDrawColor(operation.color);
        document_.setLineWidth(scale(operation.width));
        for (let index = 1; index < operation.points.length; index++) {
          const [x1, y1] = operation.points[index - 1] ?? [0, 0];
          const [x2, y2] = operation.points[index] ?? [0, 0];
          document_.line(scale(x1), scale(y1), scale(x2), scale(y2));
        }
        break;
      case 'polygon':
        if (operation.fill) document_.setFillColor(operation.fill);
        if (operation.stroke) {
          document_.setDrawColor(operation.stroke);
          document_.setLineWidth(scale(operation.lineWidth ?? 1));
        }
        path(operation.rings);
        if (operation.fill && operation.stroke) document_.fillStrokeEvenOdd();
        else if (operation.fill) document_.fillEvenOdd();
        else document_.stroke();
        break;
      case 'circle':
        document_.setFillColor(operation.fill);
        document_.setDrawColor(operation.stroke);
        document_.setLineWidth(scale(operation.lineWidth));
        document_.circle(scale(operation.x), scale(operation.y), scale(operation.radius), 'FD');
        break;
      case 'image': {
        const bytes = images[operation.slot];
        if (!bytes) break;
        // JPEG: jsPDF embeds the bytes as they are (no PNG decoder is bundled).
        document_.addImage(
          bytes,
          'JPEG',
          scale(operation.x),
          scale(operation.y),
          scale(operation.width),
          scale(operation.height),
          undefined,
          'NONE',
        );
        break;
      }
      case 'swatch': {
        const swatch = swatches[swatchKey(operation.symbol)];
        if (!swatch) break;
        document_.addImage(
          swatch,
          'JPEG',
          scale(operation.x),
          scale(operation.y),
          scale(operation.size),
          scale(operation.size),
        );
        break;
      }
    }
  }
}
