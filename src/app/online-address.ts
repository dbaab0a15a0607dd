/** The address rule of the online tile options (street basemap, reference layers). */

/** An http(s) address, or null: anything else (file:, data:, typos) is refused before any request. */
export function onlineAddress(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
