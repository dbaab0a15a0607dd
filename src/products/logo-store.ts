/**
 * The producer's logo, given once and kept in browser storage: scaled down
 * to at most 600 × 200 px and stored as a PNG data URL in localStorage. Read
 * back as a bitmap for the preview and the PNG, and as JPEG bytes on white
 * for the PDF (jsPDF embeds JPEG as it is).
 */

const KEY = 'katsit.snapshot.logo';
const MAX_WIDTH = 600;
const MAX_HEIGHT = 200;

export type LogoResult = { ok: true; logo: ImageBitmap } | { ok: false; code: 'unreadable' | 'not-stored' };

/** Reads an image file, scales it down, stores it; the bitmap is what the products draw. */
export async function storeLogo(file: Blob): Promise<LogoResult> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, code: 'unreadable' };
  }
  const ratio = Math.min(1, MAX_WIDTH / bitmap.width, MAX_HEIGHT / bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * ratio));
  canvas.height = Math.max(1, Math.round(bitmap.height * ratio));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  try {
    globalThis.localStorage?.setItem(KEY, canvas.toDataURL('image/png'));
  } catch {
    return { ok: false, code: 'not-stored' };
  }
  return { ok: true, logo: await createImageBitmap(canvas) };
}

/** The stored logo, or null. */
export async function storedLogo(): Promise<ImageBitmap | null> {
  try {
    const dataUrl = globalThis.localStorage?.getItem(KEY);
    if (!dataUrl?.startsWith('data:image/png;base64,')) return null;
    const blob = await (await fetch(dataUrl)).blob();
    return await createImageBitmap(blob);
  } catch {
    return null;
  }
}

export function removeLogo(): void {
  try {
    globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
}
