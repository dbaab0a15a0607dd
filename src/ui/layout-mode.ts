/**
 * Which of the three layouts the screen gets. One source of truth for the
 * stylesheets and the scripts: the mode is written on `<html data-layout>`, and
 * the CSS of the phone and tablet layouts keys on that attribute rather than
 * repeating these media queries.
 */

export type LayoutMode = 'phone' | 'tablet' | 'desktop';

/** Below about 700 px wide, whatever the pointer: the map takes the screen, panels open as sheets. */
export const PHONE_QUERY = '(max-width: 699px)';
/**
 * Tablets: a touch screen up to 1366 px wide. A laptop window of the same width keeps the desktop
 * layout, whose panels beside the map suit a mouse.
 */
export const TABLET_QUERY = '(min-width: 700px) and (max-width: 1366px) and (pointer: coarse)';

/** The layout for the screen as it is now. */
export function currentLayoutMode(host: Pick<Window, 'matchMedia'>): LayoutMode {
  if (host.matchMedia(PHONE_QUERY).matches) return 'phone';
  if (host.matchMedia(TABLET_QUERY).matches) return 'tablet';
  return 'desktop';
}

/**
 * Writes the layout mode on the root element now and whenever the screen changes (a rotated
 * tablet, a resized window), calling `onChange` after each change; returns the function that stops.
 */
export function watchLayoutMode(
  host: Pick<Window, 'matchMedia'>,
  root: HTMLElement,
  onChange: (mode: LayoutMode) => void,
): () => void {
  const queries = [host.matchMedia(PHONE_QUERY), host.matchMedia(TABLET_QUERY)];
  const apply = () => {
    const mode = currentLayoutMode(host);
    if (root.dataset.layout === mode) return;
    root.dataset.layout = mode;
    onChange(mode);
  };
  apply();
  for (const query of queries) query.addEventListener('change', apply);
  return () => {
    for (const query of queries) query.removeEventListener('change', apply);
  };
}
