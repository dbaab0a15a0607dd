/**
 * The "skip to the map" link: lands keyboard focus on the map canvas, where MapLibre's
 * keyboard handler listens (arrows pan, + and − zoom). Handled here rather than by the
 * link's `#map` fragment, because the URL hash carries the shared view (app/url-sync.ts)
 * and a fragment would focus the map's container, which the keyboard handler does not hear.
 */
export function mountSkipLink(link: HTMLAnchorElement, target: () => HTMLElement): () => void {
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    target().focus();
  };
  link.addEventListener('click', onClick);
  return () => link.removeEventListener('click', onClick);
}
