/**
 * Turning the bytes of a dropped file into text, and recognising zips, without
 * trusting the file name: users rename files, and phones add `.txt`.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;

/** True when the bytes start with a zip local-file header (KMZ, zipped Shapefile). */
export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((expected, index) => bytes[index] === expected);
}

/** Accepts either form a reader may receive and gives bytes. */
export function toBytes(input: Uint8Array | string): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
}

/** The encodings we recognise in text files, as shown to the user. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false };

/**
 * Decodes text by its byte-order mark first: UTF-16 LE or BE (Excel's
 * "Unicode text" and some Windows tools write it) and UTF-8 with a mark; then
 * UTF-8, falling back to Windows-1252, which is what Excel on French Windows
 * writes for "Pétion-Ville". Refuses text that holds NUL characters: that is
 * a binary file, not text (UTF-16 without a mark lands here too).
 */
export function decodeText(input: Uint8Array | string): DecodedText {
  let text: string;
  let encoding: TextEncodingName = 'utf-8';
  if (typeof input === 'string') {
    text = input;
  } else {
    const marked = byteOrderMarkEncoding(input);
    if (marked) {
      // The decoder drops the mark itself; a stray bad sequence becomes U+FFFD, not a refusal.
      text = new TextDecoder(marked).decode(input);
      encoding = marked === 'utf-8' ? 'utf-8-bom' : marked;
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(input);
      } catch {
        text = new TextDecoder('windows-1252').decode(input);
        encoding = 'windows-1252';
      }
    }
  }
  if (text.includes('\u0000')) return { ok: false };
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text, encoding };
}

/** The encoding a byte-order mark announces, if the bytes start with one. */
export function byteOrderMarkEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Lower-case extension without the dot ("" when there is none). */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** 1-based line and column of a character offset, for pointing into broken text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
