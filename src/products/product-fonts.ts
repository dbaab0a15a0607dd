/**
 * Noto Sans for map products, loaded only when the composer needs it: the
 * TTF files are build assets (not in any bundle), fetched once, registered as
 * a page font (so the preview and the PNG measure and draw the very glyphs
 * the PDF prints) and handed as bytes to the product worker, whose jsPDF embeds a subset of
 * them. Every character of French, Creole and English prints, including the
 * narrow no-break space of French numbers ("69 468").
 */

import regularUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import italicUrl from '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import { type PdfFonts, PRODUCT_FONT_FAMILY } from '../map/snapshot-render';

const FACES = [
  { key: 'regular', url: regularUrl, descriptors: { weight: '400', style: 'normal' } },
  { key: 'bold', url: boldUrl, descriptors: { weight: '700', style: 'normal' } },
  { key: 'italic', url: italicUrl, descriptors: { weight: '400', style: 'italic' } },
] as const;

let loading: Promise<PdfFonts | null> | null = null;

async function load(): Promise<PdfFonts | null> {
  try {
    const files = await Promise.all(
      FACES.map(async (face) => {
        const response = await fetch(face.url);
        if (!response.ok) throw new Error(`${response.status}`);
        const buffer = await response.arrayBuffer();
        const fontFace = new FontFace(PRODUCT_FONT_FAMILY, buffer, face.descriptors);
        await fontFace.load();
        document.fonts.add(fontFace);
        return [face.key, buffer] as const;
      }),
    );
    return Object.fromEntries(files) as unknown as PdfFonts;
  } catch {
    // Without the files (an old offline cache), products fall back to the system fonts and Helvetica.
    return null;
  }
}

/** The product fonts, loaded once per page; null when they cannot be read. */
export function productFonts(): Promise<PdfFonts | null> {
  loading ??= load();
  return loading;
}
