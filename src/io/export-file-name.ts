/**
 * OCHA-style export names: `HTI_<short-name>_<YYYYMMDD>.<ext>`, e.g.
 * `HTI_sites-exposure_20261122.csv`, so files sort by date in shared folders.
 */

/** Builds the file name; the short name is made lower-case ASCII with dashes. */
export function exportFileName(shortName: string, extension: string, date: Date): string {
  const slug =
    shortName
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'export';
  // Local date: an export made at 21:00 in Port-au-Prince is dated that day, not UTC's next.
  const stamp = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
  return `HTI_${slug}_${stamp}.${extension.replace(/^\./, '').toLowerCase()}`;
}
